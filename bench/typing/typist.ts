import type { Page } from 'playwright-core';
import { readGhostState, shownFrom, watchGhostText } from './ghost-watch';
import type { EditorState, ProbeServer } from './probe-server';
import { GapSource, type Rhythm } from './rhythm';
import { commonPrefixLength, documentIfAccepted, junkBefore, onTrack, type Target } from './truth';

/** What one key press was for. */
export type ActionKind =
  /** a character of the file typed */
  | 'char'
  /** Tab took the suggestion and the document reads as it showed */
  | 'accept'
  /** Tab indented the line instead of accepting (VS Code does while the suggestion starts with less indentation than a tab stop) */
  | 'indent'
  /** Tab left the document off the true text; undone at once with Ctrl+Z */
  | 'wrong-accept'
  /** a key that took back text the editor inserted before the cursor (Backspace) or left after the typed part (Delete) */
  | 'fix'
  /** the cursor moved over a closer the editor had inserted (Right) */
  | 'move'
  /** Tab that changed nothing (the suggestion had just gone) */
  | 'idle';

/** One key the typist pressed. */
export interface TypistAction {
  kind: ActionKind;
  /** When the key press started and when it returned (node's Date.now). */
  startedAt: number;
  doneAt: number;
  key: string;
  /** The character typed, or the text the accepted suggestion showed. */
  text: string;
  /** How far the document was on the true text before and after the key (offsets into the true file). */
  pos: number;
  posAfter: number;
  /** What the suggestion showed from the cursor just before the key ('' for none). */
  shown: string;
  /** The probe's report of the document after the key (its seq). */
  seqAfter: number;
  /** The planned gap from this key's start to the next one's. */
  gapMs: number;
}

/** An accept that left the document off the true text. */
export interface WrongAccept {
  at: number;
  shown: string;
  expected: string;
  got: string;
}

/** What typing one span produced. */
export interface TypedSpan {
  file: string;
  target: Target;
  actions: TypistAction[];
  /** Characters of the true file that Tab brought in. */
  acceptedChars: number;
  /** Keys pressed other than accepting Tabs (typed characters, fixes, moves, indenting Tabs). */
  keys: number;
  wrongAccepts: WrongAccept[];
  /** Accepts after which the document did not read exactly as the suggestion had shown (still on the true text). */
  acceptsOffShown: number;
  /** The first few of them. */
  offShownSamples: WrongAccept[];
  /** Whether the document held exactly the target at the end. */
  finalMatches: boolean;
  /** Why typing stopped before the end, if it did. */
  stuck?: string;
}

/** How long to wait for the editor's report of a key's effect (the extension host lags on a loaded machine). */
const STATE_WAIT_MS = 1500;
/** Keys without getting further into the file after which the typist gives up on the span. */
const MAX_KEYS_WITHOUT_PROGRESS = 60;

/**
 * Types `target.truth` from `target.from` to `target.to` key by key at the rhythm's pace, like a person
 * who knows what to write and types every character, indentation included. It reads the document through
 * the probe after every key, so it sees what the editor inserted by itself: indentation it chose after
 * Enter that the file does not have is taken back with Backspace, closers it inserted are typed over (moved
 * past with Right). Whenever the suggestion has been in view for the reaction time and accepting it keeps
 * the document on the true text, Tab accepts it; an accept that puts the document off the true text is
 * undone at once and not retried at that spot. `start` is the editor's state with the cursor at `target.from`.
 */
