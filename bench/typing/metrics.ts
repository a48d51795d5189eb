import { docText, type ActionEvent, type BenchEvent, type DocEvent, type GhostChangeEvent, type RequestEvent, type SpanEvent } from './events';
import { shownFrom } from './ghost-watch';
import { judgeShown, type DocumentAt, type Target } from './truth';

/** Gaps at least this long are pauses (the end of a typed burst: after Enter, an accept, an empty line). */
export const PAUSE_MIN_MS = 400;

/** The figures of one run (one peer in one scenario). */
export interface RunFigures {
  run: string;
  peer: string;
  scenario: string;
  /** Characters of the true file in the typed spans. */
  chars: number;
  acceptedChars: number;
  /** acceptedChars / chars, in %. */
  savedPercent: number;
  /** Keys pressed other than accepting Tabs. */
  keys: number;
  accepts: number;
  requests: number;
  aborted: number;
  tokensGenerated: number;
  savedPerRequest: number;
  savedPer1000Tokens: number;
  pauses: number;
  /** Pauses in which a suggestion that is how the file goes on showed. */
  pausesAnswered: number;
  pauseToGhostP50Ms: number;
  pauseToGhostP90Ms: number;
  /** Spans whose first key came after a suggestion that is how the file goes on had shown where the cursor landed. */
  landings: number;
  landingsAnswered: number;
  /** Milliseconds from the cursor landing to that suggestion. */
  landingToGhostP50Ms: number;
  landingToGhostP90Ms: number;
  /** Ghost-text changes judged against the true file, and those that were not how it goes on. */
  ghostsJudged: number;
  wrongGhosts: number;
  /** Ghost text shown while the document before the cursor was itself off the true text (the editor's indentation). */
  ghostsUnjudged: number;
  /** In-between renders during a key's handling (see markTransients). */
  ghostsTransient: number;
  wrongAccepts: number;
  acceptsOffShown: number;
  /** Requests whose prompt is not how the true file begins: while the document held that text, or never in the document. */
  promptsOffTruth: number;
  promptsOffTruthHeld: number;
  promptsSpeculative: number;
  typedIntoSuggestion: number;
  flicker: number;
  spans: number;
  spansMatching: number;
  stuck: string[];
}

/** One ghost-text change with the document state it showed on, judged against the true file. */
export interface JudgedGhost {
  event: GhostChangeEvent;
  doc?: DocEvent;
  shown: string;
  /** right/wrong against the true file; unjudged on text the file does not have; transient: drawn mid-keystroke and gone before the key was handled. */
  verdict: 'right' | 'wrong' | 'unjudged' | 'transient';
}

/** Everything of one run, grouped by span, with the true texts. */
export interface RunRecord {
  run: string;
  peer: string;
  scenario: string;
  spans: SpanRecord[];
  requests: RequestEvent[];
}

export interface SpanRecord {
  span: SpanEvent;
  truth: string;
  target: Target;
  actions: ActionEvent[];
  docs: DocEvent[];
  ghosts: JudgedGhost[];
}

/** Groups a raw record into runs and judges every ghost-text change. */
export function recordsOf(events: readonly BenchEvent[]): RunRecord[] {
  const truths = new Map<string, string>();
  const runs = new Map<string, RunRecord>();
  const spans = new Map<string, SpanRecord>();
  const key = (run: string, span: number) => `${run}#${span}`;
  for (const event of events) {
    if (event.type === 'truth') truths.set(event.file, event.text);
    else if (event.type === 'run') runs.set(event.run, { run: event.run, peer: event.peer, scenario: event.scenario, spans: [], requests: [] });
    else if (event.type === 'span') {
      const truth = truths.get(event.file) ?? '';
      const record: SpanRecord = {
        span: event, truth, target: { truth, from: event.from, to: event.to, after: event.after }, actions: [], docs: [], ghosts: [],
      };
      spans.set(key(event.run, event.span), record);
      runs.get(event.run)?.spans.push(record);
    }
  }
  for (const event of events) {
    if (event.type === 'request') runs.get(event.run)?.requests.push(event);
    else if (event.type === 'action') spans.get(key(event.run, event.span))?.actions.push(event);
    else if (event.type === 'doc') spans.get(key(event.run, event.span))?.docs.push(event);
  }
  for (const event of events) {
    if (event.type !== 'ghost') continue;
    const span = spans.get(key(event.run, event.span));
    if (span) span.ghosts.push(judgeGhost(event, span));
  }
  for (const span of spans.values()) markTransients(span);
  return [...runs.values()];
}

