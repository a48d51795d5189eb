import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeCodeServer } from './code-server-suite';
import { chromiumPath } from './browser';
import { couldNotRun, type LayerResult } from './layer-result';
import { runMochaLayer } from './mocha-layer';
import { repoRoot } from '../support/paths';

/** The packaged extension the UI layer installs (built by `npm run package`). */
export const VSIX_PATH = path.join(repoRoot, 'prompt-complete.vsix');

export interface UiLayerOptions {
  localServerUrl?: string;
  grep?: string;
  timeoutMs: number;
}

/**
 * Packages the extension, then runs the Playwright suite (out/test/ui/**\/*.test.js) in mocha; each
 * test file starts its own code-server with the .vsix installed (see test/ui/support/workbench.ts).
 */
export async function runUiLayer(options: UiLayerOptions): Promise<LayerResult> {
  const started = Date.now();
  let runtime: string | undefined;
  try {
    chromiumPath();
    runtime = describeCodeServer();
    console.log(`UI: ${runtime}`);
    packageExtension();
  } catch (err) {
    return couldNotRun('ui', err instanceof Error ? err.message : String(err), started, runtime);
  }
  return runMochaLayer({
    layer: 'ui',
    args: ['--timeout', '120000', '--slow', '20000', 'out/test/ui/**/*.test.js',
      ...(options.grep ? ['--grep', options.grep] : [])],
    env: {
      PROMPT_COMPLETE_VSIX: VSIX_PATH,
      ...(options.localServerUrl ? { PROMPT_COMPLETE_LOCAL_SERVER_URL: options.localServerUrl } : {}),
    },
    timeoutMs: options.timeoutMs,
    runtime,
  });
}

function packageExtension(): void {
  fs.rmSync(VSIX_PATH, { force: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0 || !fs.existsSync(VSIX_PATH)) {
    throw new Error(`npm run package failed:\n${result.stdout}${result.stderr}`);
  }
}
