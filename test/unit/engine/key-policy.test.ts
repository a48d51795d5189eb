import * as assert from 'node:assert/strict';
import { isLoopbackHost, mayCarryKey } from '../../../src/engine/key-policy';

describe('key policy', () => {
  const cases: [string, boolean, boolean][] = [
    ['https://api.openai.com/v1', false, true],
    ['http://127.0.0.1:8012/v1', false, true],
    ['http://localhost:11434/v1', false, true],
    ['http://[::1]:8080/v1', false, true],
    ['http://127.8.9.10/v1', false, true],
    ['http://192.168.1.20:8080/v1', false, false],
    ['http://gpu-box.lan/v1', false, false],
    ['http://gpu-box.lan/v1', true, true],
    ['http://localhost.evil.com/v1', false, false],
    ['not a url', true, false],
  ];
  for (const [url, allow, expected] of cases) {
    it(`${expected ? 'sends' : 'withholds'} the key for ${url}${allow ? ' when insecure keys are allowed' : ''}`, () => {
      assert.equal(mayCarryKey(url, allow), expected);
    });
  }

  it('treats only loopback names as this machine', () => {
    assert.equal(isLoopbackHost('127.0.0.1'), true);
    assert.equal(isLoopbackHost('[::1]'), true);
    assert.equal(isLoopbackHost('128.0.0.1'), false);
    assert.equal(isLoopbackHost('127.0.0.1.nip.io'), false);
  });
});
