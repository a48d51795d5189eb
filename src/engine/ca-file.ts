import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { english, type Translate } from '../core/translate';

/** The largest CA file read: a bundle of every public root is about 200 KB. */
export const CA_FILE_LIMIT_BYTES = 1024 * 1024;

/** Why a CA file is not used: `why` says it in the user's language through `t`; the message is its English. */
export class CaFileError extends Error {
  override readonly name = 'CaFileError';

  constructor(readonly why: (t: Translate) => string) {
    super(why(english));
  }
}

/**
 * Reads a PEM file of certificate authorities: asynchronously, only a regular file, at most `limitBytes`.
 * Opened without blocking and checked on the opened descriptor, so a FIFO (whose open would wait for a
 * writer), `/dev/zero` (which never ends), a folder, or a path swapped between check and read is a
 * clear error at once, never a hang. Throws a CaFileError that says what is wrong.
 */
export async function readCaFile(path: string, limitBytes = CA_FILE_LIMIT_BYTES): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    const code = error.code ?? error.message;
    throw new CaFileError(error.code === 'ENOENT' ? (t) => t('the file does not exist') : (t) => t('it cannot be opened ({0})', code));
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new CaFileError(stat.isDirectory() ? (t) => t('it is a folder') : (t) => t('it is not a regular file'));
    if (stat.size > limitBytes) throw new CaFileError((t) => t('it is {0} bytes; the largest accepted is {1}', stat.size, limitBytes));
    // Read one byte more than allowed, so a file that grew since the check is still refused.
    const buffer = Buffer.alloc(limitBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limitBytes) throw new CaFileError((t) => t('it is larger than {0} bytes', limitBytes));
    }
    const text = buffer.toString('utf8', 0, length);
    if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new CaFileError((t) => t('it holds no PEM certificate (-----BEGIN CERTIFICATE-----)'));
    return text;
  } finally {
    await handle.close();
  }
}

/**
 * The extra CA certificates for the configured file, read once each time the path changes. Until a
 * read has finished, and after one fails (reported once through `warn`, as a warning that says itself
 * in the language of the `t` it is given), there are none: requests then trust the system's
 * certificates only.
 */
export class CaCertificates {
  private path = '';
  private pem: string | undefined;
  private loads = 0;

  constructor(
    private readonly warn: (warning: (t: Translate) => string) => void,
    private readonly read: (path: string) => Promise<string> = readCaFile,
  ) {}

  /** The PEM text for `path` once read (undefined before, on failure, or for an empty path). */
  current(path: string): string | undefined {
    if (path !== this.path) {
      this.path = path;
      this.pem = undefined;
      if (path) this.loading = this.load(path);
    }
    return this.pem;
  }

  /** Settles when the latest read has finished (for callers that want to wait for it). */
  loading: Promise<void> = Promise.resolve();

  /** Changes whenever the certificates do, so a client built with old ones can tell. */
  get version(): number {
    return this.loads;
  }

  private async load(path: string): Promise<void> {
    try {
      const pem = await this.read(path);
      if (path !== this.path) return;
      this.pem = pem;
      this.loads++;
    } catch (error) {
      if (path !== this.path) return;
      const why = error instanceof CaFileError ? error.why : () => (error as Error).message;
      this.warn((t) => t('Not using promptComplete.network.caCertificatesFile ({0}): {1}; trusting the system\'s certificates only', path, why(t)));
    }
  }
}
