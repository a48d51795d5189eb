/** The base of every error the client throws, so callers can tell client failures from their own bugs. */
export class GptError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
