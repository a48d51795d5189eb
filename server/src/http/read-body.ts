import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api-error';

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Reads a request body of at most `limit` bytes. A larger body is still read to its end (and
 * dropped) before the 413, so the client gets the answer instead of a reset connection.
 */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) {
    throw new ApiError(413, `The request body is ${size} bytes; the largest accepted is ${limit} bytes.`, null, 'request_too_large');
  }
  return Buffer.concat(chunks, size);
}

/** Parses a JSON request body, or throws OpenAI's 400 for malformed JSON. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new ApiError(400, `We could not parse the JSON body of your request (${(error as Error).message}). The body must be valid JSON.`);
  }
}
