// A completion server that knows the benchmark's target files and answers every prompt with how
// the file truly goes on (to the end of the line), cut before the first identifier that appears
// nowhere in the request's text: it completes only what the request showed, as a model that has
// never seen the project could. Keywords and the languages' built-in names are known to any model
// and never cut. Real HTTP on 127.0.0.1, port 0.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/** What a model of these languages knows without being shown: keywords and built-in names. */
const KNOWN = new Set(`
  abstract as async await boolean break case catch class const constructor continue default delete do else enum export
  extends false finally for from function get if implements import in instanceof interface let new null number
  of private protected public readonly return set static string super switch this throw true try type typeof undefined
  var void while yield Error Map Set Math Array Object Promise Record String Number JSON Date toFixed round filter map
  reduce find push values get set has length
  and def elif except False None not or pass raise True with lambda is nonlocal global print len range int float str
  list dict tuple sum min max sorted enumerate zip isinstance dataclass field self cls append items
  package func go defer chan select struct map range var const type return nil error errors New append make
  string int int64 bool byte rune len time Time After Format DateOnly
`.split(/\s+/).filter(Boolean));

export interface OracleAnswer {
  /** The file the prompt was found in, or undefined when none. */
  target?: string;
  /** The line's true rest, and what was sent of it. */
  truth: string;
  answer: string;
  /** The answer stops before a name the request never showed. */
  cutForContext: boolean;
  /** That name. */
  cutWord?: string;
  /** prompt + suffix, in characters. */
  requestChars: number;
}

export interface ContextOracle {
  baseUrl: string;
  answers: OracleAnswer[];
  close(): Promise<void>;
}

/** Starts the oracle for these target files (their final text). */
export async function startContextOracle(targets: ReadonlyMap<string, string>): Promise<ContextOracle> {
  const answers: OracleAnswer[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url?.endsWith('/models')) return send(response, { object: 'list', data: [{ id: 'oracle', object: 'model', created: 0, owned_by: 'bench' }] });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { prompt: string; suffix?: string; max_tokens?: number };
      const answer = answerFor(targets, body.prompt, body.suffix ?? '', (body.max_tokens ?? 64) * 4);
      answers.push(answer);
      send(response, {
        id: 'cmpl-oracle', object: 'text_completion', created: 0, model: 'oracle',
        choices: [{ text: answer.answer, index: 0, logprobs: null, finish_reason: 'stop' }],
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    answers,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function send(response: http.ServerResponse, value: unknown): void {
  const text = JSON.stringify(value);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The answer to one request: the target whose start the prompt ends with (the longest such start),
 * that line's true rest, cut as the oracle cuts. Nothing typed yet says nothing about which file it is.
 */
export function answerFor(targets: ReadonlyMap<string, string>, prompt: string, suffix: string, maxChars: number): OracleAnswer {
  const requestChars = prompt.length + suffix.length;
  let best: { name: string; text: string; at: number } | undefined;
  for (const [name, text] of targets) {
    const at = typedLength(prompt, text);
    if (at !== undefined && at > 0 && (!best || at > best.at)) best = { name, text, at };
  }
  if (!best) return { truth: '', answer: '', cutForContext: false, requestChars };
  const { name, text, at } = best;
  const lineEnd = text.indexOf('\n', at);
  const truth = text.slice(at, lineEnd < 0 ? text.length : lineEnd).slice(0, maxChars);
  const known = knownUpTo(prompt + suffix, text.slice(0, at), truth);
  const answer = truth.slice(0, known.chars);
  return { target: name, truth, answer, cutForContext: answer.length < truth.length, cutWord: known.unknown, requestChars };
}

/** How much of `text` the prompt ends with, when it ends with a start of it (the typed part). */
function typedLength(prompt: string, text: string): number | undefined {
  // A long typed part: find where the prompt's last 200 characters sit in the file.
  const probe = prompt.slice(-200);
  for (let at = text.indexOf(probe); at >= 0 && probe.length === 200; at = text.indexOf(probe, at + 1)) {
    const end = at + probe.length;
    if (prompt.endsWith(text.slice(0, end))) return end;
  }
  // A short one (the prompt's tail is then context or the file's name): try each length.
  for (let length = Math.min(prompt.length, text.length, 199); length >= 0; length--) {
    if (prompt.endsWith(text.slice(0, length))) return length;
  }
  return undefined;
}

/**
 * How many characters of `rest` can be said from what the request shows: up to the first identifier
 * (including one begun before the cursor) that is neither in the request nor known to every model.
 */
function knownUpTo(requestText: string, before: string, rest: string): { chars: number; unknown?: string } {
  const shown = new Set(requestText.match(IDENTIFIER) ?? []);
  const begun = /[\w$]*$/.exec(before)![0];
  const joined = begun + rest;
  for (const match of joined.matchAll(IDENTIFIER)) {
    const end = match.index + match[0].length;
    if (end <= begun.length) continue;
    const word = match[0];
    if (!shown.has(word) && !KNOWN.has(word)) return { chars: Math.max(0, match.index - begun.length), unknown: word };
  }
  return { chars: rest.length };
}
