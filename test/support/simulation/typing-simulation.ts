import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { InlineSession, type InlineEvent } from '../../../src/engine/inline-session';
import { isWritingSpot } from '../../../src/engine/cursor-stop';
import { allowsMultiline } from '../../../src/engine/multiline';
import { GapSource, HUMAN_RHYTHM, type Rhythm } from '../../../bench/typing/rhythm';
import type { CompletionStreamer } from '../../../src/engine/completion-engine';
import { OracleStreamer, type OracleRequest, type OracleTiming } from './oracle-streamer';
import { VirtualClock } from './virtual-clock';

/** One simulated typing session: a file, which part of it is typed, by whom, against which server. */
export interface SimulationSpec {
  /** The true text of the whole file. */
  text: string;
  /** The span the typist types; the editor holds the text before it and after it. Default: all of it. */
  span?: { from: number; to: number };
  rhythm?: Rhythm;
  seed?: number;
  timing?: OracleTiming;
  settings?: Partial<Settings>;
  /** The server to type against (default: the exact oracle, {@link OracleStreamer}). */
  server?: (world: SimulatedWorld) => SimulatedServer;
}

/** What a simulated server is built from. */
export interface SimulatedWorld {
  clock: VirtualClock;
  /** The true text of the whole file, and the part of it after the typed span. */
  text: string;
  trueSuffix: string;
  timing: OracleTiming;
  settings: Settings;
}

/** A completion source in virtual time that records its requests as the oracle does. */
export interface SimulatedServer extends CompletionStreamer {
  readonly requests: OracleRequest[];
}

/** Something that happened, in virtual milliseconds, for reading the run afterwards. */
export type SimEvent =
  | { t: number; kind: 'type'; char: string; pos: number }
  | { t: number; kind: 'accept'; text: string; pos: number }
  | { t: number; kind: 'ghost'; text: string; pos: number; matches: boolean }
  | { t: number; kind: 'request'; purpose: string }
  | { t: number; kind: 'failed'; error: string };

/** A pause of the typist (a gap of at least the line pause) and whether matching ghost text came in it. */
export interface SimPause {
  at: number;
  pos: number;
  lengthMs: number;
  /** Milliseconds from the pause's start to matching ghost text, if any came before the typist went on. */
  answeredAfterMs?: number;
}

export interface SimulationResult {
  acceptedChars: number;
  typedChars: number;
  accepts: number;
  /** Ghost texts shown that were not how the file goes on from the cursor. */
  wrongGhosts: number;
  /** Characters of ghost text shown, each time it appeared or changed. */
  shownChars: number;
  /** Of those, the characters from the first one that is not how the file goes on to the end of the ghost text. */
  wrongChars: number;
  /** Requests whose prompt and suffix were not the true text around some point. */
  offTruthRequests: number;
  requests: OracleRequest[];
  generatedTokens: number;
  pauses: SimPause[];
  /** Milliseconds from each accept to the next matching ghost text (while the typist had not moved on). */
  acceptToGhostMs: number[];
  /** The most requests running at once. */
  maxConcurrentRequests: number;
  events: SimEvent[];
  finalText: string;
}

const PAUSE_MS = 300;

/**
 * Types a file against an {@link InlineSession} in virtual time, as VS Code and a person would: every
 * change calls the session (cancelling the previous call), the newest answer is the ghost text, typing
 * a character the ghost text starts with keeps the rest visible, and the typist presses Tab whenever
 * the ghost text has been visible for the reaction time (typing into it or it growing does not restart
 * that time) and is exactly how the file goes on.
 */
