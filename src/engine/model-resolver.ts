import type { Gpt } from '../client';

/** Raised when no model is configured and the server lists none to fall back on. */
export class NoModelError extends Error {
  override readonly name = 'NoModelError';
  constructor(serverUrl: string) {
    super(`No model is set and ${serverUrl}/models lists none. Run "Prompt Complete: Select Model" or set promptComplete.model.`);
  }
}

/**
 * Chooses the model for a request: the configured one, or else the first one the server lists
 * (asked once per server and remembered, so the empty default costs one request, not one per keystroke).
 */
export class ModelResolver {
  private readonly listed = new Map<string, Promise<string>>();

  /** The model id to send to `serverUrl`. */
  resolve(gpt: Gpt, serverUrl: string, configured: string, signal?: AbortSignal): Promise<string> {
    if (configured) return Promise.resolve(configured);
    let pending = this.listed.get(serverUrl);
    if (!pending) {
      pending = firstListedModel(gpt, serverUrl, signal);
      this.listed.set(serverUrl, pending);
      // A failure is not remembered: the next keystroke asks again.
      pending.catch(() => this.listed.delete(serverUrl));
    }
    return pending;
  }

  /** Forgets what servers listed (after the server URL or key changes). */
  clear(): void {
    this.listed.clear();
  }
}

async function firstListedModel(gpt: Gpt, serverUrl: string, signal?: AbortSignal): Promise<string> {
  const { listModelsResponse } = await gpt.models.listModels({ signal, retries: { strategy: 'none' } });
  const first = listModelsResponse.data.find((model) => typeof model.id === 'string' && model.id.length > 0);
  if (!first) throw new NoModelError(serverUrl);
  return first.id;
}
