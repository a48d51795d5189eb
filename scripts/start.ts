// `npm start`: builds the extension, the local server and its model, then opens the sample workspace
// in a real VS Code (code-server in the browser, or the desktop VS Code with --desktop) with the
// extension installed and pointed at the local server. Ctrl+C stops everything it started.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GroupProcess } from '../test/launchers/processes';
import { ensureCodeServer } from '../test/support/code-server';
import { repoRoot } from '../test/support/paths';
import { buildModel, buildServer, ensureServerDependencies, packageExtension } from './lib/build';
import { DESKTOP_WINDOW, findDesktopVsCode, installExtensionInDesktop, openDesktopVsCode } from './lib/desktop';
import { parseOptions, USAGE, type StartOptions } from './lib/options';
import { Progress } from './lib/progress';
import { codeServerEntry, installExtensionInCodeServer, startCodeServer, startLocalServer } from './lib/services';
import { openStartProfile, sampleWorkspaceCopy, writeStartSettings } from './lib/start-profile';

const LOCAL_SERVER_PORT = 8012; // the extension's default serverUrl

/** The processes this run started (each in its own process group), stopped together once. */
class StartedProcesses {
  private readonly processes: GroupProcess[] = [];
  private stopping: Promise<void> | undefined;

  add(child: GroupProcess): GroupProcess {
    this.processes.push(child);
    return child;
  }

  /** Resolves with the first of them to exit on its own. */
  firstExit(): Promise<GroupProcess> {
    return Promise.race(this.processes.map((child) => child.exited.then(() => child)));
  }

  stopAll(): Promise<void> {
    this.stopping ??= Promise.all([...this.processes].reverse().map((child) => child.stop())).then(() => undefined);
    return this.stopping;
  }
}

async function main(): Promise<number> {
  let options: StartOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const started = new StartedProcesses();
  let interrupted = false;
  const interruption = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (!interrupted) console.log('\nStopping…');
        interrupted = true;
        resolve();
      });
    }
  });

  try {
    const progress = new Progress(() => interrupted);
    const ready = options.desktop ? await startDesktop(started, progress) : await startInBrowser(started, progress, options);
    console.log(ready);
    const outcome = await Promise.race([interruption.then(() => undefined), started.firstExit()]);
    if (outcome?.name === DESKTOP_WINDOW) {
      console.log('The VS Code window closed.');
    } else if (outcome) {
      console.error(`${outcome.name} stopped unexpectedly (${await outcome.exited}):\n${outcome.output().trimEnd().split('\n').slice(-20).join('\n')}`);
      await started.stopAll();
      return 1;
    }
  } catch (err) {
    await started.stopAll();
    if (interrupted) {
      console.log('Stopped.');
      return 0;
    }
    console.error(`\nnpm start failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  await started.stopAll();
  console.log('Stopped: the local server and the editor are no longer running.');
  return 0;
}

/** Builds what the editor needs: the server, the model and the .vsix (in a temp folder). */
async function build(progress: Progress): Promise<string> {
  if (await ensureServerDependencies(repoRoot)) console.log('  installed the local server\'s dependencies');
  await progress.step('Building the local server', () => buildServer(repoRoot));
  const model = await progress.step('Building the model', () => buildModel(repoRoot));
  if (model) console.log(`  ${model}`);
  const vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-start-'));
  process.once('exit', () => fs.rmSync(vsixDir, { recursive: true, force: true }));
  const vsix = path.join(vsixDir, 'prompt-complete.vsix');
  await progress.step('Building and packaging the extension', () => packageExtension(repoRoot, vsix));
  return vsix;
}

/** Runs code-server with the extension on the sample workspace; returns the lines telling where to go. */
async function startInBrowser(started: StartedProcesses, progress: Progress, options: StartOptions): Promise<string> {
  const vsix = await build(progress);
  if (!fs.existsSync(codeServerEntry(repoRoot))) {
    await progress.step('Installing code-server (first run, about a minute)', () => ensureCodeServer());
  }
  const profile = openStartProfile(repoRoot, 'code-server');
  await progress.step('Installing the extension into code-server', () => installExtensionInCodeServer(repoRoot, profile, vsix));
  const server = await progress.step('Starting the local server', () => startLocalServer(repoRoot, LOCAL_SERVER_PORT));
  started.add(server.process);
  writeStartSettings(profile, server.url);
  const editor = await progress.step('Starting code-server', () => startCodeServer(repoRoot, profile, options.port));
  started.add(editor.process);
  const url = `${editor.url}/?folder=${encodeURIComponent(sampleWorkspaceCopy(repoRoot))}`;
  return [
    '',
    `Prompt Complete is running (ready in ${progress.elapsed()}).`,
    `  Open in your browser:  ${url}`,
    `  Local server:          ${server.url} (pid ${server.process.pid})`,
    `  code-server:           ${editor.url} (pid ${editor.process.pid}), profile ${path.relative(repoRoot, profile.root)}`,
    `  Workspace:             ${path.relative(repoRoot, sampleWorkspaceCopy(repoRoot))} (a copy of samples/workspace; delete it for a fresh one)`,
    'Type in a sample file and wait a moment for grey ghost text; Tab accepts it.',
    'Press Ctrl+C to stop both.',
  ].join('\n');
}

/** Opens the desktop VS Code on the sample workspace with the extension; stops when its window closes. */
async function startDesktop(started: StartedProcesses, progress: Progress): Promise<string> {
  const code = findDesktopVsCode();
  if (!code) throw new Error('--desktop needs VS Code\'s `code` command on the PATH (VS Code: "Shell Command: Install \'code\' command in PATH"); without --desktop, npm start uses code-server in the browser');
  const vsix = await build(progress);
  const profile = openStartProfile(repoRoot, 'desktop');
  await progress.step('Installing the extension into VS Code', () => installExtensionInDesktop(code, profile, vsix));
  const server = await progress.step('Starting the local server', () => startLocalServer(repoRoot, LOCAL_SERVER_PORT));
  started.add(server.process);
  writeStartSettings(profile, server.url);
  const window = started.add(openDesktopVsCode(code, profile, sampleWorkspaceCopy(repoRoot)));
  return [
    '',
    `Prompt Complete is running (ready in ${progress.elapsed()}) in a new VS Code window (pid ${window.pid}), profile ${path.relative(repoRoot, profile.root)}.`,
    `  Local server:          ${server.url} (pid ${server.process.pid})`,
    'Closing that window or pressing Ctrl+C here stops the local server.',
  ].join('\n');
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
