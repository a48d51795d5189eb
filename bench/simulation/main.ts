// The typing benchmark in virtual time: the real InlineSession, a seeded typist and an in-process
// oracle, with no editor. A whole file is "typed" in well under a second, so policy changes can be
// judged quickly; the real-VS-Code benchmark (bench/typing) stays the final judge.
//
//   node out/bench/simulation/main.js [--events out.jsonl] [--seeds N] [--first-token MS] [--per-token MS] [--mode whole|write|edit]
//
// --mode whole (the default) types every file from its first character; write types lines 2 to 31 of each
// file, as the real-VS-Code benchmark's write scenarios do; edit fills the holes that benchmark cuts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pickHoles, withHolesCut } from '../typing/holes';
import { percentile } from '../typing/metrics';
import { simulateTyping, type SimulationResult } from '../../test/support/simulation/typing-simulation';

interface Options {
  eventsFile?: string;
  mode: 'whole' | 'write' | 'edit';
  seeds: number;
  firstTokenMs: number;
  perTokenMs: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { seeds: 3, firstTokenMs: 150, perTokenMs: 10, mode: 'whole' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--events') options.eventsFile = value;
    else if (flag === '--seeds') options.seeds = Number(value);
    else if (flag === '--first-token') options.firstTokenMs = Number(value);
    else if (flag === '--per-token') options.perTokenMs = Number(value);
    else if (flag === '--mode' && (value === 'whole' || value === 'write' || value === 'edit')) options.mode = value;
    else throw new Error(`unknown flag ${flag}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const filesDir = path.join(__dirname, '..', '..', '..', 'bench', 'typing', 'files');
  const files = fs.readdirSync(filesDir).sort();
  const events = options.eventsFile ? fs.createWriteStream(options.eventsFile) : undefined;
  const rows: { name: string; result: SimulationResult }[] = [];
  const started = process.hrtime.bigint();
  for (const [index, file] of files.entries()) {
    const text = fs.readFileSync(path.join(filesDir, file), 'utf8');
    for (let seed = 1; seed <= options.seeds; seed++) {
      const timing = { firstTokenMs: options.firstTokenMs, perTokenMs: options.perTokenMs };
      const parts = await Promise.all(spansOf(text, options.mode, index).map((span, hole) => simulateTyping({ ...span, seed: seed * 100 + hole, timing })));
      const result = merge(parts);
      rows.push({ name: `${file} seed ${seed}`, result });
      parts.forEach((part, hole) => {
        for (const event of part.events) events?.write(`${JSON.stringify({ file, seed, hole, ...event })}\n`);
      });
    }
  }
  events?.end();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`Virtual-time typing (${options.mode}): ${files.length} files x ${options.seeds} seeds, server ${options.firstTokenMs} ms + ${options.perTokenMs} ms/token, ${wallMs.toFixed(0)} ms of real time`);
  console.log('| run | saved % | saved/request | saved/1k tokens | pauses answered | pause→ghost p50/p90 ms | accept→ghost p50 ms | wrong ghosts | off-truth requests | max concurrent |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, result } of [...rows, { name: 'all', result: merge(rows.map((r) => r.result)) }]) console.log(row(name, result));
}

/** The text and span of each typing run on a file in a mode (the holes as the real-VS-Code benchmark picks them). */
function spansOf(text: string, mode: Options['mode'], index: number): { text: string; span: { from: number; to: number } }[] {
  if (mode === 'whole') return [{ text, span: { from: 0, to: text.length } }];
  if (mode === 'write') {
    let to = 0;
    for (let line = 0; line < 31 && to >= 0; line++) to = text.indexOf('\n', to) + 1;
    return [{ text, span: { from: text.indexOf('\n') + 1, to: to > 0 ? to : text.length } }];
  }
  const holes = pickHoles(text, 4, 7 + index);
  return holes.map((hole, i) => ({ text: withHolesCut(text, holes, i + 1), span: { from: hole.from, to: hole.to } }));
}

function row(name: string, r: SimulationResult): string {
  const answered = r.pauses.filter((p) => p.answeredAfterMs !== undefined).map((p) => p.answeredAfterMs!);
  const saved = (100 * r.acceptedChars) / Math.max(1, r.acceptedChars + r.typedChars);
  return `| ${name} | ${saved.toFixed(1)} | ${(r.acceptedChars / Math.max(1, r.requests.length)).toFixed(1)} | ${((1000 * r.acceptedChars) / Math.max(1, r.generatedTokens)).toFixed(0)} | `
    + `${answered.length} of ${r.pauses.length} | ${fmt(percentile(answered, 0.5))} / ${fmt(percentile(answered, 0.9))} | ${fmt(percentile(r.acceptToGhostMs, 0.5))} | ${r.wrongGhosts} | ${r.offTruthRequests} of ${r.requests.length} | ${r.maxConcurrentRequests} |`;
}

function fmt(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(0);
}

function merge(results: SimulationResult[]): SimulationResult {
  const all = results.reduce((a, b) => ({
    ...a,
    acceptedChars: a.acceptedChars + b.acceptedChars,
    typedChars: a.typedChars + b.typedChars,
    accepts: a.accepts + b.accepts,
    wrongGhosts: a.wrongGhosts + b.wrongGhosts,
    shownChars: a.shownChars + b.shownChars,
    wrongChars: a.wrongChars + b.wrongChars,
    offTruthRequests: a.offTruthRequests + b.offTruthRequests,
    requests: [...a.requests, ...b.requests],
    generatedTokens: a.generatedTokens + b.generatedTokens,
    pauses: [...a.pauses, ...b.pauses],
    acceptToGhostMs: [...a.acceptToGhostMs, ...b.acceptToGhostMs],
    maxConcurrentRequests: Math.max(a.maxConcurrentRequests, b.maxConcurrentRequests),
  }));
  return { ...all, events: results.flatMap((r) => r.events) };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
