import type { Filter } from './types';

/** In single-line mode keeps only the completion's first line (nothing when it starts with a newline). */
export const limitToSingleLine: Filter = (text, ctx) => {
  if (ctx.multiline) return text;
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
};
