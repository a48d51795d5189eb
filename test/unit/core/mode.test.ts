import * as assert from 'node:assert/strict';
import { isMultilinePosition } from '../../../src/core/mode';

describe('isMultilinePosition', () => {
  const cases: { name: string; suffix: string; expected: boolean }[] = [
    { name: 'allows several lines at the end of a line', suffix: '\nnext()', expected: true },
    { name: 'allows several lines at the end of the document', suffix: '', expected: true },
    { name: 'allows several lines when only spaces follow on the line', suffix: '   \r\nnext()', expected: true },
    { name: 'wants one line in the middle of a line', suffix: ' + 1\n', expected: false },
    { name: 'wants one line before auto-closed brackets', suffix: ')\n', expected: false },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(isMultilinePosition(c.suffix), c.expected));
  }
});
