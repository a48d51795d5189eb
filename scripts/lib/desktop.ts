import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startGroupProcess, tail, type GroupProcess } from '../../test/launchers/processes';
import type { StartProfile } from './start-profile';

/** The name the desktop window's process goes by. */
export const DESKTOP_WINDOW = 'VS Code';

/** The desktop VS Code command line on the PATH (`code`), or undefined. */
export function findDesktopVsCode(): string | undefined {
  const names = process.platform === 'win32' ? ['code.cmd'] : ['code'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Installs (or replaces) the packaged extension in the desktop profile. */
export function installExtensionInDesktop(code: string, profile: StartProfile, vsix: string): void {
  const result = spawnSync(code, [...profileArgs(profile), '--install-extension', vsix, '--force'],
    { encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`installing the extension in VS Code failed:\n${tail(result.stdout + result.stderr)}`);
}

/**
 * Opens the folder in a new desktop VS Code window with the profile; the returned process ends when
 * that window closes (`--wait`).
 */
export function openDesktopVsCode(code: string, profile: StartProfile, folder: string): GroupProcess {
  return startGroupProcess(code, [...profileArgs(profile), '--new-window', '--wait', folder], { name: DESKTOP_WINDOW, cwd: folder });
}

function profileArgs(profile: StartProfile): string[] {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}
