import type { Filter } from './types';

/** A completion of only whitespace is no suggestion at all. */
export const dropWhitespaceOnly: Filter = (text) => (text.trim() === '' ? '' : text);
