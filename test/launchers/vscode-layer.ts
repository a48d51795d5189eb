import * as path from 'node:path';
import { createProfile } from '../support/code-server';
import { repoRoot } from '../support/paths';
import { writeSuiteConfig } from '../vscode/support/suite-config';
import { describeCodeServer, runSuiteInCodeServer, type SuiteRun } from './code-server-suite';
import { describeDesktopVsCode, findDesktopVsCode, runSuiteInElectron } from './electron-suite';
import { couldNotRun, readCounts, type LayerResult } from './layer-result';

export interface ExtensionHostLayerOptions {
  localServerUrl?: string;
  localServerError?: string;
  grep?: string;
  timeoutMs: number;
  stop?: AbortSignal;
}

/**
 * Runs the extension-host suite (out/test/vscode/) in a real VS Code: a desktop one through
 * test-electron when one can be had, else code-server hosted in headless Chromium.
 * PROMPT_COMPLETE_VSCODE=electron|code-server forces the choice.
 */
export async function runExtensionHostLayer(options: ExtensionHostLayerOptions): Promise<LayerResult> {
  const started = Date.now();
  const profile = createProfile();
  const resultsFile = path.join(profile.root, 'results.json');
  writeSuiteConfig(profile.workspaceDir, {
    resultsFile,
    localServerUrl: options.localServerUrl,
    localServerError: options.localServerError,
    grep: options.grep,
  });
  const run: SuiteRun = {
    profile,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'vscode', 'index.js'),
    timeoutMs: options.timeoutMs,
    stop: options.stop,
  };
  let runtime: string | undefined;
  try {
    const forced = process.env.PROMPT_COMPLETE_VSCODE;
    const desktop = forced === 'code-server' ? { reason: 'PROMPT_COMPLETE_VSCODE=code-server' } : await findDesktopVsCode();
    let exitCode: number;
    if (desktop.executable) {
      runtime = describeDesktopVsCode(desktop.executable);
      console.log(`Extension host: ${runtime}`);
      exitCode = await runSuiteInElectron(desktop.executable, run);
    } else {
      if (forced === 'electron') throw new Error(`PROMPT_COMPLETE_VSCODE=electron, but ${desktop.reason}`);
      runtime = describeCodeServer();
      console.log(`Extension host: ${runtime}; no desktop VS Code: ${desktop.reason}`);
      exitCode = await runSuiteInCodeServer(run);
    }
    const counts = readCounts(resultsFile);
    if (!counts) {
      return couldNotRun('vscode', `VS Code exited with ${exitCode} and the suite reported no results`
        + ' (see test-results/vscode-layer-console.log)', started, runtime);
    }
    return { layer: 'vscode', counts, runtime, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return couldNotRun('vscode', err instanceof Error ? err.message : String(err), started, runtime);
  } finally {
    profile.remove();
  }
}
