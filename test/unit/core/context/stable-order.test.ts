import * as assert from 'node:assert/strict';
import { StableOrder } from '../../../../src/core/context/stable-order';
import type { ContextSnippet, SnippetSource } from '../../../../src/core/context/snippet';

function snippet(path: string, source: SnippetSource = 'viewed'): ContextSnippet {
  return { path, languageId: 'typescript', text: `// ${path}`, source, startLine: 0 };
}

const paths = (snippets: ContextSnippet[]) => snippets.map((s) => s.path);

describe('stable context order', () => {
  it('gives the same snippets the same order whatever their rank', () => {
    const order = new StableOrder();
    const a = snippet('a');
    const b = snippet('b');
    assert.deepEqual(paths(order.order([a, b])), ['a', 'b']);
    assert.deepEqual(paths(order.order([b, a])), ['a', 'b']);
  });

  it('puts a newcomer after the snippets the last block carried', () => {
    const order = new StableOrder();
    order.order([snippet('b'), snippet('c')]);
    assert.deepEqual(paths(order.order([snippet('a'), snippet('c'), snippet('b')])), ['b', 'c', 'a']);
  });

  it('keeps the others in place when one leaves', () => {
    const order = new StableOrder();
    order.order([snippet('a'), snippet('b'), snippet('c')]);
    assert.deepEqual(paths(order.order([snippet('c'), snippet('a')])), ['a', 'c']);
  });

  it('treats a snippet that left and came back as a newcomer', () => {
    const order = new StableOrder();
    order.order([snippet('a'), snippet('b')]);
    order.order([snippet('b')]);
    assert.deepEqual(paths(order.order([snippet('a'), snippet('b')])), ['b', 'a']);
  });

  it('lets the more settled kinds of newcomers go first', () => {
    const order = new StableOrder();
    const chosen = [snippet('edit', 'edited'), snippet('def', 'definition'), snippet('open', 'openEditor')];
    assert.deepEqual(paths(order.order(chosen)), ['def', 'open', 'edit']);
  });

  it('remembers the last block for ranking', () => {
    const order = new StableOrder();
    order.order([snippet('a')]);
    assert.equal(order.previous.size, 1);
  });
});
