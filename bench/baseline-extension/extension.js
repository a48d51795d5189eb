// A plain inline completion provider, the "features off" peer of the typing benchmark: a fixed
// debounce (promptComplete.inline.debounceMs), then one non-streamed request with the prompt and
// suffix, cancelled with the call. No cache, no reuse of a request in flight, no prefetch, no early stop.
'use strict';
const vscode = require('vscode');

/** Reads the same settings Prompt Complete reads, so both peers run with one settings file. */
function readSettings() {
  const config = vscode.workspace.getConfiguration('promptComplete');
  return {
    serverUrl: String(config.get('serverUrl', 'http://127.0.0.1:8012/v1')).replace(/\/+$/, ''),
    model: String(config.get('model', '')),
    maxTokens: Number(config.get('maxTokens', 64)),
    temperature: Number(config.get('temperature', 0.2)),
    debounceMs: Number(config.get('inline.debounceMs', 250)),
    maxPrefixChars: Number(config.get('context.maxPrefixChars', 6000)),
    maxSuffixChars: Number(config.get('context.maxSuffixChars', 2000)),
  };
}

function sleepUnlessCancelled(ms, token) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { subscription.dispose(); resolve(true); }, ms);
    const subscription = token.onCancellationRequested(() => { clearTimeout(timer); resolve(false); });
  });
}

const provider = {
  async provideInlineCompletionItems(document, position, _context, token) {
    const settings = readSettings();
    if (!(await sleepUnlessCancelled(settings.debounceMs, token))) return undefined;
    const start = document.offsetAt(position);
    const prompt = document.getText(new vscode.Range(document.positionAt(Math.max(0, start - settings.maxPrefixChars)), position));
    const suffix = document.getText(new vscode.Range(position, document.positionAt(start + settings.maxSuffixChars)));
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const response = await fetch(`${settings.serverUrl}/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: settings.model, prompt, suffix: suffix || undefined, max_tokens: settings.maxTokens, temperature: settings.temperature }),
        signal: abort.signal,
      });
      if (!response.ok) return undefined;
      const body = await response.json();
      const text = body.choices && body.choices[0] && body.choices[0].text;
      if (!text || token.isCancellationRequested) return undefined;
      return [new vscode.InlineCompletionItem(text, new vscode.Range(position, position))];
    } catch {
      return undefined;
    } finally {
      subscription.dispose();
    }
  },
};

exports.activate = function activate(context) {
  const status = vscode.window.createStatusBarItem('baseline', vscode.StatusBarAlignment.Right);
  status.text = 'Baseline completion';
  status.show();
  context.subscriptions.push(status, vscode.languages.registerInlineCompletionItemProvider({ pattern: '**' }, provider));
};

exports.deactivate = function deactivate() {};
