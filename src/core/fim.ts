/**
 * Every model family whose fill-in-the-middle tokens we can render into a plain `prompt`, in the order
 * a settings menu lists them. The one source: the type, the templates below (the compiler asks for
 * one per family), settings validation and the manifest's enum (a unit test compares) follow it.
 */
export const FIM_FAMILIES = ['starcoder', 'qwen', 'codellama', 'deepseek', 'codestral', 'codegemma'] as const;

export type FimFamily = (typeof FIM_FAMILIES)[number];

/** A prompt carrying the suffix inside it, and the stop strings that end the middle part. */
export interface RenderedFim {
  prompt: string;
  stop: string[];
}

interface FimTemplate {
  render(prefix: string, suffix: string): string;
  /**
   * The family's end-of-middle and end-of-text tokens, then the tokens that would start another FIM
   * block. The OpenAI-style API accepts at most 4 stop strings, so the list holds the 4 that matter.
   */
  stop: readonly string[];
}

const TEMPLATES: Record<FimFamily, FimTemplate> = {
  // StarCoder, StarCoder2, StableCode: PSM order with angle-bracket tokens.
  starcoder: {
    render: (prefix, suffix) => `<fim_prefix>${prefix}<fim_suffix>${suffix}<fim_middle>`,
    stop: ['<|endoftext|>', '<file_sep>', '<fim_prefix>', '<fim_middle>'],
  },
  // Qwen2.5-Coder: the same order with `<|…|>` tokens; `<|file_sep|>` starts another file.
  qwen: {
    render: (prefix, suffix) => `<|fim_prefix|>${prefix}<|fim_suffix|>${suffix}<|fim_middle|>`,
    stop: ['<|endoftext|>', '<|file_sep|>', '<|fim_prefix|>', '<|im_end|>'],
  },
  // CodeLlama: the spaces around the tokens are part of the format the model was trained on.
  codellama: {
    render: (prefix, suffix) => `<PRE> ${prefix} <SUF>${suffix} <MID>`,
    stop: ['<EOT>', '<PRE>', '<SUF>', '<MID>'],
  },
  // DeepSeek-Coder: full-width bars and U+2581 in the token names.
  deepseek: {
    render: (prefix, suffix) => `<｜fim▁begin｜>${prefix}<｜fim▁hole｜>${suffix}<｜fim▁end｜>`,
    stop: ['<｜end▁of▁sentence｜>', '<｜fim▁begin｜>', '<｜fim▁hole｜>', '<｜fim▁end｜>'],
  },
  // Codestral (Mistral tokenizer v3) is trained suffix-first: `[SUFFIX]…[PREFIX]…` and the model then
  // writes the middle, ending with `</s>`. The server adds the BOS token itself. Mistral's own
  // `/v1/fim/completions` does this rendering server-side; this is for raw completions servers
  // (llama.cpp, vLLM) hosting Codestral weights.
  codestral: {
    render: (prefix, suffix) => `[SUFFIX]${suffix}[PREFIX]${prefix}`,
    stop: ['</s>', '[PREFIX]', '[SUFFIX]', '[MIDDLE]'],
  },
  // CodeGemma: `<|file_separator|>` ends the middle.
  codegemma: {
    render: (prefix, suffix) => `<|fim_prefix|>${prefix}<|fim_suffix|>${suffix}<|fim_middle|>`,
    stop: ['<|file_separator|>', '<|end_of_turn|>', '<eos>', '<|fim_prefix|>'],
  },
};

/**
 * Renders `prefix` and `suffix` into one prompt with the family's fill-in-the-middle tokens, for
 * servers that reject the `suffix` field; send the result's `stop` with it.
 */
export function renderFim(family: FimFamily, prefix: string, suffix: string): RenderedFim {
  const template = TEMPLATES[family];
  return { prompt: template.render(prefix, suffix), stop: [...template.stop] };
}

/** True when `value` names a known family (for validating a setting). */
export function isFimFamily(value: unknown): value is FimFamily {
  return typeof value === 'string' && (FIM_FAMILIES as readonly string[]).includes(value);
}

// Exact phrases of servers known to refuse the field: llama.cpp, vLLM, OpenAI for non-instruct models.
const KNOWN_REFUSALS = [
  /unsupported param(eter)?:?\s*['"`]?suffix/i,
  /suffix['"`]? is not (currently )?supported/i,
  /unrecognized request argument supplied:?\s*suffix/i,
];

// A generic 400/422 counts only when it names `suffix` together with a word of refusal, so a
// context-length error that happens to mention the suffix is not mistaken for one.
const MENTIONS_SUFFIX = /\bsuffix\b/i;
const REFUSAL_WORDS = /not (currently )?supported|unsupported|unrecognized|unknown|not allowed|not permitted|extra (inputs?|fields?|param)|unexpected|invalid|forbidden/i;

/** True when an error response says the server does not accept the `suffix` field. */
export function isSuffixUnsupportedError(status: number, message: string): boolean {
  if (status < 400 || status >= 600) return false;
  const bounded = message.slice(0, 4000);
  if (KNOWN_REFUSALS.some((pattern) => pattern.test(bounded))) return true;
  return (status === 400 || status === 422) && MENTIONS_SUFFIX.test(bounded) && REFUSAL_WORDS.test(bounded);
}