/**
 * In-between renders, not suggestions anyone could read: a frame drawn while a key was being handled
 * and replaced before the key press returned, and a multi-line suggestion's lines below the cursor
 * drawn before its part on the cursor's line, which follows within IN_BETWEEN_MS (VS Code redraws the
 * cursor's line and the lines below it in separate steps; a loaded machine stretches them apart).
 */
const IN_BETWEEN_MS = 150;

function markTransients(span: SpanRecord): void {
  span.ghosts.forEach((ghost, index) => {
    const next = span.ghosts[index + 1];
    if (!next || ghost.event.ghost === '') return;
    const pressing = span.actions.find((action) => action.startedAt <= ghost.event.at && ghost.event.at < action.doneAt);
    if (pressing && next.event.at <= pressing.doneAt) ghost.verdict = 'transient';
    // The lines below drawn a few frames before the cursor line's part of the same suggestion.
    const linesFirst = ghost.event.ghost.startsWith('\n') && next.event.ghost !== ghost.event.ghost && next.event.ghost.endsWith(ghost.event.ghost);
    if (linesFirst && next.event.at - ghost.event.at <= IN_BETWEEN_MS) ghost.verdict = 'transient';
  });
}

/** How far the document state may be reported after the page showed it (the extension host hears of edits later). */
const DOC_LAG_MS = 150;

function judgeGhost(event: GhostChangeEvent, span: SpanRecord): JudgedGhost {
  if (event.ghost === '') return { event, shown: '', verdict: 'unjudged' };
  const doc = docShownWith(event, span);
  if (!doc) return { event, shown: '', verdict: 'unjudged' };
  const text = docText(doc, span.truth, span.target.after);
  const at: DocumentAt = { text, offset: doc.offset };
  const shown = shownFrom(event, doc.offset - (text.lastIndexOf('\n', doc.offset - 1) + 1));
  return { event, doc, shown, verdict: judgeShown(at, shown, span.target) };
}

/**
 * The document state a ghost-text change was drawn on: the one reported after the typist's last key that
 * had been handled by then (a key press returns once the page has handled it), or after the key being
 * pressed at the time, whichever has the cursor's line as drawn; failing both, the latest report near
 * that time that has it.
 */
export function docShownWith(event: GhostChangeEvent, span: SpanRecord): DocEvent | undefined {
  const drawnLine = event.line.filter((part) => part.kind !== 'g').map((part) => part.text).join('');
  const matches = (doc: DocEvent | undefined) => doc !== undefined && cursorLine(doc, span) === drawnLine;
  const bySeq = (seq: number | undefined) => span.docs.find((doc) => doc.seq === seq);
  let done: ActionEvent | undefined;
  let pressing: ActionEvent | undefined;
  for (const action of span.actions) {
    if (action.doneAt <= event.at) done = action;
    else if (action.startedAt <= event.at) pressing = action;
  }
  const candidates = [done ? bySeq(done.seqAfter) : span.docs[0], pressing ? bySeq(pressing.seqAfter) : undefined];
  // Both states can have the cursor's line as drawn (Enter on an empty line leaves the cursor on another
  // empty one): a suggestion drawn during the key as what it showed before, less the key typed into it,
  // is the editor's rendering after the key.
  if (pressing && typedInto(pressing, event.ghost) && matches(candidates[1])) return candidates[1];
  const found = candidates.find(matches);
  if (found) return found;
  for (let i = span.docs.length - 1; i >= 0; i--) {
    const doc = span.docs[i]!;
    if (doc.at > event.at + DOC_LAG_MS) continue;
    if (doc.at < event.at - 5000) break;
    if (matches(doc)) return doc;
  }
  return undefined;
}

/** True when `ghost` is what showed before `action` with the character it typed taken off its front. */
function typedInto(action: ActionEvent, ghost: string): boolean {
  if (action.kind !== 'char' || action.text === '' || !action.shown.startsWith(action.text)) return false;
  const rest = action.shown.slice(action.text.length);
  return ghost !== '' && (rest.startsWith(ghost) || ghost.startsWith(rest));
}

