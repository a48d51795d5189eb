/** What a filter knows about where a completion goes: plain text on both sides of the cursor. */
export interface CompletionContext {
  /** The text before the cursor (within the context budget). */
  prefix: string;
  /** The text after the cursor (within the context budget). */
  suffix: string;
  languageId?: string;
  /** False when only the rest of the current line is wanted (the cursor is mid-line). */
  multiline: boolean;
}

/** One small, pure step of post-processing: returns the completion to keep, '' for none. */
export type Filter = (text: string, ctx: CompletionContext) => string;
