import { GptError } from '../models/errors/gpterror';
import { ConnectionError, RequestAbortedError, RequestTimeoutError } from '../models/errors/httpclienterrors';
import { redactSecret, scrubCause } from './redact';

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const abortCodes = new Set(['UND_ERR_ABORTED', 'ABORT_ERR']);

/** What is needed to name a transport failure. */
export interface AttemptContext {
  callerSignal: AbortSignal | undefined;
  timeoutMs: number;
  apiKey: string | undefined;
}

/** Maps whatever undici threw to the client's error classes (by `err.code`), keeping the key out of the cause. */
export function toClientError(err: unknown, attempt: AttemptContext): GptError {
  if (err instanceof GptError) return err;
  if (attempt.callerSignal?.aborted) return new RequestAbortedError({ cause: attempt.callerSignal.reason });
  const cause = scrubCause(err, attempt.apiKey);
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && timeoutCodes.has(code)) return new RequestTimeoutError(attempt.timeoutMs, { cause });
  if ((typeof code === 'string' && abortCodes.has(code)) || (err as Error | null)?.name === 'AbortError') {
    return new RequestAbortedError({ cause });
  }
  const reason = err instanceof Error ? err.message : String(err);
  const codeText = typeof code === 'string' && !reason.includes(code) ? ` (${code})` : '';
  return new ConnectionError(`Connection failed: ${redactSecret(reason, attempt.apiKey)}${codeText}`, { cause });
}
