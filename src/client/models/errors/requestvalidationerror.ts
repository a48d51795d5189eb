import { GptError } from './gpterror';

/** The request was rejected before sending because a field is missing or out of range. */
export class RequestValidationError extends GptError {
  /** The offending field, camelCase as in the TypeScript request (`maxTokens`, `topP`, ...). */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`Invalid request: ${field} ${problem}`);
    this.field = field;
  }
}

/**
 * The request was not sent because a caller-supplied part of it (extra body fields) holds the API
 * key, which travels only in the Authorization header.
 */
export class ApiKeyInRequestError extends RequestValidationError {
  constructor(field: string) {
    super(field, 'must not contain the API key');
  }
}
