import type { GhostEvent } from './ghost-watch';
import type { OracleRequestRecord } from './oracle-server';
import type { TypedFile, TypistAction } from './typist';

/** Gaps at least this long are pauses (the end of a typed burst). */
export const PAUSE_MIN_MS = 400;

/** The figures of one peer's run. */
export interface PeerFigures {
  requests: number;
  aborted: number;
  tokensGenerated: number;
  keystrokesSaved: number;
  savedPerRequest: number;
  typedChars: number;
  accepts: number;
  fixUps: number;
  pauses: number;
  pausesWithGhost: number;
  pauseToGhostMedianMs: number;
  pauseToGhostP90Ms: number;
  /** Pause-to-ghost minus its budget: the debounce setting plus the serving request's time at the server. */
  overheadMedianMs: number;
  overheadP90Ms: number;
  /** Pauses whose ghost text came from a request that ended in that pause (the overhead's sample). */
  overheadSamples: number;
  /** In those pauses: from the server's last byte to visible ghost text. */
  afterLastByteMedianMs: number;
  /** In those pauses: from the moment the answer's first line was complete to visible ghost text. */
  afterFirstLineMedianMs: number;
  /** Characters typed while a suggestion that began with them was visible. */
  typedIntoSuggestion: number;
  flicker: number;
  filesMatching: number;
  files: number;
}

/** Works out a peer's figures from what the typist did, what the page showed and what the oracle served. */
export function computeFigures(typed: readonly TypedFile[], requests: readonly OracleRequestRecord[], debounceMs: number): PeerFigures {
  const pauseToGhost: number[] = [];
  const overhead: number[] = [];
  const afterLastByte: number[] = [];
  const afterFirstLine: number[] = [];
  let pauses = 0;
  let typedIntoSuggestion = 0;
  let flicker = 0;
  for (const file of typed) {
    const timeline = withInitialState(file.ghostEvents);
    file.actions.forEach((action, index) => {
      const windowEnd = file.actions[index + 1]?.startedAt ?? action.startedAt + action.gapMs;
      if (action.gapMs >= PAUSE_MIN_MS && action.kind !== 'undo') {
        pauses++;
        const shownAt = firstVisibleBetween(timeline, action.doneAt, windowEnd);
        if (shownAt !== undefined) {
          const latency = shownAt - action.doneAt;
          pauseToGhost.push(latency);
          const serving = servingRequest(requests, action.doneAt, shownAt);
          if (serving) {
            // The budget is the debounce plus the server's time; for a request already running when
            // the pause began (reused), only what the server still had to do.
            const budget = serving.arrivedAt <= action.doneAt
              ? serving.endedAt! - action.doneAt
              : debounceMs + (serving.endedAt! - serving.arrivedAt);
            overhead.push(latency - budget);
            afterLastByte.push(shownAt - serving.endedAt!);
            if (serving.firstLineAt !== undefined) afterFirstLine.push(shownAt - serving.firstLineAt);
          }
        }
      }
      if (isTypingIntoSuggestion(action)) {
        typedIntoSuggestion++;
        if (vanishedBetween(timeline, action.startedAt, windowEnd)) flicker++;
      }
    });
  }
  const keystrokesSaved = sum(typed.map((file) => file.acceptedChars));
  return {
    requests: requests.length,
    aborted: requests.filter((request) => request.aborted).length,
    tokensGenerated: sum(requests.map((request) => request.generatedTokens)),
    keystrokesSaved,
    savedPerRequest: requests.length > 0 ? keystrokesSaved / requests.length : 0,
    typedChars: sum(typed.map((file) => file.typedChars)),
    accepts: sum(typed.map((file) => file.actions.filter((action) => action.kind === 'accept').length)),
    fixUps: sum(typed.map((file) => file.fixUps)),
    pauses,
    pausesWithGhost: pauseToGhost.length,
    pauseToGhostMedianMs: percentile(pauseToGhost, 0.5),
    pauseToGhostP90Ms: percentile(pauseToGhost, 0.9),
    overheadMedianMs: percentile(overhead, 0.5),
    overheadP90Ms: percentile(overhead, 0.9),
    overheadSamples: overhead.length,
    afterLastByteMedianMs: percentile(afterLastByte, 0.5),
    afterFirstLineMedianMs: percentile(afterFirstLine, 0.5),
    typedIntoSuggestion,
    flicker,
    filesMatching: typed.filter((file) => file.finalTextMatches).length,
    files: typed.length,
  };
}

/** A character typed while the visible suggestion began with it and had more to offer. */
function isTypingIntoSuggestion(action: TypistAction): boolean {
  return action.kind === 'char' && action.ghostBefore.length > action.text.length && action.ghostBefore.startsWith(action.text);
}

/** The recorded changes, starting from "nothing shown" before the first one. */
function withInitialState(events: readonly GhostEvent[]): GhostEvent[] {
  return [{ at: 0, text: '' }, ...events];
}

function textAt(timeline: readonly GhostEvent[], at: number): string {
  let text = '';
  for (const event of timeline) {
    if (event.at > at) break;
    text = event.text;
  }
  return text;
}

/** When ghost text was first visible in [from, to): `from` itself if it already was. */
function firstVisibleBetween(timeline: readonly GhostEvent[], from: number, to: number): number | undefined {
  if (textAt(timeline, from) !== '') return from;
  return timeline.find((event) => event.at > from && event.at < to && event.text !== '')?.at;
}

function vanishedBetween(timeline: readonly GhostEvent[], from: number, to: number): boolean {
  return timeline.some((event) => event.at > from && event.at < to && event.text === '');
}

/**
 * The request that produced ghost text shown at `shownAt` in a pause that began at `pauseStart`: the
 * last one whose answer ended in between (it may have been sent before the pause and reused). None
 * when the ghost came from the cache or from an answer that ended earlier.
 */
function servingRequest(requests: readonly OracleRequestRecord[], pauseStart: number, shownAt: number): OracleRequestRecord | undefined {
  let serving: OracleRequestRecord | undefined;
  for (const request of requests) {
    if (request.endedAt === undefined || request.endedAt <= pauseStart || request.endedAt > shownAt) continue;
    if (request.generatedTokens === 0) continue;
    if (!serving || request.endedAt > serving.endedAt!) serving = request;
  }
  return serving;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The p-th percentile (nearest rank); NaN for no samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
