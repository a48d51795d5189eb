import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCommand } from './run-command';

/** Installs the local server's dependencies when `npm install` has not (server/node_modules). */
export async function ensureServerDependencies(repoRoot: string): Promise<boolean> {
  if (fs.existsSync(path.join(repoRoot, 'server', 'node_modules', 'node-llama-cpp'))) return false;
  await runCommand(process.execPath, [path.join(repoRoot, 'scripts', 'install-server-deps.js')], { cwd: repoRoot, showOutput: true });
  return true;
}

/** Bundles the local server (server/dist/main.mjs). */
export async function buildServer(repoRoot: string): Promise<void> {
  await runCommand(process.execPath, ['esbuild.js', '--server'], { cwd: repoRoot });
}

/** Builds the built-in model if it is missing or stale; returns the server's line naming the file. */
export async function buildModel(repoRoot: string): Promise<string> {
  const output = await runCommand(process.execPath, [serverEntry(repoRoot), '--build-model'], { cwd: repoRoot });
  return output.trim().split('\n').pop() ?? '';
}

/**
 * Packages the extension (production bundle) into outFile with vsce. The README's images stay
 * relative: the project has no public repository URL for vsce to rewrite them to.
 */
export async function packageExtension(repoRoot: string, outFile: string): Promise<void> {
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  await runCommand(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links',
    '--allow-missing-repository', '--out', outFile], { cwd: repoRoot });
}

/** The local server's entry point. */
export function serverEntry(repoRoot: string): string {
  return path.join(repoRoot, 'server', 'dist', 'main.mjs');
}
