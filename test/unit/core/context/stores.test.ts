import * as assert from 'node:assert/strict';
import { ChunkIndex, CHUNK_LINES, MAX_CHUNKS } from '../../../../src/core/context/chunk-index';
import { DefinitionStore } from '../../../../src/core/context/definition-store';
import { WorkingSet } from '../../../../src/core/context/working-set';

const query = (...names: string[]) => new Map(names.map((name) => [name, 1]));

describe('context stores', () => {
  describe('WorkingSet', () => {
    const touch = (documentKey: string, startLine: number, text: string, source: 'viewed' | 'edited' = 'viewed', at = 0) => ({
      documentKey, path: documentKey, languageId: 'python', excerpt: { startLine, text }, source, at,
    });

    it('keeps the most recent chunk first', () => {
      const set = new WorkingSet();
      set.touch(touch('a.py', 0, 'first = 1'));
      set.touch(touch('b.py', 0, 'second = 2'));
      assert.deepEqual(set.candidates().map((c) => c.snippet.text), ['second = 2', 'first = 1']);
    });

    it('replaces the chunks of the same file whose lines the new one overlaps', () => {
      const set = new WorkingSet();
      set.touch(touch('a.py', 0, 'l0\nl1\nl2'));
      set.touch(touch('a.py', 10, 'l10\nl11'));
      set.touch(touch('a.py', 2, 'l2\nl3'));
      assert.deepEqual(set.candidates().map((c) => c.snippet.startLine), [2, 10]);
    });

    it('keeps calling an edited chunk an edit when the developer then only looks at it', () => {
      const set = new WorkingSet();
      set.touch(touch('a.py', 0, 'x = 1', 'edited'));
      set.touch(touch('a.py', 0, 'x = 1', 'viewed'));
      assert.equal(set.candidates()[0].snippet.source, 'edited');
    });

    it('forgets everything when cleared', () => {
      const set = new WorkingSet();
      set.touch(touch('a.py', 0, 'x = 1'));
      set.clear();
      assert.equal(set.size, 0);
    });

    it('holds at most its capacity, dropping the oldest', () => {
      const set = new WorkingSet(3);
      for (let i = 0; i < 5; i++) set.touch(touch(`f${i}.py`, 0, `v${i} = ${i}`));
      assert.deepEqual(set.candidates().map((c) => c.snippet.path), ['f4.py', 'f3.py', 'f2.py']);
    });

    it('forgets a document, and every document of a deleted folder', () => {
      const set = new WorkingSet();
      set.touch(touch('file:///w/a.py', 0, 'x = 1'));
      set.touch(touch('file:///w/lib/b.py', 0, 'y = 1'));
      set.touch(touch('file:///w/library.py', 0, 'z = 1'));
      set.forget('file:///w/a.py');
      set.forget('file:///w/lib');
      assert.deepEqual(set.candidates().map((c) => c.documentKey), ['file:///w/library.py']);
    });
  });

  describe('ChunkIndex', () => {
    const text = Array.from({ length: 3 * CHUNK_LINES }, (_, i) => (i === 45 ? 'def settle_ledger(entries):' : `value_${i} = ${i}`)).join('\n');

    it('finds the chunk holding a name near the cursor without reading the others', () => {
      const index = new ChunkIndex();
      index.set({ documentKey: 'k', path: 'ledger.py', languageId: 'python', text, touchedAt: 0 });
      assert.equal(index.size, 3);
      const found = index.candidates(query('settle_ledger'));
      assert.equal(found.length, 1);
      assert.equal(found[0].snippet.startLine, CHUNK_LINES);
      assert.match(found[0].snippet.text, /def settle_ledger/);
    });

    it('re-indexes a document that changed and forgets a removed one', () => {
      const index = new ChunkIndex();
      index.set({ documentKey: 'k', path: 'a.py', languageId: 'python', text: 'old_name = 1', touchedAt: 0 });
      index.set({ documentKey: 'k', path: 'a.py', languageId: 'python', text: 'new_name = 1', touchedAt: 0 });
      assert.equal(index.candidates(query('old_name')).length, 0);
      assert.equal(index.candidates(query('new_name')).length, 1);
      index.remove('k');
      assert.equal(index.candidates(query('new_name')).length, 0);
      assert.equal(index.size, 0);
    });

    it('forgets the documents of a deleted folder', () => {
      const index = new ChunkIndex();
      index.set({ documentKey: 'file:///w/lib/a.py', path: 'lib/a.py', languageId: 'python', text: 'gone = 1', touchedAt: 0 });
      index.set({ documentKey: 'file:///w/main.py', path: 'main.py', languageId: 'python', text: 'kept = 1', touchedAt: 0 });
      index.forget('file:///w/lib');
      assert.ok(!index.has('file:///w/lib/a.py') && index.has('file:///w/main.py'));
    });

    it('forgets every document when cleared', () => {
      const index = new ChunkIndex();
      index.set({ documentKey: 'k', path: 'a.py', languageId: 'python', text: 'name = 1', touchedAt: 0 });
      index.clear();
      assert.equal(index.size, 0);
      assert.equal(index.candidates(query('name')).length, 0);
    });

    it('leaves minified lines out of chunks', () => {
      const index = new ChunkIndex();
      index.set({ documentKey: 'k', path: 'a.js', languageId: 'javascript', text: `keep_me = 1\n${'minified_name;'.repeat(100)}`, touchedAt: 0 });
      assert.equal(index.candidates(query('minified_name')).length, 0);
      assert.equal(index.candidates(query('keep_me')).length, 1);
    });

    it('drops the least recently used documents beyond its chunk limit', () => {
      const index = new ChunkIndex();
      const big = (name: string) => Array.from({ length: (MAX_CHUNKS / 2) * CHUNK_LINES }, () => `${name}_x = 1`).join('\n');
      index.set({ documentKey: 'old', path: 'old.py', languageId: 'python', text: big('old'), touchedAt: 1 });
      index.set({ documentKey: 'mid', path: 'mid.py', languageId: 'python', text: big('mid'), touchedAt: 2 });
      index.touch('old', 3);
      index.set({ documentKey: 'new', path: 'new.py', languageId: 'python', text: 'new_x = 1', touchedAt: 4 });
      assert.ok(index.has('old') && index.has('new') && !index.has('mid'));
      assert.ok(index.size <= MAX_CHUNKS);
    });
  });

  describe('DefinitionStore', () => {
    const found = (documentKey: string, text: string) => ({ documentKey, path: documentKey, languageId: 'typescript', excerpt: { startLine: 3, text }, source: 'definition' as const });

    it('answers with the definitions of the names around the cursor only', () => {
      const store = new DefinitionStore();
      store.set('Cart', [found('cart.ts', 'class Cart {}')], 0);
      store.set('Order', [found('order.ts', 'class Order {}')], 0);
      assert.deepEqual(store.candidates(query('Cart')).map((c) => c.snippet.text), ['class Cart {}']);
      assert.equal(store.candidates(query('Cart'))[0].snippet.startLine, 3);
    });

    it('ties a definition to the name it was found for, even when its text spells the name otherwise', () => {
      const store = new DefinitionStore();
      store.set('customer', [found('customer.ts', 'interface Customer { name: string }')], 0);
      assert.ok(store.candidates(query('customer'))[0].identifiers.has('customer'));
    });

    it('remembers that a name had no definition, so it is not looked up again', () => {
      const store = new DefinitionStore();
      assert.ok(store.needsLookup('local'));
      store.set('local', [], 0);
      assert.ok(!store.needsLookup('local'));
    });

    it('asks for a fresh lookup of definitions read from a document that changed, serving the old ones meanwhile', () => {
      const store = new DefinitionStore();
      store.set('Cart', [found('cart.ts', 'class Cart {}')], 0);
      store.invalidate('cart.ts');
      assert.ok(store.needsLookup('Cart'));
      assert.equal(store.candidates(query('Cart')).length, 1);
    });

    it('forgets the definitions read from a deleted document', () => {
      const store = new DefinitionStore();
      store.set('Cart', [found('cart.ts', 'class Cart {}')], 0);
      store.forget('cart.ts');
      assert.equal(store.candidates(query('Cart')).length, 0);
    });

    it('forgets every name when cleared', () => {
      const store = new DefinitionStore();
      store.set('Cart', [found('cart.ts', 'class Cart {}')], 0);
      store.clear();
      assert.ok(store.needsLookup('Cart'));
      assert.equal(store.candidates(query('Cart')).length, 0);
    });

    it('keeps the most recently looked-up names within its capacity', () => {
      const store = new DefinitionStore(2);
      store.set('a', [], 0);
      store.set('b', [], 0);
      store.set('c', [], 0);
      assert.deepEqual(['a', 'b', 'c'].map((name) => store.needsLookup(name)), [true, false, false]);
    });
  });
});
