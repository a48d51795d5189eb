import * as assert from 'node:assert/strict';
import { identifierSet, identifiersAround, queryIdentifiers } from '../../../../src/core/context/identifiers';
import type { LineSource } from '../../../../src/core/context';

function source(text: string): LineSource {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (line) => lines[line] };
}

describe('context identifiers', () => {
  describe('identifierSet', () => {
    const cases: [text: string, expected: string[]][] = [
      ['const total = order.lineItems.map((item) => item.price);', ['total', 'order', 'lineItems', 'map', 'item', 'price']],
      ['def area(self, width): return self.height * width', ['area', 'width', 'height']],
      ['if (x) { return y; } else { i++ }', []],
      ['naïve_über = größe + $el + _private', ['naïve_über', 'größe', '$el', '_private']],
      ['"some words" // and a comment', ['some', 'words', 'comment']],
    ];
    for (const [text, expected] of cases) {
      it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => {
        assert.deepEqual([...identifierSet(text)], expected);
      });
    }
  });

  describe('queryIdentifiers', () => {
    it('weighs the lines next to the cursor fully and the farther lines half', () => {
      const prefix = 'farAway = 1\n\n\n\nnearby = 2\nconst total = compute';
      const query = queryIdentifiers(prefix, 'Price(order)\nbelow = 3');
      assert.equal(query.get('farAway'), 0.5);
      assert.equal(query.get('nearby'), 1);
      assert.equal(query.get('below'), 1);
      assert.equal(query.get('order'), 1);
    });

    it('reads the word the cursor stands in as one word', () => {
      const query = queryIdentifiers('let x = comp', 'utePrice();');
      assert.ok(query.has('computePrice'));
      assert.ok(!query.has('comp'));
    });

    it('looks no further than its window', () => {
      const prefix = ['tooFar = 0', ...Array.from({ length: 12 }, (_, i) => `line${i} = ${i}`), ''].join('\n');
      const query = queryIdentifiers(prefix, '', { linesBefore: 12, linesAfter: 4 });
      assert.ok(query.has('line0'));
      assert.ok(!query.has('tooFar'));
    });

    it('handles an empty prefix and suffix', () => {
      assert.equal(queryIdentifiers('', '').size, 0);
    });
  });

  describe('identifiersAround', () => {
    const doc = source(['import { Cart } from "./cart";', 'const cart = new Cart();', 'cart.addItem(product, quantity);', 'report(cart.total);'].join('\n'));

    it('lists the cursor line first, nearest the cursor first, then the lines around it', () => {
      const found = identifiersAround(doc, { line: 2, character: 14 }, { linesAbove: 1, linesBelow: 1, limit: 20 });
      assert.deepEqual(found.map((f) => f.name), ['product', 'quantity', 'addItem', 'cart', 'Cart', 'report', 'total']);
      assert.deepEqual(found[0], { name: 'product', line: 2, character: 13 });
    });

    it('stops at the limit', () => {
      const found = identifiersAround(doc, { line: 2, character: 0 }, { linesAbove: 3, linesBelow: 3, limit: 2 });
      assert.equal(found.length, 2);
    });

    it('stays within the document', () => {
      const found = identifiersAround(doc, { line: 0, character: 0 }, { linesAbove: 5, linesBelow: 0, limit: 20 });
      assert.deepEqual(found.map((f) => f.name), ['Cart', 'cart']);
    });
  });
});
