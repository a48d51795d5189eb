import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { couldNotRun, readCounts, type LayerName, type LayerResult } from './layer-result';
import { startGroupProcess, withDeadline } from './processes';
import { makeTempDir } from './temp-dir';

export interface MochaLayerOptions {
  layer: LayerName;
  /** Mocha arguments that pick the files (a --config file or spec globs). */
  args: string[];
  env?: Record<string, string>;
  timeoutMs: number;
  runtime?: string;
  /** Aborts when the user stops the run. */
  stop?: AbortSignal;
}

/**
 * Runs mocha in a child process (its own process group, so a deadline stops everything the tests
 * started) with the results reporter, and reads back the counts it wrote.
 */
export async function runMochaLayer(options: MochaLayerOptions): Promise<LayerResult> {
  const started = Date.now();
  const tmpDir = makeTempDir(`prompt-complete-${options.layer}-`);
  const resultsFile = path.join(tmpDir.path, 'results.json');
  const mocha = startGroupProcess(process.execPath, [
    path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    ...options.args,
    '--require', path.join(repoRoot, 'out', 'test', 'launchers', 'exit-on-signal.js'),
    '--reporter', path.join(repoRoot, 'test', 'launchers', 'mocha-reporter.js'),
    '--reporter-option', `resultsFile=${resultsFile}`,
  ], {
    name: `mocha ${options.layer}`,
    cwd: repoRoot,
    env: { ...process.env, ...options.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    echo: true,
    echoPrefix: '',
    exitSignal: 'SIGTERM',
  });
  try {
    const exit = await withDeadline(mocha.exited, options.timeoutMs, `the ${options.layer} layer did not finish`, options.stop);
    const counts = readCounts(resultsFile);
    if (!counts) return couldNotRun(options.layer, `mocha exited with ${exit} without reporting results`, started, options.runtime);
    return { layer: options.layer, counts, runtime: options.runtime, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return couldNotRun(options.layer, err instanceof Error ? err.message : String(err), started, options.runtime);
  } finally {
    await mocha.stop();
    tmpDir.remove();
  }
}
