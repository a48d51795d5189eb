import type { Page } from 'playwright-core';
import { openWorkbench } from '../../test/ui/support/workbench';

/** What the bench needs of a code-server workbench: its page, and a way to close it. */
export interface BenchWorkbench {
  readonly page: Page;
  close(): Promise<void>;
}

export interface BenchWorkbenchOptions {
  vsix: string;
  /** Installed beside it (the probe). */
  extraVsix: string[];
  /** publisher.name; its status bar item tells that it has activated. */
  extensionId: string;
  settings: Record<string, unknown>;
  files: Record<string, string>;
}

/** The UI tests' workbench, with a window tall enough to keep a typed file and its suggestions on screen, and patient waits. */
export function openBenchWorkbench(options: BenchWorkbenchOptions): Promise<BenchWorkbench> {
  return openWorkbench({
    vsix: options.vsix,
    extraVsix: options.extraVsix,
    extensionId: options.extensionId,
    settings: options.settings,
    files: options.files,
    // Tall enough that a whole file and a suggestion below the cursor are rendered (the ghost text is read from the page).
    viewport: { width: 1400, height: 2000 },
    actionTimeoutMs: 20_000,
  });
}
