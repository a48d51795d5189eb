import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import { SDKError, type ApiErrorDetails } from '../models/errors/sdkerror';
import { errorBodyReadLimit, excerptOf, readTextUpTo, truncateBody } from './body';
import { redactBody, redactHeaders, redactValue } from './redact';

/** The parts of a non-2xx response needed to describe it. */
export interface ErrorResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/** Reads (at most a few dozen KB of) an error response and turns it into an SDKError with the key redacted. */
export async function sdkErrorFromResponse(response: ErrorResponse, apiKey: string | undefined): Promise<SDKError> {
  const { text } = await readTextUpTo(response.body, errorBodyReadLimit);
  return sdkErrorFromBody(response.statusCode, response.headers, text, apiKey);
}

/**
 * Builds an SDKError from an error body; the message prefers the server's own `error.message`. The key
 * is redacted from the parsed message too: JSON escapes would hide it from a search of the raw text.
 */
export function sdkErrorFromBody(
  statusCode: number,
  headers: Record<string, string | string[] | undefined>,
  rawText: string,
  apiKey: string | undefined,
  context = `API error ${statusCode}`,
): SDKError {
  const text = redactBody(rawText, apiKey);
  const details = redactDetails(apiErrorDetails(rawText), apiKey);
  const summary = details?.message ?? (excerptOf(text) || STATUS_CODES[statusCode] || 'no details');
  return new SDKError({
    message: `${context}: ${summary}`,
    statusCode,
    contentType: headerValue(headers['content-type']) ?? '',
    body: truncateBody(text),
    headers: redactHeaders(headers, apiKey),
    details,
  });
}

function redactDetails(details: ApiErrorDetails | undefined, apiKey: string | undefined): ApiErrorDetails | undefined {
  return details && (redactValue(details, apiKey) as ApiErrorDetails);
}

/** The `error` object of an OpenAI-style error body, or undefined when the body is not one. */
export function apiErrorDetails(text: string): ApiErrorDetails | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error !== 'object' || error === null) {
    const message = (parsed as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? { message } : undefined;
  }
  const { message, type, param, code } = error as Record<string, unknown>;
  return {
    message: typeof message === 'string' ? message : undefined,
    type: typeof type === 'string' ? type : undefined,
    param: typeof param === 'string' ? param : undefined,
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
  };
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
