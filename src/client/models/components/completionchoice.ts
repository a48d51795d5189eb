import { completionLogprobsFromWire, type CompletionLogprobs } from './completionlogprobs';
import { isObject, optionalString, ShapeMismatch } from './shape';

/** Why the server stopped generating this choice; servers may send other values. */
export type FinishReason = 'stop' | 'length' | 'content_filter' | (string & {});

/** One completion; in a stream chunk, `text` is the next piece of it. */
export interface CompletionChoice {
  text: string;
  index: number;
  /** Null while a streamed choice is still going. */
  finishReason: FinishReason | null;
  logprobs: CompletionLogprobs | null;
}

/** Maps one wire choice; `position` stands in for a missing `index`. */
export function completionChoiceFromWire(raw: unknown, position: number): CompletionChoice {
  if (!isObject(raw)) throw new ShapeMismatch(`choices[${position}] is not an object`);
  if (raw.text !== undefined && typeof raw.text !== 'string') throw new ShapeMismatch(`choices[${position}].text is not a string`);
  return {
    text: raw.text ?? '',
    index: typeof raw.index === 'number' ? raw.index : position,
    finishReason: optionalString(raw.finish_reason) ?? null,
    logprobs: completionLogprobsFromWire(raw.logprobs),
  };
}
