import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { Gpt } from '../../src/client';
import { systemClock } from '../../src/engine/clock';
import { CompletionEngine } from '../../src/engine/completion-engine';
import { InlineSession } from '../../src/engine/inline-session';
import { ModelResolver } from '../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../src/engine/settings';
import { SuffixSupport } from '../../src/engine/suffix-support';
import { CompletionHistory } from '../../src/vscode/completion-history';
import { FailureReporter } from '../../src/vscode/failure-reporter';
import { InlineProvider, reportInlineEvents } from '../../src/vscode/inline-provider';
import { InlineSwitch } from '../../src/vscode/inline-switch';
import { Log } from '../../src/vscode/log';
import { OwnTriggers } from '../../src/vscode/own-triggers';
import { SensitiveFiles } from '../../src/vscode/sensitive-files';
import { StatusBar } from '../../src/vscode/status-bar';
import { percentile } from './metrics';
import { PROVIDER_TIME_CONFIG_FILE, type ProviderTimeConfig, type ProviderTiming } from './provider-time-config';

const SIZES: readonly { label: string; chars: number }[] = [
  { label: '1 KB', chars: 1024 },
  { label: '1 MB', chars: 1024 * 1024 },
  { label: '10 MB', chars: 10 * 1024 * 1024 },
];

/**
 * Extension-host entry (VS Code's `extensionTestsPath`): builds the real InlineProvider with real parts
 * (engine, client, session with its cache, debounce bound 0, prefetch off), opens documents of 1 KB, 1 MB and 10 MB, and
 * times provideInlineCompletionItems per call on the cache-hit path and on the request path (a fresh
 * cache per call, against a server that answers at once). Writes the timings as JSON.
 */
export async function run(): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!workspace) throw new Error('no workspace folder');
  const config = JSON.parse(fs.readFileSync(path.join(workspace, PROVIDER_TIME_CONFIG_FILE), 'utf8')) as ProviderTimeConfig;
  const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: config.serverUrl, model: 'oracle', debounceMs: 0, prefetch: 'off' };
  const gpt = new Gpt({ serverURL: settings.serverUrl, timeoutMs: settings.requestTimeoutMs });
  const channel = vscode.window.createOutputChannel('Provider time', { log: true });
  const log = new Log(channel);
  const status = new StatusBar();
  const history = new CompletionHistory();
  const session = new InlineSession({
    engine: new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport() }),
    settings: () => settings,
    clock: systemClock,
    onEvent: reportInlineEvents({ settings: () => settings, status, failures: new FailureReporter(status, log), log, history }),
  });
  const provider = new InlineProvider({ settings: () => settings, session, inlineSwitch: new InlineSwitch(() => settings), sensitive: new SensitiveFiles(() => settings), triggers: new OwnTriggers() });
  const timings: ProviderTiming[] = [];
  try {
    for (const size of SIZES) {
      const document = await vscode.workspace.openTextDocument({ language: 'python', content: pythonText(size.chars) });
      // Mid-document, at the end of a line: a full prefix and suffix budget on both sides.
      const line = Math.floor(document.lineCount / 2);
      const position = new vscode.Position(line, document.lineAt(line).text.length);
      const call = () => provider.provideInlineCompletionItems(document, position,
        { triggerKind: vscode.InlineCompletionTriggerKind.Automatic, selectedCompletionInfo: undefined }, new vscode.CancellationTokenSource().token);

      const requestTimes: number[] = [];
      let requestEmpty = 0;
      for (let i = 0; i < config.calls; i++) {
        session.forgetAnswers();
        const { ms, items } = await timed(call);
        requestTimes.push(ms);
        if (!items?.length) requestEmpty++;
      }
      // The cache now holds this position's answer: every further call is a hit.
      const hitTimes: number[] = [];
      let hitEmpty = 0;
      for (let i = 0; i < config.calls; i++) {
        const { ms, items } = await timed(call);
        hitTimes.push(ms);
        if (!items?.length) hitEmpty++;
      }
      timings.push(timing(size, document.getText().length, 'cache hit', hitTimes, hitEmpty));
      timings.push(timing(size, document.getText().length, 'request', requestTimes, requestEmpty));
    }
  } finally {
    session.dispose();
    status.dispose();
    history.dispose();
    channel.dispose();
    await gpt.close();
  }
  fs.writeFileSync(config.resultsFile, JSON.stringify(timings, null, 2));
}

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; items: T }> {
  const started = performance.now();
  const items = await action();
  return { ms: performance.now() - started, items };
}

function timing(size: { label: string }, documentChars: number, pathName: ProviderTiming['path'], times: number[], empty: number): ProviderTiming {
  return { sizeLabel: size.label, documentChars, path: pathName, calls: times.length, medianMs: percentile(times, 0.5), p90Ms: percentile(times, 0.9), empty };
}

/** Python source of about `chars` characters: the same small function over and over, renamed each time. */
function pythonText(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const part = `def scale_${i}(values, factor):\n    result = []\n    for value in values:\n        result.append(value * factor)\n    return result\n\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, chars);
}
