import * as assert from 'node:assert/strict';
import { MAX_SNIPPETS, packSnippets, presentLinesOf } from '../../../../src/core/context/pack';
import type { RankedCandidate } from '../../../../src/core/context/rank';
import { snippetCost } from '../../../../src/core/context/render';
import { candidate } from './candidates';

function ranked(...candidates: ReturnType<typeof candidate>[]): RankedCandidate[] {
  return candidates.map((c, i) => ({ candidate: c, score: candidates.length - i, overlap: 1 }));
}

function lines(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix}Line${i} = compute(${i});`).join('\n');
}

describe('context packing', () => {
  it('takes snippets best first while they fit, and the total stays within the budget', () => {
    const a = candidate(lines('a', 5), { path: 'a.ts' });
    const b = candidate(lines('b', 5), { path: 'b.ts' });
    const c = candidate(lines('c', 5), { path: 'c.ts' });
    const budget = snippetCost(a.snippet) + snippetCost(b.snippet) + 10;
    const packed = packSnippets(ranked(a, b, c), new Set(), budget);
    assert.deepEqual(packed.map((s) => s.path), ['a.ts', 'b.ts']);
    assert.ok(packed.reduce((sum, s) => sum + snippetCost(s), 0) <= budget);
  });

  it('cuts the first snippet that does not fit to the whole lines that do, then stops', () => {
    const a = candidate(lines('a', 10), { path: 'a.ts' });
    const small = candidate(lines('s', 1), { path: 'small.ts' });
    const budget = snippetCost({ path: 'a.ts', text: lines('a', 4) }) + 5;
    const packed = packSnippets(ranked(a, small), new Set(), budget);
    assert.deepEqual(packed.map((s) => s.text), [lines('a', 4)]);
    assert.ok(snippetCost(packed[0]) <= budget);
  });

  it('skips a snippet that would be cut to fewer than three lines', () => {
    const a = candidate(lines('a', 10), { path: 'a.ts' });
    const budget = snippetCost({ path: 'a.ts', text: lines('a', 2) }) + 1;
    assert.deepEqual(packSnippets(ranked(a), new Set(), budget), []);
  });

  it('skips what the prefix or suffix already shows', () => {
    const shown = candidate('export function total(cart) {\n  return cart.sum();\n}', { path: 'same.ts' });
    const fresh = candidate('export const TAX = 0.2;', { path: 'tax.ts' });
    const present = presentLinesOf('import x\nexport function total(cart) {\n  return cart.sum();\n', '}\n');
    assert.deepEqual(packSnippets(ranked(shown, fresh), present, 10_000).map((s) => s.path), ['tax.ts']);
  });

  it('skips a near-duplicate of a snippet already taken', () => {
    const whole = candidate(lines('x', 6), { path: 'x.ts', source: 'definition' });
    const part = candidate(lines('x', 4), { path: 'x.ts', source: 'viewed', startLine: 0 });
    assert.equal(packSnippets(ranked(whole, part), new Set(), 10_000).length, 1);
  });

  it(`takes at most ${MAX_SNIPPETS} snippets`, () => {
    const many = Array.from({ length: 20 }, (_, i) => candidate(`const value${i} = ${i};`, { path: `f${i}.ts` }));
    assert.equal(packSnippets(ranked(...many), new Set(), 1_000_000).length, MAX_SNIPPETS);
  });

  it('takes nothing with no budget', () => {
    assert.deepEqual(packSnippets(ranked(candidate('const a = 1;')), new Set(), 0), []);
  });
});
