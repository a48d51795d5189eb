import { ConnectionError, RequestAbortedError, RequestTimeoutError, RequestValidationError, ResponseValidationError, SDKError } from '../client';
import { excerptOf } from '../client/lib/body';
import { InsecureKeyError } from './key-policy';
import { NoModelError } from './model-resolver';

/** What went wrong, in the terms the editor acts on. */
export type FailureKind =
  | 'aborted'
  | 'auth'
  | 'model'
  | 'rateLimit'
  | 'server'
  | 'badRequest'
  | 'network'
  | 'timeout'
  | 'invalidResponse'
  /** The key may not travel to the configured server (plain http to another machine). */
  | 'insecureKey'
  /** No model is set and the server lists none. */
  | 'noModel'
  /** The settings make no valid request (a bad URL, proxy or certificate). */
  | 'configuration'
  | 'other';

export interface Failure {
  kind: FailureKind;
  /** One short sentence for the status bar or a message; never contains the key. */
  reason: string;
}

/** Classifies an error from a completion request by its type and fields (never by parsing its message). */
export function describeError(error: unknown, serverUrl: string): Failure {
  if (error instanceof RequestAbortedError || isAbortError(error)) return { kind: 'aborted', reason: 'cancelled' };
  if (error instanceof SDKError) {
    const status = error.statusCode;
    const detail = serverMessage(error);
    if (status === 401 || status === 403) return { kind: 'auth', reason: `the server refused the API key (${status})${detail}` };
    if (status === 404) return { kind: 'model', reason: `not found (404)${detail}: check promptComplete.serverUrl and the model` };
    if (status === 429) return { kind: 'rateLimit', reason: `rate limited by the server (429)${detail}` };
    if (status >= 500) return { kind: 'server', reason: `server error ${status}${detail}` };
    if (status < 400) return { kind: 'server', reason: `the server reported an error${detail}` };
    return { kind: 'badRequest', reason: `the server rejected the request (${status})${detail}` };
  }
  if (error instanceof InsecureKeyError) return { kind: 'insecureKey', reason: shorten(error.message) };
  if (error instanceof NoModelError) return { kind: 'noModel', reason: shorten(error.message) };
  if (error instanceof RequestTimeoutError) return { kind: 'timeout', reason: `no answer from ${hostOf(serverUrl)} in time (promptComplete.requestTimeoutMs)` };
  if (error instanceof ConnectionError) return { kind: 'network', reason: `cannot reach ${hostOf(serverUrl)}: ${shorten(error.message)}` };
  if (error instanceof ResponseValidationError) return { kind: 'invalidResponse', reason: `${hostOf(serverUrl)} answered with something that is not a completion` };
  if (error instanceof RequestValidationError) return { kind: 'configuration', reason: shorten(error.message) };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'other', reason: shorten(message) };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'RequestAbortedError');
}

/** The server's own words: its `error.message`, else an excerpt of the (already redacted) body. */
function serverMessage(error: SDKError): string {
  const text = error.details?.message ?? excerptOf(error.body);
  return text ? `: ${shorten(text)}` : '';
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host;
  } catch {
    return serverUrl;
  }
}

function shorten(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
