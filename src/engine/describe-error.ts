import { ApiKeyInRequestError, ConnectionError, RequestAbortedError, RequestTimeoutError, RequestValidationError, ResponseValidationError, SDKError } from '../client';
import { excerptOf } from '../client/lib/body';
import { english, type Translate } from '../core/translate';
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

/**
 * Classifies an error from a completion request by its type and fields (never by parsing its
 * message), in the user's language through `t`.
 */
export function describeError(error: unknown, serverUrl: string, t: Translate = english): Failure {
  if (error instanceof RequestAbortedError || isAbortError(error)) return { kind: 'aborted', reason: t('cancelled') };
  if (error instanceof SDKError) {
    const status = error.statusCode;
    const detail = serverMessage(error);
    if (status === 401 || status === 403) return { kind: 'auth', reason: t('the server refused the API key ({0}){1}', status, detail) };
    if (status === 404) return { kind: 'model', reason: t('not found (404){0}: check promptComplete.serverUrl and the model', detail) };
    if (status === 429) return { kind: 'rateLimit', reason: t('rate limited by the server (429){0}', detail) };
    if (status >= 500) return { kind: 'server', reason: t('server error {0}{1}', status, detail) };
    if (status < 400) return { kind: 'server', reason: t('the server reported an error{0}', detail) };
    return { kind: 'badRequest', reason: t('the server rejected the request ({0}){1}', status, detail) };
  }
  if (error instanceof InsecureKeyError) {
    return { kind: 'insecureKey', reason: shorten(t('The API key is not sent over plain http to {0}. Use https, or allow it with promptComplete.allowInsecureKey.', hostOf(serverUrl))) };
  }
  if (error instanceof NoModelError) {
    return { kind: 'noModel', reason: shorten(t('No model is set and {0}/models lists none. Run "Prompt Complete: Select Model" or set promptComplete.model.', serverUrl)) };
  }
  if (error instanceof RequestTimeoutError) return { kind: 'timeout', reason: t('no answer from {0} in time (promptComplete.requestTimeoutMs)', hostOf(serverUrl)) };
  if (error instanceof ConnectionError) return { kind: 'network', reason: t('cannot reach {0}: {1}', hostOf(serverUrl), shorten(error.message)) };
  if (error instanceof ResponseValidationError) return { kind: 'invalidResponse', reason: t('{0} answered with something that is not a completion', hostOf(serverUrl)) };
  if (error instanceof ApiKeyInRequestError) {
    return { kind: 'configuration', reason: t('not sent: promptComplete.extraRequestFields must not contain the API key') };
  }
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
