import * as assert from 'node:assert/strict';
import type { CompletionContext, Filter } from '../../../../src/core/postprocess';

/** One row of a filter's table: a raw completion in a context, and what the filter must return. */
export interface FilterCase {
  name: string;
  input: string;
  ctx: CompletionContext;
  expected: string;
}

/** A context for a cursor between `prefix` and `suffix`. */
export function at(prefix: string, suffix = '', multiline = true): CompletionContext {
  return { prefix, suffix, multiline };
}

/** Declares one test per row, named by the row. */
export function runFilterCases(filter: Filter, cases: readonly FilterCase[]): void {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(filter(c.input, c.ctx), c.expected);
    });
  }
}
