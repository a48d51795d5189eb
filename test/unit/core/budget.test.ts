import * as assert from 'node:assert/strict';
import { splitBudget, type BudgetSplitOptions } from '../../../src/core/budget';

describe('splitBudget', () => {
  const cases: { name: string; total: number; options?: BudgetSplitOptions; expected: { maxPrefixChars: number; maxSuffixChars: number } }[] = [
    { name: 'gives the prefix 70% and the suffix 30% by default', total: 10_000, expected: { maxPrefixChars: 7000, maxSuffixChars: 3000 } },
    { name: 'follows a given share', total: 1000, options: { prefixShare: 0.5 }, expected: { maxPrefixChars: 500, maxSuffixChars: 500 } },
    { name: 'clamps a share outside 0..1', total: 1000, options: { prefixShare: 2 }, expected: { maxPrefixChars: 1000, maxSuffixChars: 0 } },
    { name: 'gives the suffix what a short prefix cannot use', total: 1000, options: { availablePrefixChars: 100 }, expected: { maxPrefixChars: 100, maxSuffixChars: 900 } },
    { name: 'gives the prefix what a short suffix cannot use', total: 1000, options: { availableSuffixChars: 50 }, expected: { maxPrefixChars: 950, maxSuffixChars: 50 } },
    {
      name: 'sends a small file whole, never asking for more than exists',
      total: 1000,
      options: { availablePrefixChars: 100, availableSuffixChars: 50 },
      expected: { maxPrefixChars: 100, maxSuffixChars: 50 },
    },
    { name: 'treats a negative total as no budget', total: -5, expected: { maxPrefixChars: 0, maxSuffixChars: 0 } },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(splitBudget(c.total, c.options), c.expected));
  }
});
