import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What the test runner tells the extension-host suite. It is a file next to the workspace folder the
 * run opens (the runner creates both), because environment variables do not reliably reach the
 * extension host of every launcher.
 */
export interface SuiteConfig {
  /** Where the suite writes its counts (see LayerCounts). */
  resultsFile: string;
  /** The project's local completion server (`http://127.0.0.1:PORT/v1`), when the runner started one. */
  localServerUrl?: string;
  /** Why the local server is not available, when it is not. */
  localServerError?: string;
  /** Run only the tests whose full title matches this (mocha's --grep). */
  grep?: string;
}

/** Starts every line the suite's reporter prints, so a runner can pick them out of mixed console output. */
export const SUITE_LINE_MARKER = 'mocha| ';

const FILE_NAME = 'suite-config.json';

/** The config file that belongs to a workspace folder. */
export function suiteConfigPath(workspaceDir: string): string {
  return path.join(path.dirname(workspaceDir), FILE_NAME);
}

/** Writes the config for a run that opens workspaceDir. */
export function writeSuiteConfig(workspaceDir: string, config: SuiteConfig): void {
  fs.writeFileSync(suiteConfigPath(workspaceDir), JSON.stringify(config, null, 2));
}

/** Reads the config of the run that opened workspaceDir. */
export function readSuiteConfig(workspaceDir: string | undefined): SuiteConfig {
  if (!workspaceDir) throw new Error('the extension-host suite needs a workspace folder (the runner opens one)');
  return JSON.parse(fs.readFileSync(suiteConfigPath(workspaceDir), 'utf8')) as SuiteConfig;
}
