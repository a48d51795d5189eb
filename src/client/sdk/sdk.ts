import { createClientContext, type ClientContext, type GptOptions } from '../lib/config';
import { Completions } from './completions';
import { Models } from './models';

/**
 * Client for an OpenAI-style Completions server. Holds one keep-alive connection pool; call
 * `close()` when done.
 *
 * @example
 * const gpt = new Gpt({ apiKeyAuth: () => secrets.get('apiKey'), serverURL: 'http://127.0.0.1:8080/v1' });
 * const res = await gpt.completions.createCompletion({ model: 'qwen2.5-coder', prompt: 'fn main() {', maxTokens: 32 });
 * await gpt.close();
 */
export class Gpt {
  readonly completions: Completions;
  readonly models: Models;
  private readonly context: ClientContext;
  private closing: Promise<void> | undefined;

  constructor(options: GptOptions = {}) {
    this.context = createClientContext(options);
    this.completions = new Completions(this.context);
    this.models = new Models(this.context);
  }

  /** Closes the connection pool the client created; an injected dispatcher stays open (its owner closes it). */
  close(): Promise<void> {
    if (!this.context.ownsDispatcher) return Promise.resolve();
    this.closing ??= this.context.dispatcher.close();
    return this.closing;
  }
}
