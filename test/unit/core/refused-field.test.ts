import * as assert from 'node:assert/strict';
import { isFieldUnsupportedError as isFieldRefusedError } from '../../../src/core/field-refusal';

describe('isFieldUnsupportedError on logprobs, echo and max_tokens refusals', () => {
  it('recognises servers refusing a field by name', () => {
    assert.equal(isFieldRefusedError('logprobs', 400, 'Unsupported param: logprobs'), true);
    assert.equal(isFieldRefusedError('logprobs', 422, '{"detail":[{"loc":["body","logprobs"],"msg":"extra fields not permitted"}]}'), true);
    assert.equal(isFieldRefusedError('echo', 400, "Setting 'echo' and 'logprobs' at the same time is not supported for this model."), true);
    assert.equal(isFieldRefusedError('max_tokens', 400, "Invalid 'max_tokens': expected a value from 1 to 4096"), true);
  });

  it('does not take an error about something else for a refusal', () => {
    assert.equal(isFieldRefusedError('logprobs', 400, "This model's maximum context length is 2048 tokens"), false);
    assert.equal(isFieldRefusedError('logprobs', 401, 'Invalid API key; logprobs'), false);
    assert.equal(isFieldRefusedError('max_tokens', 400, "This model's maximum context length is 2048 tokens, however you requested 2100 tokens. max_tokens"), false,
      'a context-length error whose param is max_tokens');
    assert.equal(isFieldRefusedError('logprobs', 400, 'invalid top_logprobs value'), false, 'a longer word containing the name');
  });
});
