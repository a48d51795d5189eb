import { GptError } from './gpterror';

/** The `{"error": {...}}` object OpenAI-style servers put in error bodies, when there is one. */
export interface ApiErrorDetails {
  message?: string;
  type?: string;
  param?: string;
  code?: string | number;
}

/** Fields of an {@link SDKError}; the body and headers have the API key redacted already. */
export interface SDKErrorInit {
  message: string;
  statusCode: number;
  contentType: string;
  body: string;
  headers: Record<string, string | string[]>;
  details?: ApiErrorDetails;
  cause?: unknown;
}

/**
 * The server answered with a 4xx/5xx status, or sent an error event inside a stream.
 * `body` is truncated to a few KB; the socket's response object is deliberately not kept.
 */
export class SDKError extends GptError {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers: Record<string, string | string[]>;
  /** The server's own `error` object (message, type, param, code) when the body was JSON. */
  readonly details: ApiErrorDetails | undefined;

  constructor(init: SDKErrorInit) {
    super(init.message, { cause: init.cause });
    this.statusCode = init.statusCode;
    this.contentType = init.contentType;
    this.body = init.body;
    this.headers = init.headers;
    this.details = init.details;
  }
}