export async function typeSpan(page: Page, probe: ProbeServer, start: EditorState, target: Target, rhythm: Rhythm, seed: number): Promise<TypedSpan> {
  await watchGhostText(page);
  const gaps = new GapSource(rhythm, seed);
  const { truth } = target;
  const file = start.file;
  const result: TypedSpan = { file, target, actions: [], acceptedChars: 0, keys: 0, wrongAccepts: [], acceptsOffShown: 0, offShownSamples: [], finalMatches: false };
  let state = start;
  let refusedAt = -1;
  let furthest = -1;
  let keysWithoutProgress = 0;
  // Presses keys one after another, each once the editor has reported the previous one's effect.
  const press = async (keys: readonly string[]): Promise<void> => {
    for (const key of keys) {
      if (key.length === 1) await page.keyboard.type(key);
      else await page.keyboard.press(key);
      state = await probe.changedFrom(state, STATE_WAIT_MS);
    }
  };

  // The typist has just put the cursor here: a look at the spot before the first key.
  await sleepUntil(Date.now() + gaps.afterLanding());

  for (;;) {
    const startedAt = Date.now();
    const before = state.text.slice(0, state.offset);
    const after = state.text.slice(state.offset);
    const pos = commonPrefixLength(before, truth);
    const junk = junkBefore(after, target.after);
    if (pos > furthest) {
      furthest = pos;
      keysWithoutProgress = 0;
    } else if (++keysWithoutProgress > MAX_KEYS_WITHOUT_PROGRESS) {
      result.stuck = `no progress at offset ${pos} after ${MAX_KEYS_WITHOUT_PROGRESS} keys`;
      break;
    }
    if (junk === undefined) {
      result.stuck = 'the text after the cursor was changed';
      break;
    }

    let action: Omit<TypistAction, 'doneAt' | 'posAfter' | 'seqAfter'>;
    let keys: string[];
    const base = { startedAt, pos, shown: '' };
    const fixGap = () => gaps.afterChar('x', 'x');
    if (before.length > pos) {
      // The editor put text before the cursor that the file does not have: its indentation after Enter (taken
      // back with Backspace), or the line moved to its own idea of the indent as a closer was typed (re-indented by hand).
      keys = reindentKeys(before, truth, pos) ?? ['Backspace'];
      action = { ...base, kind: 'fix', key: keys.join(' '), text: '', gapMs: fixGap() };
    } else if (pos >= target.to) {
      if (junk === '') break;
      keys = ['Delete'];
      action = { ...base, kind: 'fix', key: 'Delete', text: '', gapMs: fixGap() };
    } else {
      const ghost = await readGhostState(page);
      const shown = shownFrom(ghost, state.offset - (before.lastIndexOf('\n') + 1));
      const noticed = shown !== '' && startedAt - ghost.since >= rhythm.reactionMs;
      const expected = documentIfAccepted(state, shown);
      if (noticed && refusedAt !== pos && (onTrack(expected, target) ?? -1) > pos) {
        const shownAt = { text: expected, offset: state.offset };
        const accepted = await acceptSuggestion(page, probe, state, shown, expected, target, startedAt);
        state = accepted.state;
        result.actions.push({ ...accepted.action, seqAfter: state.seq, gapMs: accepted.action.kind === 'accept' ? gaps.afterAccept() : fixGap() });
        // Text accepted past the end of the span is not counted: it was never going to be typed.
        if (accepted.action.kind === 'accept') result.acceptedChars += Math.min(accepted.action.posAfter, target.to) - pos;
        else result.keys += accepted.action.kind === 'wrong-accept' ? 2 : 1; // a wrong accept costs the Tab and the undo
        if (accepted.offShown && !accepted.wrong) {
          result.acceptsOffShown++;
          if (result.offShownSamples.length < 5) result.offShownSamples.push(sampleOf(shownAt, accepted.state, shown));
        }
        if (accepted.wrong) {
          result.wrongAccepts.push(accepted.wrong);
          refusedAt = pos;
        }
        await sleepUntil(startedAt + result.actions[result.actions.length - 1]!.gapMs);
        continue;
      }
      const rest = truth.slice(pos);
      if (junk !== '' && ((junk[0] === rest[0] && junk[0] !== '\n') || rest.startsWith(junk))) {
        keys = ['ArrowRight'];
        action = { ...base, shown, kind: 'move', key: 'ArrowRight', text: junk[0]!, gapMs: fixGap() };
      } else {
        const char = rest[0]!;
        keys = [char === '\n' ? 'Enter' : char];
        action = { ...base, shown, kind: 'char', key: keys[0]!, text: char, gapMs: gaps.afterChar(char, truth[pos - 1] ?? '') };
      }
    }

    await press(keys);
    result.keys += keys.length;
    result.actions.push({ ...action, doneAt: Date.now(), posAfter: commonPrefixLength(state.text.slice(0, state.offset), truth), seqAfter: state.seq });
    await sleepUntil(startedAt + action.gapMs);
  }

  const reached = onTrack(state.text, target);
  result.finalMatches = reached !== undefined && reached >= target.to && state.text === truth.slice(0, reached) + target.after;
  return result;
}

