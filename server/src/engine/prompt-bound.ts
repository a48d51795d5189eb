import { ApiError } from '../api-error';
import type { CompletionModel } from './completion-model';
import type { CompletionRequest } from './completion-request';

/**
 * The most bytes one token of `model` stands for. Tokenizing is lossless, so no text takes fewer
 * tokens than its UTF-8 length divided by this: a bound known before tokenizing.
 */
export function longestTokenBytes(model: CompletionModel): number {
  let longest = 1;
  for (let token = 0; token < model.vocabSize; token++) longest = Math.max(longest, model.tokenBytes(token).length);
  return longest;
}

/**
 * Refuses, before any tokenizing, a request whose prompt cannot fit the context whatever its tokens
 * turn out to be: an 8 MB prompt is answered at once instead of after seconds of tokenizing with the
 * event loop blocked. Prompts that might fit go on to the exact check after tokenizing.
 */
export function refuseCertainOverflow(model: CompletionModel, request: CompletionRequest, tokenBytes: number): void {
  const fewestTokens = (text: string) => Math.ceil(Buffer.byteLength(text, 'utf8') / tokenBytes);
  const suffixTokens = request.suffix ? fewestTokens(request.suffix) : 0;
  for (const prompt of request.prompts) {
    const promptTokens = 'text' in prompt ? fewestTokens(prompt.text) : prompt.tokens.length;
    const atLeast = promptTokens + suffixTokens;
    if (atLeast >= model.contextSize || atLeast + request.maxTokens > model.contextSize) {
      throw new ApiError(400,
        `This model's maximum context length is ${model.contextSize} tokens, however you requested at least ${atLeast + request.maxTokens} tokens (at least ${atLeast} in your prompt; ${request.maxTokens} for the completion). Please reduce your prompt; or completion length.`,
        atLeast >= model.contextSize ? 'prompt' : 'max_tokens', 'context_length_exceeded');
    }
  }
}
