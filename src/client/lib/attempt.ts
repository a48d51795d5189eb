import { GptError } from '../models/errors/gpterror';
import { ConnectionError, RequestAbortedError, RequestTimeoutError } from '../models/errors/httpclienterrors';
import { redactSecret, scrubCause } from './redact';

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const abortCodes = new Set(['UND_ERR_ABORTED', 'ABORT_ERR']);

/**
 * The abort signal of one HTTP attempt: fires when the caller aborts or when the attempt has waited
 * `timeoutMs` without progress. Remembers which, so the failure can be reported as the right error.
 */
export class AttemptSignal {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private timedOut = false;
  private callerAborted = false;

  constructor(
    private readonly callerSignal: AbortSignal | undefined,
    private readonly timeoutMs: number,
  ) {
    if (callerSignal?.aborted) this.onCallerAbort();
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.restartTimer();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts the timeout afresh; streams call this on every chunk so the limit applies to idle time. */
  restartTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.timeoutMs > 0 && Number.isFinite(this.timeoutMs)) {
      this.timer = setTimeout(this.onTimeout, this.timeoutMs);
    }
  }

  /** Releases the timer and the listener on the caller's signal. */
  finish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  /** Maps whatever the transport threw to the client's error classes, keeping the key out of the cause. */
  toError(err: unknown, apiKey: string | undefined): GptError {
    if (err instanceof GptError) return err;
    if (this.callerAborted) return new RequestAbortedError({ cause: this.callerSignal?.reason });
    if (this.timedOut) return new RequestTimeoutError(this.timeoutMs);
    const cause = scrubCause(err, apiKey);
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && timeoutCodes.has(code)) return new RequestTimeoutError(this.timeoutMs, { cause });
    if ((typeof code === 'string' && abortCodes.has(code)) || (err as Error | null)?.name === 'AbortError') {
      return new RequestAbortedError({ cause });
    }
    const reason = err instanceof Error ? err.message : String(err);
    const codeText = typeof code === 'string' && !reason.includes(code) ? ` (${code})` : '';
    return new ConnectionError(`Connection failed: ${redactSecret(reason, apiKey)}${codeText}`, { cause });
  }

  private readonly onCallerAbort = (): void => {
    this.callerAborted = true;
    this.finish();
    this.controller.abort(this.callerSignal?.reason);
  };

  private readonly onTimeout = (): void => {
    this.timedOut = true;
    this.timer = undefined;
    this.controller.abort(new RequestTimeoutError(this.timeoutMs));
  };
}
