import { isFieldUnsupportedError } from './field-refusal';
import { english, type Translate } from './translate';

/**
 * The one list of model families whose fill-in-the-middle tokens we know. Settings validation, the
 * `promptComplete.fimTemplate` enum in package.json and model-id detection all follow it.
 */
export const FIM_FAMILIES = ['starcoder', 'qwen', 'codellama', 'deepseek', 'codestral', 'codegemma'] as const;

/** Model families whose fill-in-the-middle tokens we can render into a plain `prompt`. */
export type FimFamily = (typeof FIM_FAMILIES)[number];

/** What `promptComplete.fimTemplate` may say: detect from the model id, a family, or the user's own template. */
export const FIM_TEMPLATE_CHOICES = ['auto', ...FIM_FAMILIES, 'custom'] as const;
export type FimTemplateChoice = (typeof FIM_TEMPLATE_CHOICES)[number];

/** The family used when `auto` cannot tell from the model id: the most common local code model. */
export const FALLBACK_FIM_FAMILY: FimFamily = 'qwen';

/** Names people know the families by, for menus and messages. */
export const FIM_FAMILY_NAMES: Record<FimFamily, string> = {
  starcoder: 'StarCoder',
  qwen: 'Qwen2.5-Coder',
  codellama: 'CodeLlama',
  deepseek: 'DeepSeek-Coder',
  codestral: 'Codestral',
  codegemma: 'CodeGemma',
};

/**
 * A fill-in-the-middle format: the markers around the text before and after the cursor, which of
 * the two comes first, and the stop strings that end the middle part.
 */
export interface FimTemplate {
  prefix: string;
  suffix: string;
  /** Written last, where the model starts the middle (may be empty). */
  middle: string;
  order: 'prefix-first' | 'suffix-first';
  /**
   * The end-of-middle and end-of-text tokens, then the tokens that would start another FIM block.
   * The OpenAI-style API accepts at most 4 stop strings, so a list holds the 4 that matter.
   */
  stop: readonly string[];
}

/** A prompt carrying the suffix inside it, and the stop strings that end the middle part. */
export interface RenderedFim {
  prompt: string;
  stop: string[];
}

export const FIM_TEMPLATES: Record<FimFamily, FimTemplate> = {
  // StarCoder, StarCoder2, StableCode, CodeQwen1.5: angle-bracket tokens, prefix first.
  starcoder: { prefix: '<fim_prefix>', suffix: '<fim_suffix>', middle: '<fim_middle>', order: 'prefix-first', stop: ['<|endoftext|>', '<file_sep>', '<fim_prefix>', '<fim_middle>'] },
  // Qwen2.5-Coder: the same order with `<|…|>` tokens; `<|file_sep|>` starts another file.
  qwen: { prefix: '<|fim_prefix|>', suffix: '<|fim_suffix|>', middle: '<|fim_middle|>', order: 'prefix-first', stop: ['<|endoftext|>', '<|file_sep|>', '<|fim_prefix|>', '<|im_end|>'] },
  // CodeLlama: the spaces around the tokens are part of the format the model was trained on.
  codellama: { prefix: '<PRE> ', suffix: ' <SUF>', middle: ' <MID>', order: 'prefix-first', stop: ['<EOT>', '<PRE>', '<SUF>', '<MID>'] },
  // DeepSeek-Coder: full-width bars and U+2581 in the token names.
  deepseek: { prefix: '<｜fim▁begin｜>', suffix: '<｜fim▁hole｜>', middle: '<｜fim▁end｜>', order: 'prefix-first', stop: ['<｜end▁of▁sentence｜>', '<｜fim▁begin｜>', '<｜fim▁hole｜>', '<｜fim▁end｜>'] },
  // Codestral (Mistral tokenizer v3) is trained suffix-first: `[SUFFIX]…[PREFIX]…` and the model then
  // writes the middle, ending with `</s>`. The server adds the BOS token itself. Mistral's own
  // `/v1/fim/completions` does this rendering server-side; this is for raw completions servers
  // (llama.cpp, vLLM) hosting Codestral weights.
  codestral: { prefix: '[PREFIX]', suffix: '[SUFFIX]', middle: '', order: 'suffix-first', stop: ['</s>', '[PREFIX]', '[SUFFIX]', '[MIDDLE]'] },
  // CodeGemma: `<|file_separator|>` ends the middle.
  codegemma: { prefix: '<|fim_prefix|>', suffix: '<|fim_suffix|>', middle: '<|fim_middle|>', order: 'prefix-first', stop: ['<|file_separator|>', '<|end_of_turn|>', '<eos>', '<|fim_prefix|>'] },
};

