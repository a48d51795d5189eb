import type { ContextBudget } from './context';

/** The prefix's share of the context budget: the text before the cursor says more about what comes next. */
export const DEFAULT_PREFIX_SHARE = 0.7;

/** How to split a budget, and how much text each side actually has (when known). */
export interface BudgetSplitOptions {
  /** Between 0 and 1; default {@link DEFAULT_PREFIX_SHARE}. */
  prefixShare?: number;
  /** Characters before the cursor in the document (e.g. the cursor's offset). */
  availablePrefixChars?: number;
  /** Characters after the cursor in the document. */
  availableSuffixChars?: number;
}

/**
 * Splits a total character budget between prefix and suffix by share; what one side cannot use
 * (near the start or end of a file) goes to the other, so small files go whole.
 */
export function splitBudget(totalChars: number, options: BudgetSplitOptions = {}): ContextBudget {
  const total = Math.max(0, Math.floor(totalChars));
  const share = Math.min(Math.max(options.prefixShare ?? DEFAULT_PREFIX_SHARE, 0), 1);
  let prefix = Math.round(total * share);
  let suffix = total - prefix;
  const availablePrefix = options.availablePrefixChars ?? Infinity;
  const availableSuffix = options.availableSuffixChars ?? Infinity;
  if (availablePrefix < prefix) {
    suffix += prefix - availablePrefix;
    prefix = availablePrefix;
  }
  if (availableSuffix < suffix) {
    prefix = Math.min(prefix + suffix - availableSuffix, Math.max(prefix, availablePrefix));
    suffix = availableSuffix;
  }
  return { maxPrefixChars: prefix, maxSuffixChars: suffix };
}
