import { GptError } from './gpterror';

/** A 2xx response whose body is not the expected shape (not JSON, or no `choices` array, ...). */
export class ResponseValidationError extends GptError {
  readonly statusCode: number;
  readonly contentType: string;
  /** The offending body, truncated to a few KB, API key redacted. */
  readonly body: string;

  constructor(message: string, init: { statusCode: number; contentType: string; body: string; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.statusCode = init.statusCode;
    this.contentType = init.contentType;
    this.body = init.body;
  }
}
