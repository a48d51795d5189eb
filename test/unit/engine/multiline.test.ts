import * as assert from 'node:assert/strict';
import { allowsMultiline } from '../../../src/engine/multiline';

describe('multi-line decision', () => {
  const cases: [string, boolean][] = [
    ['', true],
    ['   ', true],
    [')', true],
    ['});', true],
    ['"', true],
    ['foo)', false],
    [' + 1', false],
  ];
  for (const [after, expected] of cases) {
    it(`in auto mode ${expected ? 'allows' : 'refuses'} several lines with ${JSON.stringify(after)} after the cursor`, () => {
      assert.equal(allowsMultiline('auto', after), expected);
    });
  }

  it('follows "always" and "never" whatever follows the cursor', () => {
    assert.equal(allowsMultiline('always', 'foo)'), true);
    assert.equal(allowsMultiline('never', ''), false);
  });
});
