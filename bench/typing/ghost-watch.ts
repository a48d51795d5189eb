import type { Page } from 'playwright-core';

/** A change of the visible ghost text, stamped with the page's clock (Date.now, the same clock as node's). */
export interface GhostEvent {
  at: number;
  text: string;
}

/** What the typist sees at one moment. */
export interface GhostState {
  /** The visible ghost text ('' when none), lines joined with '\n'. */
  text: string;
  /** Since when this exact text has been visible. */
  since: number;
  /** The editor's own text (ghost text left out), lines joined with '\n'. */
  editorText: string;
}

// Runs in the page. A MutationObserver on the editor records every change of the ghost text with its
// time, so appearances and disappearances between two looks of the typist are not missed. Ghost text
// on the cursor's line is an injected decoration (.ghost-text-decoration) inside the line; the lines
// below it are a view zone (.suggest-preview-text) of their own .view-line elements.
const WATCH_SCRIPT = `(() => {
  if (window.__benchGhost) return;
  const EDITOR = '.editor-instance .monaco-editor';
  const isGhost = (node) => node && node.closest && node.closest('.ghost-text-decoration, .ghost-text-decoration-preview, .suggest-preview-text');
  const ghostText = (editor) => {
    const lines = [];
    const inline = editor.querySelectorAll('.view-lines .ghost-text-decoration, .view-lines .ghost-text-decoration-preview');
    if (inline.length > 0) lines.push(Array.from(inline).map((span) => span.textContent || '').join(''));
    const zoneLines = Array.from(editor.querySelectorAll('.suggest-preview-text .view-line'))
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    for (const line of zoneLines) lines.push(line.textContent || '');
    return lines.join('\\n').replace(/\\u00a0/g, ' ');
  };
  const state = { text: '', since: Date.now(), events: [] };
  window.__benchGhost = state;
  const check = () => {
    const editor = document.querySelector(EDITOR);
    const text = editor ? ghostText(editor) : '';
    if (text !== state.text) {
      state.text = text;
      state.since = Date.now();
      state.events.push({ at: state.since, text });
    }
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  window.__benchEditorText = () => {
    const editor = document.querySelector(EDITOR);
    if (!editor) return '';
    const lines = Array.from(editor.querySelectorAll('.view-lines .view-line')).map((line) => {
      const top = Number((/top:\\s*(-?[\\d.]+)px/.exec(line.getAttribute('style') || '') || [])[1] || 0);
      let text = '';
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!isGhost(node.parentElement)) text += node.textContent;
      }
      return { top, text };
    });
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text).join('\\n').replace(/\\u00a0/g, ' ');
  };
})()`;

/** Starts recording ghost-text changes in the page (idempotent). */
export async function watchGhostText(page: Page): Promise<void> {
  await page.evaluate(WATCH_SCRIPT);
}

/** The ghost text now and since when it shows; with the editor text when asked (it costs a DOM walk). */
export async function readGhostState(page: Page, withEditorText = false): Promise<GhostState> {
  return page.evaluate(`(() => ({ text: window.__benchGhost.text, since: window.__benchGhost.since,
    editorText: ${withEditorText} ? window.__benchEditorText() : '' }))()`) as Promise<GhostState>;
}

/** Every ghost-text change recorded so far; clears the record. */
export async function takeGhostEvents(page: Page): Promise<GhostEvent[]> {
  return page.evaluate('(() => { const e = window.__benchGhost.events; window.__benchGhost.events = []; return e; })()') as Promise<GhostEvent[]>;
}
