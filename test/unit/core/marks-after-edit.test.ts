import * as assert from 'node:assert/strict';
import { marksAfterEdit } from '../../../src/core/marks-after-edit';

const MARKS = [{ start: 2, end: 5, id: 'a' }, { start: 10, end: 12, id: 'b' }, { start: 20, end: 23, id: 'c' }];

describe('marksAfterEdit', () => {
  it('keeps marks before an edit and moves marks after it with the text', () => {
    const after = marksAfterEdit(MARKS, [{ offset: 15, removedLength: 1, insertedLength: 4 }]);
    assert.deepEqual(after.map((m) => [m.id, m.start, m.end]), [['a', 2, 5], ['b', 10, 12], ['c', 23, 26]]);
  });

  it('drops a mark the edit touches, also one typed against at its edge', () => {
    assert.deepEqual(marksAfterEdit(MARKS, [{ offset: 11, removedLength: 1, insertedLength: 0 }]).map((m) => m.id), ['a', 'c']);
    assert.deepEqual(marksAfterEdit(MARKS, [{ offset: 12, removedLength: 0, insertedLength: 1 }]).map((m) => m.id), ['a', 'c']);
  });

  it('applies several changes of one edit, each relative to the text before it', () => {
    const after = marksAfterEdit(MARKS, [
      { offset: 0, removedLength: 0, insertedLength: 2 },
      { offset: 15, removedLength: 3, insertedLength: 0 },
    ]);
    assert.deepEqual(after.map((m) => [m.id, m.start, m.end]), [['a', 4, 7], ['b', 12, 14], ['c', 19, 22]]);
  });
});
