import type { Filter } from './types';

/** Drops blank lines at the end, which would push the code below further down. */
export const dropTrailingBlankLines: Filter = (text) => text.replace(/(\r?\n[ \t]*)+$/, '');