export async function simulateTyping(spec: SimulationSpec): Promise<SimulationResult> {
  const text = spec.text;
  const span = spec.span ?? { from: 0, to: text.length };
  const rhythm = spec.rhythm ?? HUMAN_RHYTHM;
  const clock = new VirtualClock();
  const trueSuffix = text.slice(span.to);
  // The oracle is a fast server on this machine, where `auto` asks at cursor stops; a fresh session has
  // not measured that yet, so the simulation says it.
  const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:8012/v1', model: 'oracle', suggestWhereCursorStops: 'on', ...spec.settings };
  const timing = spec.timing ?? { firstTokenMs: 150, perTokenMs: 10 };
  const oracle = spec.server?.({ clock, text, trueSuffix, timing, settings }) ?? new OracleStreamer(clock, text, trueSuffix, timing, settings.maxTokens);
  const events: SimEvent[] = [];
  let running = 0;
  let maxConcurrentRequests = 0;
  const onEvent = (event: InlineEvent) => {
    if (event.type === 'started') {
      running++;
      maxConcurrentRequests = Math.max(maxConcurrentRequests, running);
      events.push({ t: clock.now(), kind: 'request', purpose: event.purpose });
    } else if (event.type !== 'held') {
      running--;
      if (event.type === 'failed') events.push({ t: clock.now(), kind: 'failed', error: String(event.error) });
    }
  };
  const session = new InlineSession({ engine: oracle, settings: () => settings, clock, onEvent });
  const gaps = new GapSource(rhythm, spec.seed ?? 1);

  let pos = span.from;
  let version = 0;
  let ghost = '';
  let ghostShownAt = 0;
  let call: AbortController | undefined;
  let acceptedChars = 0;
  let typedChars = 0;
  let accepts = 0;
  let wrongGhosts = 0;
  let shownChars = 0;
  let wrongChars = 0;
  let lastAcceptAt: number | undefined;
  const acceptToGhostMs: number[] = [];
  const pauses: SimPause[] = [];
  let openPause: SimPause | undefined;

  const truthFromCursor = () => text.slice(pos, span.to);
  /** The text after `at` on its line as the editor holds it: nothing of the span is there yet. */
  const lineAfter = (at: number) => {
    if (at < span.to) return '';
    const lineEnd = trueSuffix.indexOf('\n');
    return trueSuffix.slice(0, lineEnd < 0 ? undefined : lineEnd);
  };
  const show = (next: string) => {
    if (next === ghost) return;
    // A suggestion that grows (the rest of a block arrives) is the same one still being read.
    if (!(ghost !== '' && next.startsWith(ghost))) ghostShownAt = clock.now();
    ghost = next;
    if (!next) return;
    const truth = truthFromCursor();
    const matches = truth.startsWith(next);
    if (!matches) wrongGhosts++;
    let same = 0;
    while (same < next.length && next[same] === truth[same]) same++;
    shownChars += next.length;
    wrongChars += next.length - same;
    events.push({ t: clock.now(), kind: 'ghost', text: next, pos, matches });
    if (matches && openPause && openPause.answeredAfterMs === undefined) openPause.answeredAfterMs = clock.now() - openPause.at;
    if (matches && lastAcceptAt !== undefined) {
      acceptToGhostMs.push(clock.now() - lastAcceptAt);
      lastAcceptAt = undefined;
    }
  };
  const ask = (explicit: boolean, cursorStop = false) => {
    call?.abort();
    const abort = new AbortController();
    call = abort;
    const asked = version;
    const prefix = text.slice(Math.max(0, pos - settings.maxPrefixChars), pos);
    const lineAfterCursor = lineAfter(pos);
    void session
      .provide({ prefix, suffix: trueSuffix, multiline: allowsMultiline(settings.multiline, lineAfterCursor), languageId: 'plaintext', explicit, cursorStop, signal: abort.signal })
      .then((answer) => {
        if (abort.signal.aborted || asked !== version || !answer) return;
        show(answer.suggestions[0]?.text ?? '');
        if (answer.rest) void answer.rest.then(() => { if (asked === version) ask(true); });
      });
  };
  const changed = () => {
    version++;
    ask(false);
  };

  const act = () => {
    const now = clock.now();
    if (openPause) {
      openPause.lengthMs = now - openPause.at;
      openPause = undefined;
    }
    if (pos >= span.to) return;
    let gap: number;
    if (ghost && now - ghostShownAt >= rhythm.reactionMs && truthFromCursor().startsWith(ghost)) {
      events.push({ t: now, kind: 'accept', text: ghost, pos });
      pos += ghost.length;
      acceptedChars += ghost.length;
      accepts++;
      ghost = '';
      lastAcceptAt = now;
      gap = gaps.afterAccept();
      changed();
    } else {
      const char = text[pos]!;
      events.push({ t: now, kind: 'type', char, pos });
      pos++;
      typedChars++;
      lastAcceptAt = undefined;
      // Typing what the ghost text starts with keeps the rest of it in view; anything else hides it.
      if (ghost.startsWith(char) && ghost.length > 1) ghost = ghost.slice(1);
      else ghost = '';
      gap = gaps.afterChar(char, text[pos - 2] ?? '');
      changed();
    }
    // A pause with the span typed in full has nothing left to suggest: not counted.
    if (gap >= PAUSE_MS && pos < span.to) {
      openPause = { at: now, pos, lengthMs: gap };
      pauses.push(openPause);
      if (ghost && truthFromCursor().startsWith(ghost)) openPause.answeredAfterMs = 0;
    }
    if (pos < span.to) clock.at(now + gap, act);
    else clock.at(now + gap, () => { openPause = undefined; });
  };

  // The cursor lands at the span's start (a jump; at the start of a file just opened it is simply there):
  // the editor asks there when the session wants it, and the typist looks at the spot before the first key.
  if (span.from > 0 && session.asksWhereCursorStops() && isWritingSpot(text.slice(text.lastIndexOf('\n', span.from - 1) + 1, span.from), lineAfter(span.from))) ask(false, true);
  clock.at(gaps.afterLanding(), act);
  await clock.run();
  session.dispose();
  await clock.run();
  return {
    acceptedChars,
    typedChars,
    accepts,
    wrongGhosts,
    shownChars,
    wrongChars,
    offTruthRequests: oracle.requests.filter((r) => !r.onTruth).length,
    requests: oracle.requests,
    generatedTokens: oracle.requests.reduce((sum, r) => sum + r.generatedTokens, 0),
    pauses,
    acceptToGhostMs,
    maxConcurrentRequests,
    events,
    finalText: text.slice(0, pos) + trueSuffix,
  };
}
