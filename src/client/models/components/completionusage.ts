import { isObject, optionalNumber } from './shape';

/** Token counts the server billed for the request. */
export interface CompletionUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** Maps the wire `usage` object; absent or malformed usage is undefined rather than an error. */
export function completionUsageFromWire(raw: unknown): CompletionUsage | undefined {
  if (!isObject(raw)) return undefined;
  const promptTokens = optionalNumber(raw.prompt_tokens) ?? 0;
  const completionTokens = optionalNumber(raw.completion_tokens) ?? 0;
  return { promptTokens, completionTokens, totalTokens: optionalNumber(raw.total_tokens) ?? promptTokens + completionTokens };
}
