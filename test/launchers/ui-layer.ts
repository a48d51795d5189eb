import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeCodeServer } from './code-server-suite';
import { chromiumPath } from './browser';
import { couldNotRun, type LayerResult } from './layer-result';
import { runMochaLayer } from './mocha-layer';
import { makeTempDir } from './temp-dir';
import { repoRoot } from '../support/paths';

export interface UiLayerOptions {
  localServerUrl?: string;
  grep?: string;
  timeoutMs: number;
  stop?: AbortSignal;
}

/**
 * Packages the extension, then runs the Playwright suite (out/test/ui/**\/*.test.js) in mocha; each
 * test file starts its own code-server with the .vsix installed (see test/ui/support/workbench.ts).
 */
export async function runUiLayer(options: UiLayerOptions): Promise<LayerResult> {
  const started = Date.now();
  // A .vsix of this run's own, so runs from the same checkout do not replace each other's.
  const packageDir = makeTempDir('prompt-complete-vsix-');
  const vsix = path.join(packageDir.path, 'prompt-complete.vsix');
  try {
    let runtime: string | undefined;
    try {
      chromiumPath();
      runtime = describeCodeServer();
      console.log(`UI: ${runtime}`);
      packageExtension(vsix);
    } catch (err) {
      return couldNotRun('ui', err instanceof Error ? err.message : String(err), started, runtime);
    }
    return await runUiSuite(options, vsix, runtime);
  } finally {
    packageDir.remove();
  }
}

function runUiSuite(options: UiLayerOptions, vsix: string, runtime: string | undefined): Promise<LayerResult> {
  return runMochaLayer({
    layer: 'ui',
    args: ['--timeout', '120000', '--slow', '20000', 'out/test/ui/**/*.test.js',
      ...(options.grep ? ['--grep', options.grep] : [])],
    env: {
      PROMPT_COMPLETE_VSIX: vsix,
      ...(options.localServerUrl ? { PROMPT_COMPLETE_LOCAL_SERVER_URL: options.localServerUrl } : {}),
    },
    timeoutMs: options.timeoutMs,
    runtime,
    stop: options.stop,
  });
}

/** `npm run package`, written to vsix instead of the checkout's prompt-complete.vsix. */
function packageExtension(vsix: string): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'package', '--', '--out', vsix],
    { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`npm run package failed:\n${result.stdout}${result.stderr}`);
  }
}
