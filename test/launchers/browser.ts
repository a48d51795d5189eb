import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executable)) {
    throw new Error(`Chromium not found at ${executable}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  return executable;
}

/** A headless Chromium with a fresh profile; close() also deletes the profile. */
export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium on a fresh profile, quiet on the network (only loopback is reachable). */
export async function launchBrowser(): Promise<Browser> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-chromium-'));
  const removeProfile = (): void => fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeProfile);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    // The runner decides what a signal means; Playwright still kills the browser when this process exits.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
    // Chromium keeps its crash database under XDG_CONFIG_HOME: keep it in the fresh profile too.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profileDir, 'config'), XDG_CACHE_HOME: path.join(profileDir, 'cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-crash-reporter',
      '--disable-breakpad'],
  }).catch((err: unknown) => {
    removeProfile();
    throw err;
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      removeProfile();
      process.off('exit', removeProfile);
    },
  };
}
