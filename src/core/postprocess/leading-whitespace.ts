import { cursorLineBefore } from './lines';
import type { Filter } from './types';

/**
 * When the cursor already sits after a space, drops the spaces the model repeats at the start of its
 * first line, which would otherwise double them; after indentation alone, keeps the spaces that
 * complete the indent and drops only a repeat of the whole indent already typed.
 */
export const normalizeLeadingWhitespace: Filter = (text, ctx) => {
  const before = cursorLineBefore(ctx.prefix);
  if (!before.endsWith(' ') && !before.endsWith('\t')) return text;
  if (before.trim() === '') {
    // Mid-indentation the model's spaces finish the indent, unless it repeats the whole indent typed so far.
    return text.startsWith(before) ? text.slice(before.length) : text;
  }
  return text.replace(/^[ \t]+/, '');
};