/**
 * The keys that give the cursor's line the file's indentation when the editor moved the typed text to an
 * indent of its own (it re-indents a line as a closer is typed): to the text, select the indentation, type
 * the file's, back to where the cursor was. Undefined when the line differs in more than its indentation.
 */
function reindentKeys(before: string, truth: string, pos: number): string[] | undefined {
  const lineStart = before.lastIndexOf('\n') + 1;
  if (pos < lineStart) return undefined;
  const line = before.slice(lineStart);
  const text = line.trimStart();
  const truthLine = truth.slice(lineStart, truth.indexOf('\n', lineStart) < 0 ? undefined : truth.indexOf('\n', lineStart));
  const indent = truthLine.length - truthLine.trimStart().length;
  if (text === '' || line.length - text.length === indent || !truthLine.slice(indent).startsWith(text)) return undefined;
  const back = Array.from({ length: text.length }, () => 'ArrowRight');
  const typed = indent > 0 ? Array.from({ length: indent }, () => ' ') : ['Backspace'];
  return ['Home', 'Shift+Home', ...typed, ...back];
}

/** Presses Tab and tells what it did: an accept as shown, an indent, nothing, or a wrong accept (undone). */
async function acceptSuggestion(
  page: Page,
  probe: ProbeServer,
  state: EditorState,
  shown: string,
  expected: string,
  target: Target,
  startedAt: number,
): Promise<{ action: Omit<TypistAction, 'gapMs' | 'seqAfter'>; state: EditorState; offShown: boolean; wrong?: WrongAccept }> {
  const pos = state.offset;
  await page.keyboard.press('Tab');
  const landed = await probe.changedFrom(state, STATE_WAIT_MS);
  const doneAt = Date.now();
  const base = { startedAt, doneAt, key: 'Tab', text: shown, pos, shown };
  if (landed.text === state.text) return { action: { ...base, kind: 'idle', posAfter: pos }, state: landed, offShown: false };
  const reached = onTrack(landed.text, target);
  // The cursor may stop before document text that was already there (a closer after a one-line suggestion).
  if (reached !== undefined && landed.offset > pos && landed.offset <= reached) {
    const inserted = landed.text.slice(pos, landed.offset);
    const onlyIndented = landed.text !== expected && inserted.trim() === '' && landed.text.slice(landed.offset) === state.text.slice(pos);
    if (onlyIndented) return { action: { ...base, kind: 'indent', posAfter: landed.offset }, state: landed, offShown: false };
    // A suggestion that grew (the rest of a block arrived) between the look and the key gives what was
    // shown and more true text: not an accept that differs from what was shown.
    const lineRest = state.text.slice(pos, state.text.indexOf('\n', pos) < 0 ? undefined : state.text.indexOf('\n', pos));
    const insertedShown = shown.endsWith(lineRest) ? shown.slice(0, shown.length - lineRest.length) : shown;
    const grew = landed.text.length > expected.length && landed.text.startsWith(state.text.slice(0, pos) + insertedShown);
    return { action: { ...base, kind: 'accept', posAfter: landed.offset }, state: landed, offShown: landed.text !== expected && !grew };
  }
  const wrong = sampleOf({ ...state, text: expected }, landed, shown);
  await page.keyboard.press('Control+Z');
  const undone = await probe.changedFrom(landed, STATE_WAIT_MS);
  return { action: { ...base, kind: 'wrong-accept', posAfter: commonPrefixLength(undone.text.slice(0, undone.offset), target.truth) }, state: undone, offShown: true, wrong };
}

/** What an accept should have given (`expected`, the cursor at the accept's start) and what it gave, around the spot. */
function sampleOf(expected: { text: string; offset: number }, landed: EditorState, shown: string): WrongAccept {
  const from = Math.max(0, expected.offset - 60);
  return { at: landed.at, shown, expected: expected.text.slice(from, expected.offset + shown.length + 60), got: landed.text.slice(from, landed.offset + 60) };
}

function sleepUntil(at: number): Promise<void> {
  const ms = at - Date.now();
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
