import type { Dispatcher } from 'undici';
import type { HttpMeta } from '../models/operations/httpmeta';
import { ApiKeyInRequestError } from '../models/errors/requestvalidationerror';
import { ResponseValidationError } from '../models/errors/responsevalidationerror';
import { isObject, ShapeMismatch } from '../models/components/shape';
import type { SDKError } from '../models/errors/sdkerror';
import { toClientError, type AttemptContext } from './transporterrors';
import { readTextUpTo, successBodyReadLimit, truncateBody } from './body';
import type { ClientContext } from './config';
import { AttemptSignal, CallDeadline } from './deadline';
import { apiErrorDetails, headerValue, sdkErrorFromBody, sdkErrorFromResponse } from './errorresponse';
import { redactBody, redactSecret } from './redact';
import { defaultBackoffBudget, withRetries, type RetryConfig } from './retries';

/** Per-call options of every operation. */
export interface RequestOptions {
  /** Aborting closes the connection and rejects with RequestAbortedError. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call: the whole call (every attempt, and a stream to its end). */
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
  const deadline = new CallDeadline(options.timeoutMs ?? context.timeoutMs);
  const apiKey = await keyForRequest(context, spec);
  return withRetries(() => attemptOnce(context, spec, options, apiKey, deadline), retriesWithin(options.retries ?? context.retryConfig, deadline), options.signal);
}

/** Sends the request and parses the 2xx JSON body with `parse`; shape problems become ResponseValidationError. */
export async function requestJson<T>(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions,
  parse: (json: unknown) => T,
): Promise<{ httpMeta: HttpMeta; value: T }> {
  if (context.configurationError) throw context.configurationError;
  const deadline = new CallDeadline(options.timeoutMs ?? context.timeoutMs);
  const apiKey = await keyForRequest(context, spec);
  return withRetries(async () => {
    const response = await attemptOnce(context, spec, options, apiKey, deadline);
    try {
      const { text, complete } = await readTextUpTo(response.body, successBodyReadLimit);
      const describe = describeBody(response.httpMeta, apiKey);
      if (!complete) throw validationError(`response body is larger than ${successBodyReadLimit} bytes`, text, describe);
      return { httpMeta: response.httpMeta, value: parseBody(text, parse, describe) };
    } catch (err) {
      throw toClientError(err, response.attempt);
    }
  }, retriesWithin(options.retries ?? context.retryConfig, deadline), options.signal);
}

/** Retrying never starts an attempt after the call's deadline: backoff stops where the deadline is. */
function retriesWithin(config: RetryConfig, deadline: CallDeadline): RetryConfig {
  if (config.strategy !== 'backoff' || !deadline.bounded) return config;
  const maxElapsedTime = Math.min(config.backoff?.maxElapsedTime ?? defaultBackoffBudget, deadline.timeoutMs);
  return { ...config, backoff: { ...config.backoff, maxElapsedTime } };
}

/** Reads the key for one request, refusing the request when its caller-supplied part would carry it. */
async function keyForRequest(context: ClientContext, spec: RequestSpec): Promise<string | undefined> {
  const apiKey = await context.apiKey();
  if (apiKey && spec.keyFree && containsKey(spec.keyFree.text, apiKey)) {
    throw new ApiKeyInRequestError(spec.keyFree.field);
  }
  return apiKey;
}

/** True when `text` holds `apiKey` as written or as JSON escapes it. */
function containsKey(text: string, apiKey: string): boolean {
  return text.includes(apiKey) || text.includes(JSON.stringify(apiKey).slice(1, -1));
}

interface BodyDescription {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  contentType: string;
  apiKey: string | undefined;
}

export function describeBody(httpMeta: HttpMeta, apiKey: string | undefined): BodyDescription {
  return { statusCode: httpMeta.response.status, headers: httpMeta.response.headers, contentType: contentTypeOf(httpMeta), apiKey };
}

/**
 * Parses JSON text and maps it; any failure is a ResponseValidationError carrying the (redacted, cut)
 * text, except a body that is an OpenAI-style `{"error": {...}}` object: that is the server refusing,
 * whatever the status said, and becomes the same SDKError a 4xx gives, with the server's message.
 */
export function parseBody<T>(text: string, parse: (json: unknown) => T, describe: BodyDescription, errorContext?: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw validationError('the response body is not JSON', text, describe, err);
  }
  try {
    return parse(json);
  } catch (err) {
    if (!(err instanceof ShapeMismatch)) throw err;
    if (isObject(json) && json.error != null) throw errorInBody(text, describe, errorContext);
    throw validationError(err.message, text, describe);
  }
}

/** An error object sent with a 2xx status (or inside a stream); a numeric `code` of 400-599 stands in for the status. */
export function errorInBody(text: string, describe: BodyDescription, context?: string): SDKError {
  const code = apiErrorDetails(text)?.code;
  const status = typeof code === 'number' && code >= 400 && code <= 599 ? code : describe.statusCode;
  return sdkErrorFromBody(status, describe.headers, text, describe.apiKey, context);
}

function validationError(problem: string, text: string, describe: BodyDescription, cause?: unknown): ResponseValidationError {
  const body = truncateBody(redactBody(text, describe.apiKey));
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
 * One HTTP exchange up to a 2xx status. The call's deadline bounds everything from here to the end of
 * the body: the attempt's signal aborts the request, or destroys the body, when it passes (see
 * AttemptSignal), so neither a slow answer nor a body trickled byte by byte can hold the call open.
 */
async function attemptOnce(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions,
  apiKey: string | undefined,
  deadline: CallDeadline,
): Promise<OpenResponse> {
  const attempt: AttemptContext = { callerSignal: options.signal, timeoutMs: deadline.timeoutMs, apiKey };
  const path = `${context.basePath}${spec.path}${context.search}`;
  try {
    deadline.check();
    const response = await context.dispatcher.request({
      origin: context.origin,
      path,
      method: spec.method,
      headers: requestHeaders(context, spec, apiKey),
      body: spec.body,
      // undici accepts any object with add/removeEventListener; its own timers are not needed then.
      signal: deadline.bounded ? (new AttemptSignal(options.signal, deadline, context.deadlines) as unknown as AbortSignal) : options.signal,
      headersTimeout: 0,
      bodyTimeout: 0,
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
