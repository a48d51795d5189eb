import type { Readable } from 'node:stream';

/** Error bodies are read up to this size; the rest is discarded with the connection. */
export const errorBodyReadLimit = 64 * 1024;
/** Error and validation bodies kept on error objects are cut to this many characters. */
export const keptBodyLength = 4 * 1024;
/** A successful body larger than this is refused rather than buffered. */
export const successBodyReadLimit = 64 * 1024 * 1024;
/**
 * No line of an event stream, and no event's data, may be longer than this many characters: far more
 * than one chunk of any real completion (a whole 4096-token answer with logprobs is about 1 MB).
 */
export const sseEventCharLimit = 16 * 1024 * 1024;

/** A body read up to a limit; `complete` is false when the limit cut it short (the stream is then destroyed). */
export interface LimitedText {
  text: string;
  complete: boolean;
}

/** Reads a response body as UTF-8 up to `limitBytes`, destroying the stream if more would follow. */
export function readTextUpTo(body: Readable, limitBytes: number): Promise<LimitedText> {
  // Event listeners rather than for-await: async iteration costs a measurable share of a small request.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (complete: boolean): void => {
      // After destroy() the body emits an abort error; the listener stays to absorb it (reject is then a no-op).
      body.off('data', onData).off('end', onEnd);
      if (complete) body.off('error', onError);
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      resolve({ text, complete });
    };
    const onData = (chunk: Buffer): void => {
      if (size + chunk.length > limitBytes) {
        chunks.push(chunk.subarray(0, limitBytes - size));
        body.destroy();
        finish(false);
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    };
    const onEnd = (): void => finish(true);
    const onError = (err: Error): void => {
      body.off('data', onData).off('end', onEnd);
      reject(err);
    };
    body.on('data', onData).once('end', onEnd).once('error', onError);
  });
}

/** Cuts text for keeping on an error object, marking the cut. */
export function truncateBody(text: string): string {
  return text.length <= keptBodyLength ? text : `${text.slice(0, keptBodyLength)}… [truncated]`;
}

/** A one-line excerpt of a non-JSON body: HTML tags, scripts and styles removed, whitespace collapsed. */
export function excerptOf(text: string, maxLength = 200): string {
  const plain = text
    .slice(0, errorBodyReadLimit)
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= maxLength ? plain : `${plain.slice(0, maxLength - 1)}…`;
}
