import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The largest CA file read: a bundle of every public root is about 200 KB. */
export const CA_FILE_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads a PEM file of certificate authorities: asynchronously, only a regular file, at most `limitBytes`.
 * Opened without blocking and checked on the opened descriptor, so a FIFO (whose open would wait for a
 * writer), `/dev/zero` (which never ends), a folder, or a path swapped between check and read is a
 * clear error at once, never a hang. Throws an Error whose message says what is wrong.
 */
export async function readCaFile(path: string, limitBytes = CA_FILE_LIMIT_BYTES): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? 'the file does not exist' : `it cannot be opened (${error.code ?? error.message})`);
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`it is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}`);
    if (stat.size > limitBytes) throw new Error(`it is ${stat.size} bytes; the largest accepted is ${limitBytes}`);
    // Read one byte more than allowed, so a file that grew since the check is still refused.
    const buffer = Buffer.alloc(limitBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limitBytes) throw new Error(`it is larger than ${limitBytes} bytes`);
    }
    const text = buffer.toString('utf8', 0, length);
    if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new Error('it holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
    return text;
  } finally {
    await handle.close();
  }
}

/**
 * The extra CA certificates for the configured file, read once each time the path changes. Until a
 * read has finished, and after one fails (reported once through `warn`), there are none: requests
 * then trust the system's certificates only.
 */
export class CaCertificates {
  private path = '';
  private pem: string | undefined;
  private loads = 0;

  constructor(
    private readonly warn: (message: string) => void,
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
      this.warn(`Not using promptComplete.network.caCertificatesFile (${path}): ${(error as Error).message}; trusting the system's certificates only`);
    }
  }
}
