/** What to send to `POST /completions`; camelCase here, snake_case on the wire. */
export interface CreateCompletionRequest {
  /** Model id as the server knows it. */
  model: string;
  /** A string, a batch of strings, token ids, or a batch of token-id arrays. */
  prompt: string | string[] | number[] | number[][];
  /** Text after the insertion point (fill-in-the-middle), for servers that support it. */
  suffix?: string;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  /** Completions per prompt. */
  n?: number;
  /** Set by `createCompletionStream`; `createCompletion` always sends `false` when given. */
  stream?: boolean;
  streamOptions?: { includeUsage?: boolean };
  /** Number of alternatives per position to return, 0..5; null asks for none. */
  logprobs?: number | null;
  echo?: boolean;
  stop?: string | string[];
  presencePenalty?: number;
  frequencyPenalty?: number;
  bestOf?: number;
  /** Token id (as a string) to bias -100..100; keys are sent exactly as given. */
  logitBias?: Record<string, number>;
  seed?: number;
  /** End-user id the provider may use for abuse tracking. */
  user?: string;
  /**
   * Fields some servers read beyond this shape (llama.cpp's `cache_prompt`, vLLM's `top_k`), sent
   * as given after the typed fields. They may not name a typed field (see {@link createCompletionWireFields})
   * and are refused at request time when any of them carries the API key.
   */
  extraFields?: Record<string, unknown>;
}

/**
 * How many choices a response to `request` may hold: `n` per prompt, and a batch (strings, or arrays
 * of token ids) numbers its choices across all its prompts.
 */
export function expectedChoiceCount(request: CreateCompletionRequest): number {
  const prompt = request.prompt;
  const batch = Array.isArray(prompt) && prompt.length > 0 && typeof prompt[0] !== 'number' ? prompt.length : 1;
  return (request.n ?? 1) * batch;
}

/** The JSON object sent on the wire. */
export type CreateCompletionRequestWire = Record<string, unknown>;

// TypeScript name -> wire name, in the order the fields are sent.
const wireNames: ReadonlyArray<readonly [Exclude<keyof CreateCompletionRequest, 'extraFields'>, string]> = [
  ['model', 'model'],
  ['prompt', 'prompt'],
  ['suffix', 'suffix'],
  ['maxTokens', 'max_tokens'],
  ['temperature', 'temperature'],
  ['topP', 'top_p'],
  ['n', 'n'],
  ['stream', 'stream'],
  ['streamOptions', 'stream_options'],
  ['logprobs', 'logprobs'],
  ['echo', 'echo'],
  ['stop', 'stop'],
  ['presencePenalty', 'presence_penalty'],
  ['frequencyPenalty', 'frequency_penalty'],
  ['bestOf', 'best_of'],
  ['logitBias', 'logit_bias'],
  ['seed', 'seed'],
  ['user', 'user'],
];

/** The wire names of the typed fields: `extraFields` can never set these. */
export const createCompletionWireFields: readonly string[] = wireNames.map(([, wireName]) => wireName);

/** Maps a request to its wire JSON; fields left undefined are not sent, so servers apply their defaults. */
export function createCompletionRequestToWire(request: CreateCompletionRequest): CreateCompletionRequestWire {
  const wire: CreateCompletionRequestWire = {};
  for (const [name, wireName] of wireNames) {
    const value = request[name];
    if (value === undefined) continue;
    if (name === 'streamOptions') {
      const options = value as NonNullable<CreateCompletionRequest['streamOptions']>;
      wire[wireName] = options.includeUsage === undefined ? {} : { include_usage: options.includeUsage };
    } else {
      wire[wireName] = value;
    }
  }
  for (const [name, value] of Object.entries(request.extraFields ?? {})) {
    // Validation refuses typed names before a request is built; this keeps the typed field even so.
    // defineProperty, so a field named `__proto__` stays a field instead of replacing the prototype.
    if (!createCompletionWireFields.includes(name)) Object.defineProperty(wire, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return wire;
}
