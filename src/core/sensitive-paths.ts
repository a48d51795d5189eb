import { globToRegExp } from './glob';

/**
 * Files kept out of every request unless the user says otherwise: environment files, private keys and
 * certificates, SSH and cloud credentials, and the token files of package managers and tools.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/.env', '**/.env.*', '**/*.env',
  '**/*.pem', '**/*.key', '**/*.p12', '**/*.pfx', '**/*.jks', '**/*.keystore', '**/*.ppk',
  '**/id_rsa*', '**/id_dsa*', '**/id_ecdsa*', '**/id_ed25519*', '**/.ssh/**',
  '**/.aws/credentials', '**/.azure/**', '**/.config/gcloud/**', '**/credentials.json',
  '**/.kube/config', '**/kubeconfig', '**/.docker/config.json',
  '**/.npmrc', '**/.yarnrc.yml', '**/.pypirc', '**/.netrc', '**/.git-credentials', '**/.pgpass',
  '**/.htpasswd', '**/.vault-token', '**/.config/gh/hosts.yml',
  '**/secrets.*', '**/*.secret', '**/*.secrets',
];

/** Where a document lives: its absolute path, and its path inside the workspace folder when it has one. */
export interface DocumentPaths {
  absolute?: string;
  relative?: string;
}

/** Tells which exclusion glob, if any, a document's path matches. */
export class SensitivePaths {
  private readonly compiled: { glob: string; regex: RegExp }[];

  constructor(globs: readonly string[]) {
    this.compiled = [...new Set(globs)].filter((glob) => glob.trim() !== '').map((glob) => ({ glob, regex: globToRegExp(glob.trim()) }));
  }

  /** The first glob that matches either path (backslashes read as `/`), or undefined. */
  match(paths: DocumentPaths): string | undefined {
    const candidates = [paths.relative, paths.absolute].filter((path): path is string => !!path).map((path) => path.replace(/\\/g, '/'));
    if (candidates.length === 0) return undefined;
    return this.compiled.find(({ regex }) => candidates.some((path) => regex.test(path)))?.glob;
  }
}