function cursorLine(doc: DocEvent, span: SpanRecord): string {
  const text = docText(doc, span.truth, span.target.after);
  const start = text.lastIndexOf('\n', doc.offset - 1) + 1;
  const end = text.indexOf('\n', doc.offset);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Works out a run's figures. */
export function computeFigures(record: RunRecord): RunFigures {
  const pauseToGhost: number[] = [];
  let pauses = 0;
  let typedIntoSuggestion = 0;
  let flicker = 0;
  const landingToGhost: number[] = [];
  let landings = 0;
  for (const span of record.spans) {
    const { actions } = span;
    // The look at the spot where the cursor landed, before the first key: a suggestion can be there already.
    if (actions.length > 0) {
      landings++;
      const answered = firstRightGhost(span, span.span.startedAt, actions[0]!.startedAt);
      if (answered !== undefined) landingToGhost.push(answered);
    }
    actions.forEach((action, index) => {
      const windowEnd = actions[index + 1]?.startedAt ?? action.startedAt + action.gapMs;
      if (isPause(action, span)) {
        pauses++;
        const answered = firstRightGhost(span, action.doneAt, windowEnd);
        if (answered !== undefined) pauseToGhost.push(answered);
      }
      if (action.kind === 'char' && action.shown.length > action.text.length && action.shown.startsWith(action.text)) {
        typedIntoSuggestion++;
        if (span.ghosts.some((ghost) => ghost.event.at > action.startedAt && ghost.event.at < windowEnd && ghost.event.ghost === '')) flicker++;
      }
    });
  }
  const ghosts = record.spans.flatMap((span) => span.ghosts);
  const chars = sum(record.spans.map((span) => span.span.to - span.span.from));
  const acceptedChars = sum(record.spans.map((span) => span.span.acceptedChars));
  const tokensGenerated = sum(record.requests.map((request) => request.generatedTokens));
  const prompts = record.requests.map((request) => promptStanding(request, record));
  return {
    run: record.run,
    peer: record.peer,
    scenario: record.scenario,
    chars,
    acceptedChars,
    savedPercent: chars > 0 ? (100 * acceptedChars) / chars : 0,
    keys: sum(record.spans.map((span) => span.span.keys)),
    accepts: sum(record.spans.map((span) => span.actions.filter((action) => action.kind === 'accept').length)),
    requests: record.requests.length,
    aborted: record.requests.filter((request) => request.aborted).length,
    tokensGenerated,
    savedPerRequest: record.requests.length > 0 ? acceptedChars / record.requests.length : 0,
    savedPer1000Tokens: tokensGenerated > 0 ? (1000 * acceptedChars) / tokensGenerated : 0,
    pauses,
    pausesAnswered: pauseToGhost.length,
    pauseToGhostP50Ms: percentile(pauseToGhost, 0.5),
    pauseToGhostP90Ms: percentile(pauseToGhost, 0.9),
    landings,
    landingsAnswered: landingToGhost.length,
    landingToGhostP50Ms: percentile(landingToGhost, 0.5),
    landingToGhostP90Ms: percentile(landingToGhost, 0.9),
    ghostsJudged: ghosts.filter((ghost) => ghost.verdict === 'right' || ghost.verdict === 'wrong').length,
    wrongGhosts: ghosts.filter((ghost) => ghost.verdict === 'wrong').length,
    ghostsUnjudged: ghosts.filter((ghost) => ghost.verdict === 'unjudged' && ghost.event.ghost !== '').length,
    ghostsTransient: ghosts.filter((ghost) => ghost.verdict === 'transient').length,
    wrongAccepts: sum(record.spans.map((span) => span.span.wrongAccepts.length)),
    acceptsOffShown: sum(record.spans.map((span) => span.span.acceptsOffShown)),
    promptsOffTruth: prompts.filter((standing) => standing !== 'true').length,
    promptsOffTruthHeld: prompts.filter((standing) => standing === 'held').length,
    promptsSpeculative: prompts.filter((standing) => standing === 'speculative').length,
    typedIntoSuggestion,
    flicker,
    spans: record.spans.length,
    spansMatching: record.spans.filter((span) => span.span.finalMatches).length,
    stuck: record.spans.filter((span) => span.span.stuck).map((span) => `${span.span.file}: ${span.span.stuck}`),
  };
}

/**
 * A gap of PAUSE_MIN_MS or more after a typed character or an accept, where a suggestion could help:
 * the document before the cursor is the true file (not indentation of the editor's own that the typist
 * is about to take back) and some of the span is not yet in the document (not only closers the editor
 * already put after the cursor).
 */
export function isPause(action: ActionEvent, span: SpanRecord): boolean {
  if (action.gapMs < PAUSE_MIN_MS || (action.kind !== 'char' && action.kind !== 'accept') || action.posAfter >= span.span.to) return false;
  const doc = span.docs.find((state) => state.seq === action.seqAfter);
  if (!doc) return true;
  const text = docText(doc, span.truth, span.target.after);
  if (doc.offset !== action.posAfter || text.slice(0, doc.offset) !== span.truth.slice(0, doc.offset)) return false;
  return !text.slice(doc.offset).startsWith(span.truth.slice(doc.offset, span.span.to));
}

/**
 * Milliseconds from the start of a pause to the first suggestion in it that is how the file goes on (0
 * when one already showed), drawn on the document as it stood in the pause; undefined when none showed.
 */
export function firstRightGhost(span: SpanRecord, from: number, to: number): number | undefined {
  // The document as it stands in the pause: the last state reported before the pause ends.
  let pauseDoc: DocEvent | undefined;
  for (const doc of span.docs) if (doc.at < to) pauseDoc = doc;
  if (!pauseDoc) return undefined;
  const sameDoc = (doc: DocEvent | undefined) => doc !== undefined && doc.offset === pauseDoc!.offset && doc.same === pauseDoc!.same
    && doc.rest === pauseDoc!.rest && doc.afterKept === pauseDoc!.afterKept;
  const answers = (ghost: JudgedGhost | undefined) => ghost !== undefined && ghost.verdict === 'right' && sameDoc(ghost.doc);
  let showing: JudgedGhost | undefined;
  for (const ghost of span.ghosts) {
    if (ghost.event.at > from) break;
    showing = ghost;
  }
  if (answers(showing)) return 0;
  const later = span.ghosts.find((ghost) => ghost.event.at > from && ghost.event.at < to && answers(ghost));
  return later ? later.event.at - from : undefined;
}

/**
 * Whether a request's prompt ends with how the true file begins up to some point (its document part:
 * context from other files may open it); if not, whether the document held that text when it was sent.
 */
export function promptStanding(request: RequestEvent, record: RunRecord): 'true' | 'held' | 'speculative' {
  const span = spanAt(record, request.arrivedAt);
  if (!span) return record.spans.some((s) => endsWithTrueStart(request.prompt, s.truth)) ? 'true' : 'speculative';
  if (endsWithTrueStart(request.prompt, span.truth)) return 'true';
  const held = span.docs.some((doc) => doc.at <= request.arrivedAt
    && endsWithTrueStart(request.prompt, docText(doc, span.truth, span.target.after).slice(0, doc.offset)));
  return held ? 'held' : 'speculative';
}

/** How much of the text before the cursor a prompt must carry unchanged at its end to be judged on it. */
const DOCUMENT_PART_CHARS = 400;

/**
 * True when `prompt` ends with the start of `text` up to some point k: all of it, or at least its last
 * DOCUMENT_PART_CHARS characters (the document part may be cut, and context may come before it).
 */
export function endsWithTrueStart(prompt: string, text: string): boolean {
  if (prompt === '') return true;
  const last = prompt[prompt.length - 1];
  for (let end = 1; end <= text.length; end++) {
    if (text[end - 1] !== last) continue;
    const needed = Math.min(end, DOCUMENT_PART_CHARS);
    if (prompt.length >= needed && prompt.endsWith(text.slice(end - needed, end))) return true;
  }
  return false;
}

/** The span being typed at `at` (the last one started by then). */
export function spanAt(record: RunRecord, at: number): SpanRecord | undefined {
  let found: SpanRecord | undefined;
  for (const span of record.spans) if (span.span.startedAt <= at) found = span;
  return found;
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
