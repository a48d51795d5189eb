import type { Page } from 'playwright-core';
import { readGhostState, takeGhostEvents, watchGhostText, type GhostEvent } from './ghost-watch';
import { GapSource, type Rhythm } from './rhythm';

/** One thing the typist did. */
export interface TypistAction {
  kind: 'char' | 'accept' | 'undo';
  /** When the key press started and when it returned (node's Date.now). */
  startedAt: number;
  doneAt: number;
  /** The typed character, or the accepted text. */
  text: string;
  /** The ghost text visible just before the key press. */
  ghostBefore: string;
  /** The planned gap from this action's start to the next one's. */
  gapMs: number;
}

/** What typing one file produced. */
export interface TypedFile {
  file: string;
  actions: TypistAction[];
  ghostEvents: GhostEvent[];
  /** Characters inserted by Tab (keystrokes saved). */
  acceptedChars: number;
  /** Keystrokes that typed text (a Tab that only indented counts as one). */
  typedChars: number;
  /** Accepts whose result differed from the true file and were undone. */
  fixUps: number;
  /** The first few of them, for the report. */
  mismatches: { ghost: string; expectedTail: string; editorTail: string }[];
  /** Whether the editor held exactly the true text at the end. */
  finalTextMatches: boolean;
  finalText: string;
}

/**
 * Types `text` from `span.from` to `span.to` (the editor already holds what comes before, the cursor at
 * its end) key by key at the rhythm's pace, like a person who knows what to write: whenever visible
 * ghost text is exactly how the text goes on (and has been visible for the reaction time), Tab accepts
 * it. An accept that leaves the editor off the true text is undone and counted.
 */
export async function typeFile(
  page: Page,
  file: string,
  text: string,
  span: { from: number; to: number },
  rhythm: Rhythm,
  seed: number,
): Promise<TypedFile> {
  await watchGhostText(page);
  await takeGhostEvents(page);
  const gaps = new GapSource(rhythm, seed);
  const actions: TypistAction[] = [];
  let pos = span.from;
  let acceptedChars = 0;
  let typedChars = 0;
  let fixUps = 0;
  // An accept that was undone is not retried at the same position: the typist types on instead.
  let refusedAt = -1;
  const mismatches: TypedFile['mismatches'] = [];
  while (pos < span.to) {
    const startedAt = Date.now();
    const ghost = await readGhostState(page);
    const rest = text.slice(pos);
    const noticed = ghost.text !== '' && startedAt - ghost.since >= rhythm.reactionMs;
    if (noticed && refusedAt !== pos && rest.startsWith(ghost.text)) {
      await page.keyboard.press('Tab');
      const expected = text.slice(0, pos + ghost.text.length);
      const landed = await editorTextBecomes(page, expected);
      if (landed === expected) {
        actions.push({ kind: 'accept', startedAt, doneAt: Date.now(), text: ghost.text, ghostBefore: ghost.text, gapMs: gaps.afterAccept() });
        pos += ghost.text.length;
        acceptedChars += ghost.text.length;
      } else if (landed.length > pos && landed.length < expected.length && text.startsWith(landed)) {
        // VS Code's Tab indents instead of accepting while the suggestion starts with more indentation
        // than the line has: the typist got indentation for one key, and presses Tab again.
        actions.push({ kind: 'char', startedAt, doneAt: Date.now(), text: landed.slice(pos), ghostBefore: ghost.text, gapMs: gaps.afterChar(' ', ' ') });
        pos = landed.length;
        typedChars++;
      } else {
        await page.keyboard.press('Control+Z');
        fixUps++;
        if (mismatches.length < 5) mismatches.push({ ghost: ghost.text, expectedTail: expected.slice(-80), editorTail: landed.slice(-80) });
        refusedAt = pos;
        actions.push({ kind: 'undo', startedAt, doneAt: Date.now(), text: ghost.text, ghostBefore: ghost.text, gapMs: rhythm.charGap[0] });
      }
    } else {
      const char = text[pos]!;
      if (char === '\n') await page.keyboard.press('Enter');
      else await page.keyboard.type(char);
      actions.push({ kind: 'char', startedAt, doneAt: Date.now(), text: char, ghostBefore: ghost.text, gapMs: gaps.afterChar(char, text[pos - 1] ?? '') });
      pos++;
      typedChars++;
    }
    const last = actions[actions.length - 1]!;
    await sleep(last.startedAt + last.gapMs - Date.now());
  }
  const final = await readGhostState(page, true);
  return {
    file,
    actions,
    ghostEvents: await takeGhostEvents(page),
    acceptedChars,
    typedChars,
    fixUps,
    mismatches,
    finalTextMatches: final.editorText === text.slice(0, pos),
    finalText: final.editorText,
  };
}

/** The editor's text once it equals `expected`, or as it is when the wait runs out (the view renders a frame later). */
async function editorTextBecomes(page: Page, expected: string, timeoutMs = 300): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = (await readGhostState(page, true)).editorText;
  while (text !== expected && Date.now() < deadline) {
    await sleep(20);
    text = (await readGhostState(page, true)).editorText;
  }
  return text;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
