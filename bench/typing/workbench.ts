import type { Page } from 'playwright-core';
import { openWorkbench } from '../../test/ui/support/workbench';

/**
 * Editor settings both peers are measured with. Auto-closing, auto-indent, format-on-type and
 * IntelliSense would each insert or accept text the typist did not type, so the typist (who types
 * the true file key by key, indentation included) would have to fight the editor; with them off,
 * what reaches the document is exactly what was typed or accepted with Tab.
 */
export const TYPING_EDITOR_SETTINGS: Record<string, unknown> = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingComments': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.parameterHints.enabled': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.tabCompletion': 'off',
  'editor.inlineSuggest.enabled': true,
  'editor.insertSpaces': true,
  'editor.detectIndentation': false,
  'editor.trimAutoWhitespace': false,
  'editor.linkedEditing': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.occurrencesHighlight': 'off',
  'files.autoSave': 'off',
};

/** What the bench needs of a code-server workbench: its page, and a way to close it. */
export interface BenchWorkbench {
  readonly page: Page;
  close(): Promise<void>;
}

export interface BenchWorkbenchOptions {
  vsix: string;
  /** publisher.name; its status bar item tells that it has activated. */
  extensionId: string;
  settings: Record<string, unknown>;
  files: Record<string, string>;
}

/** The UI tests' workbench, with the typing settings, a window tall enough to keep a typed file on screen, and patient waits. */
export function openBenchWorkbench(options: BenchWorkbenchOptions): Promise<BenchWorkbench> {
  return openWorkbench({
    vsix: options.vsix,
    extensionId: options.extensionId,
    settings: { ...TYPING_EDITOR_SETTINGS, ...options.settings },
    files: options.files,
    // Tall enough that a typed file stays on screen, so the rendered lines are the whole document.
    viewport: { width: 1400, height: 1600 },
    actionTimeoutMs: 20_000,
  });
}
