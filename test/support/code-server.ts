import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startGroupProcess, tail, type GroupProcess } from '../launchers/processes';
import { repoRoot } from './paths';

/** The code-server release the real-editor tests run (it embeds VS Code 1.100.3 and runs on node 20). */
export const CODE_SERVER_VERSION = '4.100.3';

const installDir = path.join(repoRoot, '.tools', `code-server-${CODE_SERVER_VERSION}`);
const entryScript = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Settings every test profile starts with: no welcome page, telemetry, updates or AI features. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

/** A fresh VS Code profile: user data, extensions and an opened workspace folder, all in one temp folder. */
export interface VsCodeProfile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly workspaceDir: string;
  /** XDG_* variables pointing into root, so nothing is written to the home folder. */
  readonly env: Record<string, string>;
  /** Deletes the folder (kept when PROMPT_COMPLETE_KEEP_TEMP is set, for debugging). */
  remove(): void;
}

/** Creates a profile under the system temp folder with the base settings plus the given ones. */
export function createProfile(settings: Record<string, unknown> = {}): VsCodeProfile {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-vscode-'));
  // A runner stopped mid-test still leaves no profile behind.
  const removeOnExit = (): void => fs.rmSync(root, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  const profile: VsCodeProfile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    workspaceDir: path.join(root, 'workspace'),
    env: {
      XDG_CONFIG_HOME: path.join(root, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(root, 'xdg', 'data'),
      XDG_CACHE_HOME: path.join(root, 'xdg', 'cache'),
      XDG_STATE_HOME: path.join(root, 'xdg', 'state'),
    },
    remove: () => {
      process.off('exit', removeOnExit);
      if (process.env.PROMPT_COMPLETE_KEEP_TEMP) console.log(`kept ${root}`);
      else fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  for (const dir of [profile.extensionsDir, profile.workspaceDir, ...Object.values(profile.env)]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  writeUserSettings(profile, settings);
  return profile;
}

/** Replaces the profile's user settings.json with the base settings plus the given ones. */
export function writeUserSettings(profile: VsCodeProfile, settings: Record<string, unknown>): void {
  const userDir = path.join(profile.userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
}

/** Installs code-server into .tools/ on first use (reused afterwards); returns its version line. */
export function ensureCodeServer(): string {
  const marker = path.join(installDir, '.installed');
  if (!fs.existsSync(marker) || !fs.existsSync(entryScript)) {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'install-code-server.js')],
      { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`installing code-server ${CODE_SERVER_VERSION} failed`);
  }
  return fs.readFileSync(marker, 'utf8').trim();
}

/** A running code-server. */
export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `127.0.0.1:PORT`, the authority of its vscode-remote:// URIs. */
  readonly authority: string;
  readonly process: GroupProcess;
  stop(): Promise<void>;
}

/** Starts code-server on a free port of 127.0.0.1 with the profile; resolves once /healthz answers. */
export async function startCodeServer(profile: VsCodeProfile, timeoutMs = 30_000): Promise<CodeServer> {
  ensureCodeServer();
  const started = Date.now();
  const child = startGroupProcess(process.execPath, [entryScript, ...commonArgs(profile),
    '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    // PROMPT_COMPLETE_VSCODE_LOG=debug|trace raises VS Code's log level (extension logs included).
    ...(process.env.PROMPT_COMPLETE_VSCODE_LOG ? ['--log', process.env.PROMPT_COMPLETE_VSCODE_LOG] : [])],
  { name: 'code-server', env: { ...process.env, ...profile.env }, cwd: profile.root });
  try {
    const match = await child.waitForOutput(/HTTP server listening on (http:\/\/(127\.0\.0\.1:\d+))/, timeoutMs);
    const url = match[1];
    await waitForHealthy(url, started + timeoutMs, child);
    return { url, authority: match[2], process: child, stop: () => child.stop() };
  } catch (err) {
    await child.stop();
    throw err;
  }
}

/** Installs a packaged extension into the profile's extensions folder. */
export function installExtension(profile: VsCodeProfile, vsixPath: string): void {
  ensureCodeServer();
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run \`npm run package\` first`);
  const result = spawnSync(process.execPath, [entryScript, ...commonArgs(profile), '--install-extension', vsixPath],
    { env: { ...process.env, ...profile.env }, cwd: profile.root, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0 || !/was successfully installed/.test(result.stdout)) {
    throw new Error(`installing ${vsixPath} failed:\n${tail(result.stdout + result.stderr)}`);
  }
}

function commonArgs(profile: VsCodeProfile): string[] {
  return ['--config', '/dev/null', '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

async function waitForHealthy(url: string, deadline: number, child: GroupProcess): Promise<void> {
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastError = `status ${response.status}`;
    } catch (err) {
      lastError = String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server at ${url} was not healthy in time (${lastError}):\n${tail(child.output())}`);
}
