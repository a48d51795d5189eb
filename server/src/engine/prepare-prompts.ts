import { ApiError, invalidParam } from '../api-error';
import type { CompletionModel } from './completion-model';
import type { CompletionRequest, PromptInput } from './completion-request';
import { TokenTextBuilder } from './token-text';

/** A prompt turned into what the model reads. */
export interface PreparedPrompt {
  /** The prompt text: echoed back, and where `text_offset` of the completion starts counting. */
  readonly text: string;
  /** Every token the model reads: start token, FIM markers, prompt, suffix. */
  readonly tokens: readonly number[];
  /** Where the prompt's own tokens start in `tokens`. */
  readonly promptStart: number;
  readonly promptLength: number;
  /** `usage.prompt_tokens`: the tokens read, not counting an automatic start token. */
  readonly countedTokens: number;
}

/** Tokenizes the prompts (with the FIM layout when there is a suffix) and checks they fit the context. */
export function preparePrompts(model: CompletionModel, request: CompletionRequest): PreparedPrompt[] {
  for (const token of request.sampling.logitBias.keys()) {
    if (token >= model.vocabSize) throw invalidParam('logit_bias', `Invalid token id ${token} in logit_bias: the vocabulary has ${model.vocabSize} tokens.`);
  }
  return request.prompts.map((prompt) => preparePrompt(model, request, prompt));
}

function preparePrompt(model: CompletionModel, request: CompletionRequest, prompt: PromptInput): PreparedPrompt {
  const { text, tokens: promptTokens } = 'text' in prompt
    ? { text: prompt.text, tokens: model.tokenize(prompt.text) }
    : { text: textOfTokens(model, prompt.tokens), tokens: prompt.tokens };
  for (const token of promptTokens) {
    if (token >= model.vocabSize) throw invalidParam('prompt', `Invalid token id ${token} in prompt: the vocabulary has ${model.vocabSize} tokens.`);
  }
  let tokens: number[] = [...promptTokens];
  let promptStart = 0;
  if (request.suffix) {
    if (!model.fim) throw invalidParam('suffix', `The model \`${model.id}\` has no fill-in-the-middle tokens, so it cannot take a suffix.`);
    tokens = [model.fim.prefix, ...promptTokens, model.fim.suffix, ...model.tokenize(request.suffix), model.fim.middle];
    promptStart = 1;
  }
  const addsStart = model.beginToken !== undefined && tokens[0] !== model.beginToken;
  if (addsStart) {
    tokens.unshift(model.beginToken!);
    promptStart++;
  }
  if (tokens.length === 0) throw invalidParam('prompt', 'The prompt is empty and this model has no start token to begin from.');
  const counted = tokens.length - (addsStart ? 1 : 0);
  if (tokens.length >= model.contextSize || tokens.length + request.maxTokens > model.contextSize) {
    throw new ApiError(400,
      `This model's maximum context length is ${model.contextSize} tokens, however you requested ${counted + request.maxTokens} tokens (${counted} in your prompt; ${request.maxTokens} for the completion). Please reduce your prompt; or completion length.`,
      tokens.length >= model.contextSize ? 'prompt' : 'max_tokens', 'context_length_exceeded');
  }
  return { text, tokens, promptStart, promptLength: promptTokens.length, countedTokens: counted };
}

function textOfTokens(model: CompletionModel, tokens: readonly number[]): string {
  const builder = new TokenTextBuilder();
  for (const token of tokens) builder.push(model.tokenBytes(token));
  return builder.finish();
}
