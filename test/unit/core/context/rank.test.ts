import * as assert from 'node:assert/strict';
import { rankCandidates } from '../../../../src/core/context/rank';
import { snippetKey } from '../../../../src/core/context/snippet';
import { candidate, NOW } from './candidates';

const MINUTE = 60_000;

function order(names: string[], candidates: ReturnType<typeof candidate>[], options: { chosenBefore?: Set<string> } = {}): string[] {
  const query = new Map(names.map((name) => [name, 1]));
  return rankCandidates(candidates, query, { now: NOW, ...options }).map((r) => r.candidate.snippet.path);
}

describe('context ranking', () => {
  it('puts the snippet sharing more of the names around the cursor first', () => {
    const ranked = order(['Cart', 'addItem', 'quantity'], [
      candidate('class Cart {}', { path: 'one.ts' }),
      candidate('class Cart { addItem(quantity) {} }', { path: 'three.ts' }),
      candidate('function addItem() {}', { path: 'one-name.ts' }),
    ]);
    assert.equal(ranked[0], 'three.ts');
  });

  it('counts a rare shared name above a name every snippet has', () => {
    const ranked = order(['config', 'retryLimit'], [
      candidate('config.a = 1; config.b = 2', { path: 'common.ts' }),
      candidate('config.c = 3', { path: 'common-too.ts' }),
      candidate('export const retryLimit = 3', { path: 'rare.ts' }),
    ]);
    assert.equal(ranked[0], 'rare.ts');
  });

  it('prefers a definition to an open editor chunk with the same names', () => {
    const ranked = order(['Invoice'], [
      candidate('const x = new Invoice()', { path: 'use.ts', source: 'openEditor' }),
      candidate('class Invoice {}', { path: 'def.ts', source: 'definition' }),
    ]);
    assert.deepEqual(ranked, ['def.ts', 'use.ts']);
  });

  it('prefers code touched a minute ago to code touched an hour ago', () => {
    const ranked = order(['ledger'], [
      candidate('ledger.post()', { path: 'old.ts', touchedAt: NOW - 60 * MINUTE }),
      candidate('ledger.close()', { path: 'new.ts', touchedAt: NOW - MINUTE }),
    ]);
    assert.deepEqual(ranked, ['new.ts', 'old.ts']);
  });

  it('leaves out a snippet that shares no name, unless the developer just looked at it, changed it or copied it', () => {
    const ranked = order(['ledger'], [
      candidate('unrelated()', { path: 'open.ts', source: 'openEditor' }),
      candidate('unrelated()', { path: 'definition.ts', source: 'definition' }),
      candidate('justViewed()', { path: 'viewed.ts', source: 'viewed' }),
      candidate('justEdited()', { path: 'edited.ts', source: 'edited' }),
      candidate('justCopied()', { path: 'copied.ts', source: 'copied' }),
      candidate('longAgoEdited()', { path: 'stale-edit.ts', source: 'edited', touchedAt: NOW - 30 * MINUTE }),
      candidate('longAgoViewed()', { path: 'stale-view.ts', source: 'viewed', touchedAt: NOW - 30 * MINUTE }),
    ]);
    assert.deepEqual(ranked.sort(), ['copied.ts', 'edited.ts', 'viewed.ts']);
  });

  it('keeps the previous request\'s snippet ahead of an equally good newcomer', () => {
    const kept = candidate('ledger.post()', { path: 'kept.ts' });
    const newcomer = candidate('ledger.post()', { path: 'a-newcomer.ts' });
    assert.deepEqual(order(['ledger'], [newcomer, kept]), ['a-newcomer.ts', 'kept.ts']);
    assert.deepEqual(order(['ledger'], [newcomer, kept], { chosenBefore: new Set([snippetKey(kept.snippet)]) }), ['kept.ts', 'a-newcomer.ts']);
  });

  it('ranks the same inputs the same way whatever order they arrive in', () => {
    const a = candidate('ledger()', { path: 'a.ts' });
    const b = candidate('ledger()', { path: 'b.ts' });
    assert.deepEqual(order(['ledger'], [a, b]), order(['ledger'], [b, a]));
  });
});
