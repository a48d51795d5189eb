import * as path from 'node:path';

/** The repository root, whether this file runs from out/test/support/ or is read from test/support/. */
export const repoRoot: string = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
  const parts = start.split(path.sep);
  const outIndex = parts.lastIndexOf('out');
  if (outIndex > 0) return parts.slice(0, outIndex).join(path.sep) || path.sep;
  return path.resolve(start, '..', '..');
}
