import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { ResultsReporter } from '../launchers/results-reporter';
import { readSuiteConfig, SUITE_LINE_MARKER } from './support/suite-config';

/**
 * Entry point of the extension-host suite (VS Code's `extensionTestsPath`): runs mocha over every
 * out/test/vscode/**\/*.test.js inside the real extension host, writes the counts to the results
 * file named by the suite config, and rejects when a test fails (VS Code then exits non-zero).
 */
export async function run(): Promise<void> {
  const config = readSuiteConfig(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
  markReporterLines();
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    grep: config.grep,
    reporter: ResultsReporter,
    reporterOptions: { resultsFile: config.resultsFile },
  });
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}

/**
 * Prefixes the reporter's console lines with SUITE_LINE_MARKER: code-server delivers the extension
 * host's console to the browser mixed with the workbench's own logs, and the runner keeps the marked ones.
 */
function markReporterLines(): void {
  const log = console.log.bind(console);
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => log(SUITE_LINE_MARKER + format(...args));
}

function findTestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}
