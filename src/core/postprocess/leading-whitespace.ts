import { cursorLineBefore } from './lines';
import type { Filter } from './types';

/**
 * When the cursor already sits after indentation or a space, drops the spaces the model repeats
 * at the start of its first line, which would otherwise double the indentation.
 */
export const normalizeLeadingWhitespace: Filter = (text, ctx) => {
  const before = cursorLineBefore(ctx.prefix);
  if (!before.endsWith(' ') && !before.endsWith('\t')) return text;
  return text.replace(/^[ \t]+/, '');
};
