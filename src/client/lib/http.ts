import type { Dispatcher } from 'undici';
import type { HttpMeta } from '../models/operations/httpmeta';
import { RequestValidationError } from '../models/errors/requestvalidationerror';
import { ResponseValidationError } from '../models/errors/responsevalidationerror';
import { ShapeMismatch } from '../models/components/shape';
import { toClientError, type AttemptContext } from './transporterrors';
import { readTextUpTo, successBodyReadLimit, truncateBody } from './body';
import type { ClientContext } from './config';
import { headerValue, sdkErrorFromResponse } from './errorresponse';
import { redactSecret } from './redact';
import { withRetries, type RetryConfig } from './retries';

/** Per-call options of every operation. */
export interface RequestOptions {
  /** Aborting closes the connection and rejects with RequestAbortedError. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
  /** Overrides the client's retry configuration; `{ strategy: 'none' }` makes exactly one attempt. */
  retries?: RetryConfig;
}

/** One request to send: path is relative to serverURL. */
export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  accept: string;
  /**
   * Caller-supplied text sent with the request that must never carry the API key (extra body
   * fields), and the field to name when it does: checked against the key read for this request.
   */
  keyFree?: { field: string; text: string };
}

/** A 2xx response whose body is still unread, with what is needed to name a failure while reading it. */
export interface OpenResponse {
  httpMeta: HttpMeta;
  body: Dispatcher.ResponseData['body'];
  attempt: AttemptContext;
}

/** Sends the request (with retries) until a 2xx arrives; non-2xx bodies are read into SDKErrors. */
export async function openResponse(context: ClientContext, spec: RequestSpec, options: RequestOptions): Promise<OpenResponse> {
  if (context.configurationError) throw context.configurationError;
  const apiKey = await keyForRequest(context, spec);
  return withRetries(() => attemptOnce(context, spec, options, apiKey), options.retries ?? context.retryConfig, options.signal);
}

/** Sends the request and parses the 2xx JSON body with `parse`; shape problems become ResponseValidationError. */
export async function requestJson<T>(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions,
  parse: (json: unknown) => T,
): Promise<{ httpMeta: HttpMeta; value: T }> {
  if (context.configurationError) throw context.configurationError;
  const apiKey = await keyForRequest(context, spec);
  const retries = options.retries ?? context.retryConfig;
  return withRetries(async () => {
    const response = await attemptOnce(context, spec, options, apiKey);
    try {
      const { text, complete } = await readTextUpTo(response.body, successBodyReadLimit);
      const describe = { statusCode: response.httpMeta.response.status, contentType: contentTypeOf(response.httpMeta), apiKey };
      if (!complete) throw validationError(`response body is larger than ${successBodyReadLimit} bytes`, text, describe);
      return { httpMeta: response.httpMeta, value: parseBody(text, parse, describe) };
    } catch (err) {
      throw toClientError(err, response.attempt);
    }
  }, retries, options.signal);
}

/** Reads the key for one request, refusing the request when its caller-supplied part would carry it. */
async function keyForRequest(context: ClientContext, spec: RequestSpec): Promise<string | undefined> {
  const apiKey = await context.apiKey();
  if (apiKey && spec.keyFree && containsKey(spec.keyFree.text, apiKey)) {
    throw new RequestValidationError(spec.keyFree.field, 'must not contain the API key');
  }
  return apiKey;
}

/** True when `text` holds `apiKey` as written or as JSON escapes it. */
function containsKey(text: string, apiKey: string): boolean {
  return text.includes(apiKey) || text.includes(JSON.stringify(apiKey).slice(1, -1));
}

interface BodyDescription {
  statusCode: number;
  contentType: string;
  apiKey: string | undefined;
}

/** Parses JSON text and maps it; any failure is a ResponseValidationError carrying the (redacted, cut) text. */
export function parseBody<T>(text: string, parse: (json: unknown) => T, describe: BodyDescription): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw validationError('the response body is not JSON', text, describe, err);
  }
  try {
    return parse(json);
  } catch (err) {
    if (err instanceof ShapeMismatch) throw validationError(err.message, text, describe);
    throw err;
  }
}

function validationError(problem: string, text: string, describe: BodyDescription, cause?: unknown): ResponseValidationError {
  const body = truncateBody(redactSecret(text, describe.apiKey));
  return new ResponseValidationError(`Unexpected response (HTTP ${describe.statusCode}): ${problem}`, {
    statusCode: describe.statusCode,
    contentType: describe.contentType,
    body,
    cause: cause instanceof Error ? new Error(redactSecret(cause.message, describe.apiKey)) : undefined,
  });
}

export function contentTypeOf(httpMeta: HttpMeta): string {
  return headerValue(httpMeta.response.headers['content-type']) ?? '';
}

/**
 * One HTTP exchange up to a 2xx status. The timeout is undici's headersTimeout and bodyTimeout: it
 * bounds the wait for the response (a non-streamed completion's headers come when generation is done)
 * and every silence within the body, which for streams is the idle time between chunks. Using them
 * instead of an AbortSignal per request keeps the client's cost per request close to raw undici.
 */
async function attemptOnce(context: ClientContext, spec: RequestSpec, options: RequestOptions, apiKey: string | undefined): Promise<OpenResponse> {
  const timeoutMs = options.timeoutMs ?? context.timeoutMs;
  const attempt: AttemptContext = { callerSignal: options.signal, timeoutMs, apiKey };
  const undiciTimeout = timeoutMs > 0 && Number.isFinite(timeoutMs) ? timeoutMs : 0; // 0: undici waits forever
  const path = `${context.basePath}${spec.path}${context.search}`;
  try {
    const response = await context.dispatcher.request({
      origin: context.origin,
      path,
      method: spec.method,
      headers: requestHeaders(context, spec, apiKey),
      body: spec.body,
      signal: options.signal,
      headersTimeout: undiciTimeout,
      bodyTimeout: undiciTimeout,
    });
    const httpMeta: HttpMeta = {
      request: { method: spec.method, url: `${context.origin}${path}` },
      response: { status: response.statusCode, headers: response.headers as Record<string, string | string[]> },
    };
    if (response.statusCode < 200 || response.statusCode > 299) throw await sdkErrorFromResponse(response, apiKey);
    return { httpMeta, body: response.body, attempt };
  } catch (err) {
    throw toClientError(err, attempt);
  }
}

function requestHeaders(context: ClientContext, spec: RequestSpec, apiKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: spec.accept, ...context.baseHeaders };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  return headers;
}
