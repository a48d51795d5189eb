import * as assert from 'node:assert/strict';
import { CompletionCache } from '../../../src/core/cache';

describe('CompletionCache', () => {
  it('returns what was cached for the same prefix and suffix', () => {
    const cache = new CompletionCache();
    cache.set('const x = ', ';\n', ['42', 'foo()']);
    assert.deepEqual(cache.get('const x = ', ';\n'), ['42', 'foo()']);
  });

  it('misses for a different suffix', () => {
    const cache = new CompletionCache();
    cache.set('const x = ', ';\n', ['42']);
    assert.equal(cache.get('const x = ', ')\n'), undefined);
  });

  it('misses for a prefix that is not an extension of a cached one', () => {
    const cache = new CompletionCache();
    cache.set('const x = ', '', ['42']);
    assert.equal(cache.get('const y = ', ''), undefined);
  });

  it('remembers that a position had no completions', () => {
    const cache = new CompletionCache();
    cache.set('a', 'b', []);
    assert.deepEqual(cache.get('a', 'b'), []);
  });

  const typedAhead: { name: string; cached: string[]; typed: string; expected: string[] | undefined }[] = [
    { name: 'serves the rest of a completion the user is typing into', cached: ['hello(world)'], typed: 'hel', expected: ['lo(world)'] },
    { name: 'drops completions that do not start with what was typed', cached: ['foo()', 'bar()', 'food'], typed: 'fo', expected: ['o()', 'od'] },
    { name: 'misses when no completion starts with what was typed', cached: ['foo()'], typed: 'x', expected: undefined },
    { name: 'misses when the completion was typed in full', cached: ['foo'], typed: 'foo', expected: undefined },
    { name: 'serves typed text that spans lines', cached: ['a()\n  b()'], typed: 'a()\n  ', expected: ['b()'] },
  ];
  for (const c of typedAhead) {
    it(c.name, () => {
      const cache = new CompletionCache();
      cache.set('function f() {\n  ', '\n}', c.cached);
      assert.deepEqual(cache.get('function f() {\n  ' + c.typed, '\n}'), c.expected);
    });
  }

  it('prefers the longest cached prefix the typed text extends', () => {
    const cache = new CompletionCache();
    cache.set('x = ', '', ['abc']);
    cache.set('x = a', '', ['bXY']);
    assert.deepEqual(cache.findByLongestPrefix('x = ab', ''), { completions: ['XY'], data: [undefined], typed: 'b' });
  });

  it('returns what was cached with each completion, for the completions the typed text still matches', () => {
    const cache = new CompletionCache<string>();
    cache.set('x = ', '', ['abc', 'zzz', 'abd'], ['first', 'second', 'third']);
    assert.deepEqual(cache.findByLongestPrefix('x = a', ''), { completions: ['bc', 'bd'], data: ['first', 'third'], typed: 'a' });
  });

  it('walks back further when the nearest cached prefix does not match what was typed', () => {
    const cache = new CompletionCache();
    cache.set('x = ', '', ['abc']);
    cache.set('x = a', '', ['zzz']);
    assert.deepEqual(cache.findByLongestPrefix('x = ab', ''), { completions: ['c'], data: [undefined], typed: 'ab' });
  });

  it('does not walk back further than the typed-ahead limit', () => {
    const cache = new CompletionCache(250, { maxTypedAheadChars: 3 });
    cache.set('p', '', ['abcdef']);
    assert.deepEqual(cache.get('pabc', ''), ['def']);
    assert.equal(cache.get('pabcd', ''), undefined);
  });

  it('keys on the tail of a long prefix, so what lies further back does not matter', () => {
    const cache = new CompletionCache(250, { prefixTailChars: 10 });
    cache.set('AAAAAAAAAA' + '0123456789', '', ['x']);
    assert.deepEqual(cache.get('BBBBBBBBBB' + '0123456789', ''), ['x']);
    assert.equal(cache.get('BBBBBBBBBB' + '012345678X', ''), undefined);
  });

  it('serves typed-ahead text past a long prefix’s key window', () => {
    const prefix = 'let value = 1;\n'.repeat(1000);
    const cache = new CompletionCache();
    cache.set(prefix, '\n', ['console.log(value);']);
    assert.deepEqual(cache.get(prefix + 'console.', '\n'), ['log(value);']);
  });

  it('keys on the head of a long suffix', () => {
    const cache = new CompletionCache(250, { suffixHeadChars: 4 });
    cache.set('p', 'abcdXXXX', ['x']);
    assert.deepEqual(cache.get('p', 'abcdYYYY'), ['x']);
  });

  it('evicts the least recently used position beyond its capacity', () => {
    const cache = new CompletionCache(2);
    cache.set('a', '', ['1']);
    cache.set('b', '', ['2']);
    cache.get('a', '');
    cache.set('c', '', ['3']);
    assert.equal(cache.size, 2);
    assert.deepEqual(cache.get('a', ''), ['1']);
    assert.equal(cache.get('b', ''), undefined);
    assert.deepEqual(cache.get('c', ''), ['3']);
  });

  it('replaces the completions cached for the same position', () => {
    const cache = new CompletionCache();
    cache.set('a', '', ['1']);
    cache.set('a', '', ['2']);
    assert.equal(cache.size, 1);
    assert.deepEqual(cache.get('a', ''), ['2']);
  });

  it('keeps its own copy of the completions', () => {
    const cache = new CompletionCache();
    const completions = ['1'];
    cache.set('a', '', completions);
    completions.push('2');
    cache.get('a', '')!.push('3');
    assert.deepEqual(cache.get('a', ''), ['1']);
  });

  it('forgets everything when cleared', () => {
    const cache = new CompletionCache();
    cache.set('a', '', ['1']);
    cache.clear();
    assert.equal(cache.get('a', ''), undefined);
  });

  it('looks up a miss in a 10 MB prefix at the cost of a small one (it reads only the prefix\'s tail)', () => {
    const cache = new CompletionCache();
    for (let i = 0; i < 250; i++) cache.set(`entry ${i}`, '', ['x']);
    const huge = 'x'.repeat(10_000_000) + 'y';
    const small = 'x'.repeat(3_000) + 'y';
    const batch = (prefix: string) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) cache.get(prefix, ')');
      return Number(process.hrtime.bigint() - started);
    };
    batch(huge);
    batch(small);
    // Interleaved batches, compared by their medians, so load on a shared machine hits both alike. A
    // lookup that read the whole prefix would cost thousands of times the small one.
    const hugeTimes: number[] = [];
    const smallTimes: number[] = [];
    for (let round = 0; round < 9; round++) {
      hugeTimes.push(batch(huge));
      smallTimes.push(batch(small));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const ratio = median(hugeTimes) / median(smallTimes);
    assert.ok(ratio < 10, `a 10 MB prefix took ${ratio.toFixed(1)}x the time of a 3 KB one`);
  });
});
