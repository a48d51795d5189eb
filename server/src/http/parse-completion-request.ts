import { ApiError, invalidParam } from '../api-error';
import type { CompletionRequest, PromptInput } from '../engine/completion-request';

const MAX_N = 128;
const MAX_BEST_OF = 20;
const MAX_CANDIDATES_PER_REQUEST = 128;

/** Checks a `/v1/completions` JSON body field by field and fills in OpenAI's defaults; throws a 400 naming the bad field. */
export function parseCompletionRequest(body: unknown): CompletionRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'The request body must be a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const model = fields.model;
  if (typeof model !== 'string' || model === '') throw invalidParam('model', "Missing required parameter: 'model' (a string).");
  const prompts = parsePrompt(fields.prompt);
  const suffix = optional(fields, 'suffix', 'string');
  const n = integerIn(fields, 'n', 1, MAX_N) ?? 1;
  const bestOf = integerIn(fields, 'best_of', 1, MAX_BEST_OF) ?? n;
  if (bestOf < n) throw invalidParam('best_of', `best_of (${bestOf}) must be greater than or equal to n (${n}).`);
  if (prompts.length * bestOf > MAX_CANDIDATES_PER_REQUEST) {
    throw invalidParam('n', `Too many completions in one request: ${prompts.length} prompts x ${bestOf} candidates exceeds ${MAX_CANDIDATES_PER_REQUEST}.`);
  }
  const stream = optional(fields, 'stream', 'boolean') ?? false;
  if (stream && bestOf > n) throw invalidParam('best_of', 'Cannot stream results when best_of is greater than n.');
  const echo = optional(fields, 'echo', 'boolean') ?? false;
  if (echo && suffix) throw invalidParam('echo', 'echo cannot be used together with suffix.');
  const streamOptions = parseStreamOptions(fields.stream_options, stream);
  optional(fields, 'user', 'string');
  return {
    model,
    prompts,
    suffix: suffix || undefined,
    maxTokens: integerIn(fields, 'max_tokens', 0, Number.MAX_SAFE_INTEGER) ?? 16,
    sampling: {
      temperature: numberIn(fields, 'temperature', 0, 2) ?? 1,
      topP: numberIn(fields, 'top_p', 0, 1) ?? 1,
      presencePenalty: numberIn(fields, 'presence_penalty', -2, 2) ?? 0,
      frequencyPenalty: numberIn(fields, 'frequency_penalty', -2, 2) ?? 0,
      logitBias: parseLogitBias(fields.logit_bias),
    },
    n,
    bestOf,
    stop: parseStop(fields.stop),
    echo,
    logprobs: integerIn(fields, 'logprobs', 0, 5),
    seed: integerIn(fields, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    stream,
    includeUsage: streamOptions?.includeUsage ?? false,
  };
}

function parsePrompt(prompt: unknown): PromptInput[] {
  if (typeof prompt === 'string') return [{ text: prompt }];
  const problem = "'prompt' must be a string, an array of strings, an array of token ids, or an array of token-id arrays.";
  if (!Array.isArray(prompt)) throw invalidParam('prompt', prompt === undefined ? "Missing required parameter: 'prompt'." : problem);
  if (prompt.length === 0) throw invalidParam('prompt', "'prompt' must not be an empty array.");
  if (prompt.every((p) => typeof p === 'string')) return prompt.map((text: string) => ({ text }));
  if (prompt.every(isTokenId)) return [{ tokens: prompt }];
  if (prompt.every((p) => Array.isArray(p) && p.length > 0 && p.every(isTokenId))) return prompt.map((tokens: number[]) => ({ tokens }));
  throw invalidParam('prompt', problem);
}

const isTokenId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function parseStop(stop: unknown): string[] {
  if (stop === undefined || stop === null) return [];
  const stops = typeof stop === 'string' ? [stop] : stop;
  if (!Array.isArray(stops) || stops.length > 4 || !stops.every((s) => typeof s === 'string' && s !== '')) {
    throw invalidParam('stop', "'stop' must be a non-empty string or an array of up to 4 non-empty strings.");
  }
  return stops;
}

function parseLogitBias(bias: unknown): Map<number, number> {
  const parsed = new Map<number, number>();
  if (bias === undefined || bias === null) return parsed;
  if (typeof bias !== 'object' || Array.isArray(bias)) throw invalidParam('logit_bias', "'logit_bias' must be an object mapping token ids to numbers.");
  for (const [key, value] of Object.entries(bias)) {
    if (!/^\d+$/.test(key) || !Number.isSafeInteger(Number(key))) throw invalidParam('logit_bias', `Invalid key in 'logit_bias': ${JSON.stringify(key)} is not a token id.`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -100 || value > 100) {
      throw invalidParam('logit_bias', `Invalid value for token ${key} in 'logit_bias': expected a number from -100 to 100.`);
    }
    parsed.set(Number(key), value);
  }
  return parsed;
}

function parseStreamOptions(options: unknown, stream: boolean): { includeUsage: boolean } | undefined {
  if (options === undefined || options === null) return undefined;
  if (!stream) throw invalidParam('stream_options', "'stream_options' is only allowed when 'stream' is true.");
  if (typeof options !== 'object' || Array.isArray(options)) throw invalidParam('stream_options', "'stream_options' must be an object.");
  const includeUsage = optional(options as Record<string, unknown>, 'include_usage', 'boolean', 'stream_options.include_usage');
  return { includeUsage: includeUsage ?? false };
}

type TypeNames = { string: string; boolean: boolean; number: number };

function optional<K extends keyof TypeNames>(fields: Record<string, unknown>, name: string, type: K, param = name): TypeNames[K] | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw invalidParam(param, `Invalid type for '${param}': expected a ${type}, but got ${describe(value)} instead.`);
  return value as TypeNames[K];
}

function numberIn(fields: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = optional(fields, name, 'number');
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw invalidParam(name, `Invalid '${name}': expected a value from ${min} to ${max}, but got ${value} instead.`);
  }
  return value;
}

function integerIn(fields: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = numberIn(fields, name, min, max);
  if (value !== undefined && !Number.isInteger(value)) throw invalidParam(name, `Invalid type for '${name}': expected an integer, but got ${value} instead.`);
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
