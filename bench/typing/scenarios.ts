/** How the typist works and which editor settings are on. */
export interface Scenario {
  name: string;
  description: string;
  /** write: type the file's lines at its end; edit: fill holes cut out of the file, with the rest of it after the cursor */
  mode: 'write' | 'edit';
  autoIndent: 'none' | 'full';
  autoClosing: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'plain', description: 'write at the end, auto-indent and auto-closing off', mode: 'write', autoIndent: 'none', autoClosing: false },
  { name: 'auto-indent', description: 'write at the end, auto-indent full, auto-closing off', mode: 'write', autoIndent: 'full', autoClosing: false },
  { name: 'auto-close', description: 'write at the end, auto-indent off, auto-closing on', mode: 'write', autoIndent: 'none', autoClosing: true },
  { name: 'defaults', description: 'write at the end, auto-indent full and auto-closing on (VS Code\'s defaults)', mode: 'write', autoIndent: 'full', autoClosing: true },
  { name: 'edit', description: 'fill holes cut out of the files (a real suffix), auto-indent full, auto-closing on', mode: 'edit', autoIndent: 'full', autoClosing: true },
];

export const DEFAULT_SCENARIOS = ['plain', 'defaults', 'edit'];

/**
 * Editor settings for a scenario. IntelliSense, format-on-type and linked editing stay off in all of them
 * (they would insert text nobody typed, and are not what is measured); indentation sizes follow each
 * language's usual style, as a project's settings would.
 */
export function editorSettings(scenario: Scenario): Record<string, unknown> {
  const closing = scenario.autoClosing ? 'languageDefined' : 'never';
  return {
    'editor.autoClosingBrackets': closing,
    'editor.autoClosingQuotes': closing,
    'editor.autoClosingComments': closing,
    'editor.autoSurround': scenario.autoClosing ? 'languageDefined' : 'never',
    'editor.autoIndent': scenario.autoIndent,
    'editor.formatOnType': false,
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    'editor.suggestOnTriggerCharacters': false,
    'editor.wordBasedSuggestions': 'off',
    'editor.parameterHints.enabled': false,
    'editor.acceptSuggestionOnEnter': 'off',
    'editor.tabCompletion': 'off',
    'editor.inlineSuggest.enabled': true,
    'editor.insertSpaces': true,
    'editor.tabSize': 4,
    'editor.detectIndentation': false,
    'editor.trimAutoWhitespace': false,
    'editor.linkedEditing': false,
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'editor.occurrencesHighlight': 'off',
    'files.autoSave': 'off',
    '[typescript]': { 'editor.tabSize': 2 },
    '[ruby]': { 'editor.tabSize': 2 },
    '[yaml]': { 'editor.tabSize': 2 },
  };
}
