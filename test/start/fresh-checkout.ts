import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_VERSION, ensureCodeServer } from '../support/code-server';
import { repoRoot } from '../support/paths';

/** A `git clone` of this repository's committed HEAD in a temp folder. */
export interface FreshCheckout {
  readonly dir: string;
  remove(): void;
}

/**
 * Clones HEAD into a temp folder and links in what `npm install` and a first run would download, so
 * the test takes seconds: node_modules, server/node_modules and .tools/code-server-<version>
 * (installed first if this checkout lacks it). Everything else (builds, the model, the .vsix, the
 * start profile) is made fresh in the clone.
 */
export function cloneRepository(): FreshCheckout {
  ensureCodeServer();
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-start-test-'));
  const remove = (): void => fs.rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', remove);
  const dir = path.join(parent, 'checkout');
  const clone = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, dir], { encoding: 'utf8' });
  if (clone.status !== 0) throw new Error(`git clone failed: ${clone.stderr}`);
  for (const reused of ['node_modules', path.join('server', 'node_modules'), path.join('.tools', `code-server-${CODE_SERVER_VERSION}`)]) {
    fs.mkdirSync(path.dirname(path.join(dir, reused)), { recursive: true });
    fs.symlinkSync(path.join(repoRoot, reused), path.join(dir, reused), 'dir');
  }
  return {
    dir,
    remove: () => {
      process.off('exit', remove);
      remove();
    },
  };
}
