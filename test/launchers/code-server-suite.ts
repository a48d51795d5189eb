import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { CODE_SERVER_VERSION, ensureCodeServer, startCodeServer, type VsCodeProfile } from '../support/code-server';
import { launchBrowser } from './browser';
import { withDeadline } from './processes';
import { SUITE_LINE_MARKER } from '../vscode/support/suite-config';

/** What both extension-host launchers need to run the suite. */
export interface SuiteRun {
  profile: VsCodeProfile;
  extensionDevelopmentPath: string;
  /** The compiled suite entry (out/test/vscode/index.js). */
  extensionTestsPath: string;
  timeoutMs: number;
  /** Aborts when the user stops the run. */
  stop?: AbortSignal;
}

/** Which VS Code code-server runs, as `--version` says. */
export function describeCodeServer(): string {
  const versionLine = ensureCodeServer(); // "4.100.3 <commit> with Code 1.100.3"
  const code = versionLine.match(/with Code (\S+)/)?.[1] ?? 'unknown';
  return `VS Code ${code} (code-server ${CODE_SERVER_VERSION}, workbench in headless Chromium)`;
}

/**
 * Runs the suite in code-server's extension host. code-server refuses the development options on its
 * command line, but the workbench takes them from the URL payload; the workbench then calls
 * window.codeAutomationExit(code) when the suite ends. Resolves with that exit code.
 */
export async function runSuiteInCodeServer(run: SuiteRun): Promise<number> {
  const server = await startCodeServer(run.profile);
  const browser = await launchBrowser().catch(async (err) => { await server.stop(); throw err; });
  const consoleLines: string[] = [];
  try {
    const page = await browser.context.newPage();
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    page.on('console', (message) => {
      // The extension host's console reaches the browser mixed with the workbench's logs.
      const text = message.text();
      consoleLines.push(`[${message.type()}] ${text}`);
      const start = text.indexOf(SUITE_LINE_MARKER);
      if (start >= 0) console.log(text.slice(start + SUITE_LINE_MARKER.length));
    });
    const remote = (file: string): string => `vscode-remote://${server.authority}${file}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(run.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(run.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(run.profile.workspaceDir)}`
      + `&payload=${encodeURIComponent(payload)}`);
    return await withDeadline(exitCode, run.timeoutMs, 'the extension-host suite did not finish', run.stop);
  } finally {
    // Everything the workbench logged, for when the suite fails before its reporter speaks.
    saveConsole(consoleLines);
    await browser.close();
    await server.stop();
  }
}

const CONSOLE_LOG = path.join(repoRoot, 'test-results', 'vscode-layer-console.log');

function saveConsole(lines: string[]): void {
  fs.mkdirSync(path.dirname(CONSOLE_LOG), { recursive: true });
  fs.writeFileSync(CONSOLE_LOG, lines.join('\n') + '\n');
}
