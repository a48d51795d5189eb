import { SDKError } from '../models/errors/sdkerror';
import { ConnectionError, IncompleteStreamError, RequestAbortedError } from '../models/errors/httpclienterrors';

/** Exponential backoff parameters, all in milliseconds. */
export interface BackoffStrategy {
  initialInterval: number;
  maxInterval: number;
  exponent: number;
  /** No new attempt starts once this much time would have passed since the first. */
  maxElapsedTime: number;
}

/** How failed requests are retried: per client (`retryConfig`) or per call (`retries`). */
export type RetryConfig =
  | { strategy: 'none' }
  | { strategy: 'backoff'; backoff?: Partial<BackoffStrategy>; retryConnectionErrors?: boolean };

/** The client's default: back off on 408/409/429/5xx and connection failures, for up to 30 s. */
export const defaultRetryConfig: RetryConfig = {
  strategy: 'backoff',
  backoff: { initialInterval: 500, maxInterval: 8000, exponent: 1.5, maxElapsedTime: 30000 },
  retryConnectionErrors: true,
};

const defaultBackoff = defaultRetryConfig.backoff as BackoffStrategy;
/** How long the default backoff keeps trying, in ms. */
export const defaultBackoffBudget = defaultBackoff.maxElapsedTime;

/** Clock and randomness, injectable so tests can pin them. */
export interface RetryEnvironment {
  now(): number;
  random(): number;
}

const realEnvironment: RetryEnvironment = { now: Date.now, random: Math.random };

/** Runs `attempt` until it succeeds, fails for good, or the backoff budget runs out; the last error is thrown. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  config: RetryConfig,
  signal: AbortSignal | undefined,
  environment: RetryEnvironment = realEnvironment,
): Promise<T> {
  if (config.strategy !== 'backoff') return attempt();
  const backoff = { ...defaultBackoff, ...config.backoff };
  const retryConnectionErrors = config.retryConnectionErrors ?? true;
  const start = environment.now();
  for (let retriesDone = 0; ; retriesDone++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isRetryable(err, retryConnectionErrors)) throw err;
      const delay = serverRequestedDelay(err, environment.now()) ?? backoffDelay(backoff, retriesDone, environment.random());
      if (environment.now() - start + delay > backoff.maxElapsedTime) throw err;
      await waitUnlessAborted(delay, signal);
    }
  }
}

/** 408, 409, 429 and 5xx are worth another try; other statuses will not change by waiting. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
}

function isRetryable(err: unknown, retryConnectionErrors: boolean): boolean {
  if (err instanceof SDKError) return isRetryableStatus(err.statusCode);
  if (err instanceof ConnectionError && !(err instanceof IncompleteStreamError)) {
    return retryConnectionErrors && !isCertificateProblem(err.cause);
  }
  return false;
}

// A certificate the client rejects will be rejected again; retrying only delays the message.
function isCertificateProblem(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code.includes('CERT') || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'));
}

/** Equal jitter: half the exponential interval is fixed, half random, so clients that failed together spread out. */
export function backoffDelay(backoff: BackoffStrategy, retriesDone: number, random: number): number {
  const interval = Math.min(backoff.maxInterval, backoff.initialInterval * backoff.exponent ** retriesDone);
  return interval / 2 + (interval / 2) * random;
}

function serverRequestedDelay(err: unknown, now: number): number | undefined {
  if (!(err instanceof SDKError)) return undefined;
  return parseRetryAfter(err.headers, now);
}

/** Reads `retry-after-ms`, else `retry-after` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(headers: Record<string, string | string[] | undefined>, now: number): number | undefined {
  const milliseconds = Number(firstValue(headers['retry-after-ms']));
  if (firstValue(headers['retry-after-ms']) !== undefined && Number.isFinite(milliseconds) && milliseconds >= 0) {
    return milliseconds;
  }
  const retryAfter = firstValue(headers['retry-after'])?.trim();
  if (retryAfter === undefined || retryAfter === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Resolves after `ms`, or rejects with RequestAbortedError the moment `signal` aborts. */
export function waitUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new RequestAbortedError({ cause: signal.reason }));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new RequestAbortedError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
