import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { startGroupProcess, tail, type GroupProcess } from '../../test/launchers/processes';
import { CODE_SERVER_VERSION } from '../../test/support/code-server';
import { serverEntry } from './build';
import { preferredOrAny } from './ports';
import type { StartProfile } from './start-profile';

/** A server the start command runs in its own process group. */
export interface RunningService {
  readonly url: string;
  readonly process: GroupProcess;
}

const READY_TIMEOUT_MS = 120_000;

/** Starts the local server on the preferred port (or any free one when it is taken). */
export async function startLocalServer(repoRoot: string, preferredPort: number): Promise<RunningService> {
  return startOnPort(await preferredOrAny(preferredPort), (port) => startGroupProcess(process.execPath,
    [serverEntry(repoRoot), '--port', String(port)], { name: 'local server', cwd: repoRoot }),
  /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/);
}

/** The installed code-server's entry script (.tools/code-server-<version>/, see scripts/install-code-server.js). */
export function codeServerEntry(repoRoot: string): string {
  return path.join(repoRoot, '.tools', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Installs (or replaces) the packaged extension in the profile. */
export function installExtensionInCodeServer(repoRoot: string, profile: StartProfile, vsix: string): void {
  const result = spawnSync(process.execPath, [codeServerEntry(repoRoot), ...profileArgs(profile),
    '--install-extension', vsix, '--force'], { env: { ...process.env, ...profile.env }, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`installing the extension failed:\n${tail(result.stdout + result.stderr)}`);
}

/** Starts code-server on 127.0.0.1 with the profile, no password (it only listens on this machine). */
export async function startCodeServer(repoRoot: string, profile: StartProfile, port: number | undefined): Promise<RunningService> {
  const firstPort = port ?? await preferredOrAny(8013);
  const service = await startOnPort(firstPort, (chosen) => startGroupProcess(process.execPath, [codeServerEntry(repoRoot),
    ...profileArgs(profile), '--auth', 'none', '--bind-addr', `127.0.0.1:${chosen}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'],
  { name: 'code-server', env: { ...process.env, ...profile.env }, cwd: profile.root }),
  /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/, port === undefined);
  await waitForHealthy(service);
  return service;
}

function profileArgs(profile: StartProfile): string[] {
  return ['--config', '/dev/null', '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/**
 * Starts a server and waits for its ready line; when the port was taken between the check and the
 * start (another program was quicker), tries once more on any free port.
 */
async function startOnPort(port: number, start: (port: number) => GroupProcess, ready: RegExp, mayMove = true): Promise<RunningService> {
  const child = start(port);
  try {
    const match = await child.waitForOutput(ready, READY_TIMEOUT_MS);
    return { url: match[1], process: child };
  } catch (err) {
    await child.stop();
    if (port !== 0 && mayMove && /EADDRINUSE|address already in use|cannot listen/i.test(child.output())) {
      return startOnPort(0, start, ready, false);
    }
    throw err;
  }
}

async function waitForHealthy(service: RunningService): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${service.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastError = `status ${response.status}`;
    } catch (err) {
      lastError = String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await service.process.stop();
  throw new Error(`code-server at ${service.url} did not become healthy (${lastError})`);
}
