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

/**
 * Maps one wire choice; `position` stands in for a missing `index`. The index must name one of the
 * `choiceCount` candidates the request asked for (`n`): callers keep candidates by index, and an index
 * of four billion from a hostile or broken server must fail here rather than size their arrays.
 */
export function completionChoiceFromWire(raw: unknown, position: number, choiceCount: number): CompletionChoice {
  if (!isObject(raw)) throw new ShapeMismatch(`choices[${position}] is not an object`);
  if (raw.text !== undefined && typeof raw.text !== 'string') throw new ShapeMismatch(`choices[${position}].text is not a string`);
  const index = raw.index === undefined || raw.index === null ? position : raw.index;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= choiceCount) {
    throw new ShapeMismatch(`choices[${position}].index ${JSON.stringify(index).slice(0, 40)} is not a candidate the request asked for (n = ${choiceCount})`);
  }
  return {
    text: raw.text ?? '',
    index,
    finishReason: optionalString(raw.finish_reason) ?? null,
    logprobs: completionLogprobsFromWire(raw.logprobs),
  };
}
