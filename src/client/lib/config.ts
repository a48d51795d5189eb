import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { RequestValidationError } from '../models/errors/requestvalidationerror';
import { DeadlineWatch } from './deadline';
import { defaultRetryConfig, type RetryConfig } from './retries';

/** Options of `new Gpt(...)`. */
export interface GptOptions {
  /** The API key, or a function that reads it per request (e.g. from SecretStorage). Empty means no Authorization header. */
  apiKeyAuth?: string | (() => Promise<string | undefined> | string | undefined);
  /** Base URL including the version path; default `https://api.openai.com/v1`. */
  serverURL?: string;
  /**
   * Longest time in ms a call may take, from sending to the last byte of the body (for streams: to
   * `[DONE]`), retries included; default 30000, 0 disables. A server that trickles bytes or keep-alive
   * comments is cut off at this deadline like one that sends nothing.
   */
  timeoutMs?: number;
  /** Default retry behaviour; calls can override it with `retries`. */
  retryConfig?: RetryConfig;
  /** An undici dispatcher to use instead of the client's own; the caller keeps ownership. */
  dispatcher?: Dispatcher;
  /** HTTP(S) proxy URL, e.g. `http://proxy.local:3128`. */
  proxy?: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | string[];
  /** Set false to accept self-signed server certificates. */
  rejectUnauthorized?: boolean;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  userAgent?: string;
}

export const defaultServerURL = 'https://api.openai.com/v1';
export const defaultTimeoutMs = 30_000;
const defaultUserAgent = 'prompt-complete-client/0.1';

/** Everything a request needs, resolved once per client. */
export interface ClientContext {
  origin: string;
  /** Path prefix from serverURL without trailing slash, e.g. `/v1`. */
  basePath: string;
  /** Query string from serverURL (some gateways need e.g. `?api-version=`), appended to every path. */
  search: string;
  dispatcher: Dispatcher;
  ownsDispatcher: boolean;
  baseHeaders: Record<string, string>;
  apiKey: () => Promise<string | undefined>;
  timeoutMs: number;
  /** Aborts the client's attempts that pass their call's deadline. */
  deadlines: DeadlineWatch;
  retryConfig: RetryConfig;
  /** Set when serverURL or proxy is unusable: every request rejects with it, so constructing never throws. */
  configurationError: RequestValidationError | undefined;
}

/**
 * Validates options and builds the client's long-lived dispatcher (keep-alive Agent, or ProxyAgent).
 * Never throws: the editor builds clients straight from settings, and a bad URL should fail requests
 * with a clear error rather than break whoever constructs the client.
 */
export function createClientContext(options: GptOptions): ClientContext {
  const serverURL = options.serverURL ?? defaultServerURL;
  const url = parseServerURL(serverURL);
  const baseHeaders: Record<string, string> = { 'user-agent': options.userAgent ?? defaultUserAgent };
  for (const [name, value] of Object.entries(options.headers ?? {})) baseHeaders[name.toLowerCase()] = value;
  const dispatcher = options.dispatcher ?? createDispatcher(options);
  return {
    origin: url instanceof URL ? url.origin : 'http://invalid.invalid',
    basePath: url instanceof URL ? url.pathname.replace(/\/+$/, '') : '',
    search: url instanceof URL ? url.search : '',
    dispatcher: dispatcher instanceof RequestValidationError ? new Agent() : dispatcher,
    ownsDispatcher: options.dispatcher === undefined,
    baseHeaders,
    apiKey: apiKeyReader(options.apiKeyAuth),
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    deadlines: new DeadlineWatch(),
    retryConfig: options.retryConfig ?? defaultRetryConfig,
    configurationError: url instanceof URL ? (dispatcher instanceof RequestValidationError ? dispatcher : undefined) : url,
  };
}

function parseServerURL(serverURL: string): URL | RequestValidationError {
  let url: URL;
  try {
    url = new URL(serverURL);
  } catch {
    return new RequestValidationError('serverURL', `is not a valid URL (got "${serverURL}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return new RequestValidationError('serverURL', `must be an http or https URL (got "${serverURL}")`);
  }
  return url;
}

function createDispatcher(options: GptOptions): Dispatcher | RequestValidationError {
  const tls = {
    ...(options.ca !== undefined && { ca: options.ca }),
    ...(options.rejectUnauthorized !== undefined && { rejectUnauthorized: options.rejectUnauthorized }),
  };
  if (!options.proxy) return new Agent({ connect: tls });
  try {
    return new ProxyAgent({ uri: options.proxy, requestTls: tls, proxyTls: tls });
  } catch (err) {
    return new RequestValidationError('proxy', `is not a usable proxy URL (${err instanceof Error ? err.message : String(err)})`);
  }
}

function apiKeyReader(apiKeyAuth: GptOptions['apiKeyAuth']): () => Promise<string | undefined> {
  if (typeof apiKeyAuth === 'function') return async () => (await apiKeyAuth()) || undefined;
  const key = apiKeyAuth || undefined;
  return () => Promise.resolve(key);
}
