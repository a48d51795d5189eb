import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh folder under the system temp folder, removed by remove() or, failing that, when this process exits. */
export interface TempDir {
  readonly path: string;
  remove(): void;
}

/** Creates a temp folder named prefix + random suffix. */
export function makeTempDir(prefix: string): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const removeNow = (): void => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeNow);
  return {
    path: dir,
    remove: () => {
      process.off('exit', removeNow);
      removeNow();
    },
  };
}
