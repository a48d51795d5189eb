// Pure: what the Token Probabilities view shows, built from a recorded completion's plain data. No
// `vscode` import, so the numbers the view prints are unit-tested as function calls.
import type { LegacyLogprobs, TokenProbability } from '../logprobs';
export { completionTokens };
import { completionTokens, meanProbability } from '../logprobs';
import { english, type Translate } from '../translate';

/** Below this probability a token counts as one the model was unsure of (the view and the decorations agree). */
export const LOW_PROBABILITY = 0.3;
/** At or above this probability a token counts as likely. */
export const HIGH_PROBABILITY = 0.7;

/** How sure the model was of a token, in the view's three colours plus "no number". */
export type ProbabilityBand = 'likely' | 'uncertain' | 'unlikely' | 'unknown';

/** One alternative at a position, ready to display. */
export interface AlternativeView {
  text: string;
  probability: number;
  probabilityLabel: string;
  /** The token the model actually produced. */
  sampled: boolean;
  /** False for a fragment of a multi-byte character, which cannot be sent back as text. */
  choosable: boolean;
}

/** One token of the completion, ready to display. */
export interface TokenView {
  index: number;
  text: string;
  /** Where the token starts in the completion text (UTF-16 units). */
  offset: number;
  probability: number | null;
  probabilityLabel: string;
  band: ProbabilityBand;
  alternatives: AlternativeView[];
}

/** The completion facts the view needs, as plain data. */
export interface CompletionFacts {
  source: 'inline' | 'completeSelection';
  model: string;
  text: string;
  logprobs: LegacyLogprobs | null;
}

/** Everything the webview renders for one completion. */
export type ProbabilityView =
  | { kind: 'empty' }
  | { kind: 'noLogprobs'; source: CompletionFacts['source']; model: string; text: string }
  | {
    kind: 'tokens';
    source: CompletionFacts['source'];
    model: string;
    tokens: TokenView[];
    /** Mean token probability, or null when no token has one. */
    confidence: number | null;
    confidenceLabel: string;
  };

/** Builds the view of a completion (or of none yet), its labels in the user's language through `t`. */
export function buildProbabilityView(facts: CompletionFacts | undefined, t: Translate = english): ProbabilityView {
  if (!facts) return { kind: 'empty' };
  const tokens = facts.logprobs && facts.logprobs.tokens.length > 0 ? completionTokens(facts.logprobs, facts.text) : [];
  if (tokens.length === 0) return { kind: 'noLogprobs', source: facts.source, model: facts.model, text: facts.text };
  const confidence = meanProbability(tokens) ?? null;
  return {
    kind: 'tokens',
    source: facts.source,
    model: facts.model,
    tokens: tokens.map((token, index) => toTokenView(token, index, t)),
    confidence,
    confidenceLabel: confidence === null ? t('unknown') : formatProbability(confidence),
  };
}

/** The band of a probability. */
export function bandOf(probability: number | null): ProbabilityBand {
  if (probability === null) return 'unknown';
  if (probability < LOW_PROBABILITY) return 'unlikely';
  return probability < HIGH_PROBABILITY ? 'uncertain' : 'likely';
}

/** A probability as a percentage people read at a glance: `42%`, `7.5%`, `99.7%`, `<0.1%`, `>99.9%`. */
export function formatProbability(probability: number): string {
  const percent = probability * 100;
  if (percent >= 100) return '100%';
  if (percent >= 99.95) return '>99.9%';
  if (percent <= 0) return '0%';
  if (percent < 0.05) return '<0.1%';
  // Whole percents above 10, except where rounding would claim certainty.
  if (percent >= 10 && Math.round(percent) < 100) return `${Math.round(percent)}%`;
  return `${percent.toFixed(1)}%`;
}

function toTokenView(token: TokenProbability, index: number, t: Translate): TokenView {
  return {
    index,
    text: token.text,
    offset: token.offset,
    probability: token.probability,
    probabilityLabel: token.probability === null ? t('no probability') : formatProbability(token.probability),
    band: bandOf(token.probability),
    alternatives: token.alternatives.map((alternative) => ({
      text: alternative.text,
      probability: alternative.probability,
      probabilityLabel: formatProbability(alternative.probability),
      sampled: alternative.text === token.text,
      choosable: !alternative.partial,
    })),
  };
}
