import type { Page } from 'playwright-core';

/** A run of rendered text on one line: ghost text, the document's own text, or document text hidden while ghost text shows. */
export interface RenderedPart {
  text: string;
  /** g: ghost text; n: the document's text; h: document text hidden (VS Code moves it after the last ghost line). */
  kind: 'g' | 'n' | 'h';
}

/** What the editor shows around the cursor while ghost text is visible. */
export interface GhostView {
  /** The ghost text alone, lines joined with '\n' ('' when none shows); a leading '\n' when the first line adds nothing. */
  ghost: string;
  /** The cursor's line as rendered, in order. */
  line: RenderedPart[];
  /** The lines VS Code adds below the cursor's line for a multi-line suggestion. */
  zone: RenderedPart[][];
}

/** A change of the ghost text, stamped with the page's clock (Date.now, the same clock as node's). */
export interface GhostEvent extends GhostView {
  at: number;
}

/** What the typist sees at one moment. */
export interface GhostState extends GhostView {
  /**
   * Since when a suggestion has been in view without a break: typing into it (it loses its start) or
   * it growing (the rest of a block arrives) keeps the time; any other change restarts it.
   */
  since: number;
}

// Runs in the page. A MutationObserver on the editor records every change of what shows around the
// cursor as it is painted, so appearances and disappearances between two looks of the typist are not missed. Ghost text
// on the cursor's line is an injected decoration (.ghost-text-decoration) inside the line; its lines
// below are a view zone (.suggest-preview-text) whose last line ends with the document text that
// followed the cursor (hidden on the cursor's line: .ghost-text-hidden).
const WATCH_SCRIPT = `(() => {
  if (window.__benchGhost) return;
  const EDITOR = '.editor-instance .monaco-editor';
  const kindOf = (element) => {
    if (!element || !element.closest) return 'n';
    if (element.closest('.ghost-text-hidden')) return 'h';
    if (element.closest('.ghost-text-decoration, .ghost-text-decoration-preview, .ghost-text')) return 'g';
    return 'n';
  };
  const partsOf = (lineElement) => {
    const parts = [];
    const walker = document.createTreeWalker(lineElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent || '').replace(/\\u00a0/g, ' ');
      if (!text) continue;
      const kind = kindOf(node.parentElement);
      const last = parts[parts.length - 1];
      if (last && last.kind === kind) last.text += text;
      else parts.push({ text, kind });
    }
    return parts;
  };
  const topOf = (element) => Number((/top:\\s*(-?[\\d.]+)px/.exec(element.getAttribute('style') || '') || [])[1] || 0);
  const view = () => {
    const editor = document.querySelector(EDITOR);
    if (!editor) return { ghost: '', line: [], zone: [] };
    const zoneLines = Array.from(editor.querySelectorAll('.suggest-preview-text .view-line'))
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    let lineElement = editor.querySelector('.view-lines .view-line .ghost-text-decoration, .view-lines .view-line .ghost-text-hidden');
    lineElement = lineElement ? lineElement.closest('.view-line') : null;
    if (!lineElement && zoneLines.length > 0) {
      const cursor = editor.querySelector('.cursors-layer .cursor');
      const top = cursor ? topOf(cursor) : NaN;
      lineElement = Array.from(editor.querySelectorAll('.view-lines .view-line')).find((line) => topOf(line) === top) || null;
    }
    const line = lineElement ? partsOf(lineElement) : [];
    const zone = zoneLines.map(partsOf);
    const ghostOf = (parts) => parts.filter((part) => part.kind === 'g').map((part) => part.text).join('');
    let ghost = ghostOf(line);
    for (const parts of zone) ghost += '\\n' + ghostOf(parts);
    if (ghost.replace(/\\n/g, '') === '') return { ghost: '', line: [], zone: [] };
    return { ghost, line, zone };
  };
  const state = { key: '', view: { ghost: '', line: [], zone: [] }, since: Date.now(), events: [] };
  window.__benchGhost = state;
  const check = () => {
    const next = view();
    const key = next.ghost === '' ? '' : JSON.stringify([next.line, next.zone]);
    if (key === state.key) return;
    const before = state.view.ghost;
    const now = Date.now();
    const continued = before !== '' && next.ghost !== '' && (before.endsWith(next.ghost) || next.ghost.startsWith(before));
    if (!continued) state.since = now;
    state.key = key;
    state.view = next;
    state.events.push({ at: now, ghost: next.ghost, line: next.line, zone: next.zone });
  };
  // The view is read once per frame, after the frame's own updates: VS Code updates the ghost text's line
  // and the lines below it in separate steps, and a state replaced within the same frame was never on screen.
  let frameRequested = false;
  const onMutation = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => setTimeout(() => {
      frameRequested = false;
      check();
    }, 0));
  };
  new MutationObserver(onMutation).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style'] });
})()`;

/** Starts recording ghost-text changes in the page (idempotent). */
export async function watchGhostText(page: Page): Promise<void> {
  await page.evaluate(WATCH_SCRIPT);
}

/** What shows now, and since when the suggestion has been in view. */
export async function readGhostState(page: Page): Promise<GhostState> {
  return page.evaluate('(() => ({ ...window.__benchGhost.view, since: window.__benchGhost.since }))()') as Promise<GhostState>;
}

/** Every change recorded so far; clears the record. */
export async function takeGhostEvents(page: Page): Promise<GhostEvent[]> {
  return page.evaluate('(() => { const e = window.__benchGhost.events; window.__benchGhost.events = []; return e; })()') as Promise<GhostEvent[]>;
}

/**
 * What the document would read from the cursor on if the suggestion were accepted, as the user sees
 * it: the cursor's line from column `cursorColumn` (ghost and document text in their order), then each
 * added line in full (the last one ends with the text that followed the cursor). '' when no ghost shows.
 */
export function shownFrom(view: GhostView, cursorColumn: number): string {
  if (view.ghost === '') return '';
  let column = 0;
  let shown = '';
  for (const part of view.line) {
    if (part.kind === 'g') {
      shown += part.text;
      continue;
    }
    // Document text: the part before the cursor is not shown text; hidden text reappears on the last added line.
    const before = Math.max(0, Math.min(part.text.length, cursorColumn - column));
    column += part.text.length;
    if (part.kind === 'n') shown += part.text.slice(before);
  }
  for (const parts of view.zone) shown += '\n' + parts.filter((part) => part.kind !== 'h').map((part) => part.text).join('');
  return shown;
}