/** Renders `prefix` and `suffix` into one prompt with `template`'s markers; send the result's `stop` with it. */
export function renderTemplate(template: FimTemplate, prefix: string, suffix: string): RenderedFim {
  const prompt = template.order === 'suffix-first'
    ? `${template.suffix}${suffix}${template.prefix}${prefix}${template.middle}`
    : `${template.prefix}${prefix}${template.suffix}${suffix}${template.middle}`;
  return { prompt, stop: [...template.stop] };
}

/**
 * Renders `prefix` and `suffix` into one prompt with the family's fill-in-the-middle tokens, for
 * servers that reject the `suffix` field; send the result's `stop` with it.
 */
export function renderFim(family: FimFamily, prefix: string, suffix: string): RenderedFim {
  return renderTemplate(FIM_TEMPLATES[family], prefix, suffix);
}

/** True when `value` names a known family (for validating a setting). */
export function isFimFamily(value: unknown): value is FimFamily {
  return typeof value === 'string' && (FIM_FAMILIES as readonly string[]).includes(value);
}

// Tested in order: more specific names first (CodeQwen1.5 uses StarCoder's tokens, not Qwen2.5's;
// "codegemma" before anything that would match a plain Gemma). Separators vary between a Hugging Face
// repo (`Qwen/Qwen2.5-Coder-7B`), a GGUF file (`qwen2.5-coder-7b-instruct-q4_k_m.gguf`) and an Ollama
// tag (`qwen2.5-coder:1.5b-base`), so `[-_. ]?` allows any or none.
const FAMILY_PATTERNS: readonly (readonly [RegExp, FimFamily])[] = [
  [/codestral/, 'codestral'],
  [/code[-_. ]?gemma/, 'codegemma'],
  [/deepseek[-_. ]?coder/, 'deepseek'],
  [/code[-_. ]?qwen/, 'starcoder'],
  [/qwen[\d.]*[-_. ]?coder/, 'qwen'],
  [/star[-_. ]?coder|stable[-_. ]?code/, 'starcoder'],
  [/code[-_. ]?llama/, 'codellama'],
];

/** The family a model id names (a repo, a file name, an Ollama tag), or undefined when none does. */
export function detectFimFamily(modelId: string): FimFamily | undefined {
  const id = modelId.toLowerCase();
  return FAMILY_PATTERNS.find(([pattern]) => pattern.test(id))?.[1];
}

/** The template a request uses, and why: so the status menu can say it. */
export type ResolvedFim =
  | { kind: 'family'; family: FimFamily; reason: 'chosen' | 'detected' | 'fallback'; template: FimTemplate }
  | { kind: 'custom'; template: FimTemplate };

/**
 * Picks the template for `modelId`: the user's own, a family chosen by hand, or (for `auto`) the
 * family the model id names, falling back to {@link FALLBACK_FIM_FAMILY}.
 */
export function resolveFimTemplate(choice: FimTemplateChoice, modelId: string, custom: FimTemplate | undefined): ResolvedFim {
  if (choice === 'custom' && custom) return { kind: 'custom', template: custom };
  if (isFimFamily(choice)) return { kind: 'family', family: choice, reason: 'chosen', template: FIM_TEMPLATES[choice] };
  const detected = detectFimFamily(modelId);
  const family = detected ?? FALLBACK_FIM_FAMILY;
  return { kind: 'family', family, reason: detected ? 'detected' : 'fallback', template: FIM_TEMPLATES[family] };
}

/** The template in use and why, e.g. `{ name: 'Qwen2.5-Coder', why: 'detected from the model id' }`. */
export function describeResolvedFim(resolved: ResolvedFim, t: Translate = english): { name: string; why: string } {
  if (resolved.kind === 'custom') return { name: t('custom template'), why: 'promptComplete.fimCustomTemplate' };
  const name = FIM_FAMILY_NAMES[resolved.family];
  switch (resolved.reason) {
    case 'chosen': return { name, why: t('chosen in promptComplete.fimTemplate') };
    case 'detected': return { name, why: t('detected from the model id') };
    case 'fallback': return { name, why: t('no known family in the model id') };
  }
}

/** True when an error response says the server does not accept the `suffix` field. */
export function isSuffixUnsupportedError(status: number, message: string): boolean {
  return isFieldUnsupportedError('suffix', status, message);
}
