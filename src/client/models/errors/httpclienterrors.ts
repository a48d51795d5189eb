import { GptError } from './gpterror';

/** The server could not be reached, or the connection broke before the response was complete. */
export class ConnectionError extends GptError {}

/** A stream ended (the connection closed) before the server sent `data: [DONE]`. */
export class IncompleteStreamError extends ConnectionError {}

/** The call (its attempts, and the whole body or stream) did not finish within the allowed time; the connection was closed. */
export class RequestTimeoutError extends GptError {
  /** The limit that was exceeded. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`Request timed out: the server did not finish answering within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request through its `signal`; the connection was closed. */
export class RequestAbortedError extends GptError {
  constructor(options?: { cause?: unknown }) {
    super('Request was aborted', options);
  }
}
