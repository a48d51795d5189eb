// The test command (`npm test`): unit tests, then the extension-host suite in a real VS Code, then
// the UI suite in a browser, with one closing line `N passed, N failed` over all of them.
// Run one layer with `npm test -- --layer unit|vscode|ui` (repeat --layer for several), and only the
// tests whose title matches with `--grep <text>`.
import * as path from 'node:path';
import { type LayerName, type LayerResult } from './launchers/layer-result';
import { startLocalServer, type LocalServer } from './launchers/local-server';
import { runMochaLayer } from './launchers/mocha-layer';
import { runUiLayer } from './launchers/ui-layer';
import { runExtensionHostLayer } from './launchers/vscode-layer';
import { repoRoot } from './support/paths';

const ALL_LAYERS: LayerName[] = ['unit', 'vscode', 'ui'];
const MINUTE = 60_000;

async function main(): Promise<number> {
  const { layers, grep } = parseArgs(process.argv.slice(2));
  // Ctrl+C ends the running layer, which stops what it started, and skips the rest; another Ctrl+C a
  // second later exits at once (the 'exit' handlers still kill each process group). The grace second
  // is there because under `npm test` the signal arrives twice: from the terminal and from npm.
  const stopping = new AbortController();
  const stop = stopping.signal;
  let stoppedAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stop.aborted) {
        if (Date.now() - stoppedAt > 1000) process.exit(130);
        return;
      }
      stoppedAt = Date.now();
      console.log('\nStopping: ending the running layer and what it started (Ctrl+C again to exit at once)');
      stopping.abort();
    });
  }

  const results: LayerResult[] = [];
  let localServer: LocalServer | undefined;
  let localServerError: string | undefined;
  try {
    if (layers.includes('unit') && !stop.aborted) {
      banner('unit');
      results.push(await runMochaLayer({
        layer: 'unit',
        args: ['--config', path.join(repoRoot, 'test', 'unit', '.mocharc.json'), ...(grep ? ['--grep', grep] : [])],
        timeoutMs: 8 * MINUTE,
        stop,
      }));
    }
    if ((layers.includes('vscode') || layers.includes('ui')) && !stop.aborted) {
      try {
        localServer = await startLocalServer();
        console.log(`Local server: ${localServer.baseUrl}`);
      } catch (err) {
        localServerError = err instanceof Error ? err.message : String(err);
        console.log(`Local server not started (tests that need it will fail): ${localServerError}`);
      }
    }
    if (layers.includes('vscode') && !stop.aborted) {
      banner('vscode (extension host)');
      results.push(await runExtensionHostLayer({ localServerUrl: localServer?.baseUrl, localServerError, grep, timeoutMs: 10 * MINUTE, stop }));
    }
    if (layers.includes('ui') && !stop.aborted) {
      banner('ui (Playwright)');
      results.push(await runUiLayer({ localServerUrl: localServer?.baseUrl, grep, timeoutMs: 12 * MINUTE, stop }));
    }
  } finally {
    await localServer?.stop();
  }
  const exitCode = report(results);
  return stop.aborted ? 130 : exitCode;
}

function parseArgs(args: string[]): { layers: LayerName[]; grep?: string } {
  const layers: LayerName[] = [];
  let grep: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s);
    const value = inline ?? args[++i];
    if (flag === '--grep' && value !== undefined) {
      grep = value;
    } else if (flag === '--layer' && value !== undefined) {
      for (const layer of value.split(',')) {
        if (!ALL_LAYERS.includes(layer as LayerName)) throw new Error(`unknown layer ${layer} (use unit, vscode or ui)`);
        layers.push(layer as LayerName);
      }
    } else {
      throw new Error(`unknown argument ${args[i]} (use --layer unit|vscode|ui, --grep <text>)`);
    }
  }
  return { layers: layers.length > 0 ? layers : ALL_LAYERS, grep };
}

function banner(title: string): void {
  console.log(`\n=== ${title} ===`);
}

/** Prints one line per layer, the failures, and the closing total; returns the exit code. */
function report(results: LayerResult[]): number {
  console.log('\n=== summary ===');
  for (const result of results) {
    const { passed, failed, pending } = result.counts;
    const extra = [pending ? `${pending} pending` : '', result.runtime ?? ''].filter(Boolean).join('; ');
    console.log(`${result.layer.padEnd(7)} ${passed} passed, ${failed} failed in ${result.seconds.toFixed(1)} s${extra ? ` (${extra})` : ''}`);
    if (result.error) console.log(`        could not run: ${result.error}`);
  }
  const failures = results.flatMap((r) => r.counts.failures.map((f) => `${r.layer}: ${f.title}`));
  if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  const passed = results.reduce((sum, r) => sum + r.counts.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.counts.failed, 0);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
