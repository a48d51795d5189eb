import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { repoRoot } from '../support/paths';
import type { SuiteRun } from './code-server-suite';
import { startGroupProcess, withDeadline } from './processes';

/**
 * A desktop VS Code for @vscode/test-electron: VSCODE_EXECUTABLE_PATH, or the latest stable one
 * downloaded into .vscode-test/ (or found there from an earlier download). Undefined, with the reason,
 * when none can be had: offline machines fail the download within a second. A Linux machine without
 * a display cannot show desktop VS Code, so it is not tried there.
 */
export async function findDesktopVsCode(): Promise<{ executable?: string; reason: string }> {
  const configured = process.env.VSCODE_EXECUTABLE_PATH;
  if (configured) return { executable: configured, reason: 'VSCODE_EXECUTABLE_PATH' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display for a desktop VS Code (DISPLAY is not set)' };
  }
  try {
    const executable = await downloadAndUnzipVSCode({
      version: 'stable',
      cachePath: path.join(repoRoot, '.vscode-test'),
      timeout: 15_000,
    });
    return { executable, reason: 'downloaded by @vscode/test-electron' };
  } catch (err) {
    return { reason: `no desktop VS Code download (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** The version line of a desktop VS Code executable. */
export function describeDesktopVsCode(executable: string): string {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = result.stdout?.split('\n')[0] || 'unknown version';
  return `VS Code ${version} (desktop, ${executable})`;
}

/**
 * Runs the suite in a desktop VS Code, started the way @vscode/test-electron starts it but by this
 * process, so a deadline can stop its whole process group. Resolves with VS Code's exit code.
 */
export async function runSuiteInElectron(executable: string, run: SuiteRun): Promise<number> {
  const vscode = startGroupProcess(executable, [
    run.profile.workspaceDir,
    `--extensionDevelopmentPath=${run.extensionDevelopmentPath}`,
    `--extensionTestsPath=${run.extensionTestsPath}`,
    '--user-data-dir', run.profile.userDataDir,
    '--extensions-dir', run.profile.extensionsDir,
    '--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome', '--skip-release-notes',
    '--disable-workspace-trust',
  ], { name: 'vscode', env: { ...process.env, ...run.profile.env }, echo: true });
  try {
    const exit = await withDeadline(vscode.exited, run.timeoutMs, 'the extension-host suite did not finish', run.stop);
    return typeof exit === 'number' ? exit : 1;
  } finally {
    await vscode.stop();
  }
}
