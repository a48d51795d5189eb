import * as assert from 'node:assert/strict';
import { isFieldUnsupportedError } from '../../../src/core/field-refusal';

describe('recognising a server that refuses stream_options', () => {
  const cases: { name: string; status: number; message: string; expected: boolean }[] = [
    { name: 'an "Unsupported param" refusal', status: 400, message: 'Unsupported param: stream_options', expected: true },
    { name: 'a validation error forbidding the extra field', status: 422, message: '{"detail":[{"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}]}', expected: true },
    { name: 'an OpenAI-style unrecognised argument', status: 400, message: 'Unrecognized request argument supplied: stream_options', expected: true },
    { name: 'a refusal of another field', status: 400, message: 'Unsupported param: suffix', expected: false },
    { name: 'a rate limit', status: 429, message: 'Too many requests', expected: false },
  ];
  for (const c of cases) {
    it(`${c.expected ? 'recognises' : 'ignores'} ${c.name}`, () => {
      assert.equal(isFieldUnsupportedError('stream_options', c.status, c.message), c.expected);
    });
  }
});
