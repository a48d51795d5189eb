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
