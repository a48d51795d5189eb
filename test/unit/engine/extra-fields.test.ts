import * as assert from 'node:assert/strict';
import { checkExtraFields, isCredentialFieldName } from '../../../src/engine/extra-fields';

describe('extra request fields', () => {
  it('accepts the options llama.cpp and vLLM read', () => {
    const fields = { cache_prompt: true, t_max_predict_ms: 500, n_indent: 4, timings_per_token: false, top_k: 40, min_p: 0.05, repetition_penalty: 1.1, min_tokens: 1, skip_special_tokens: true };
    assert.deepEqual(checkExtraFields(fields), { fields });
  });

  for (const owned of ['model', 'prompt', 'suffix', 'stream', 'stream_options', 'n', 'max_tokens', 'logprobs', 'echo', 'stop', 'temperature', 'user']) {
    it(`refuses to override "${owned}", which the extension sets`, () => {
      const checked = checkExtraFields({ [owned]: 1 });
      assert.ok('problem' in checked);
      assert.match(checked.problem, new RegExp(`"${owned}" is set by Prompt Complete`));
    });
  }

  for (const name of ['api_key', 'apiKey', 'API-KEY', 'key', 'Authorization', 'auth', 'access_token', 'x-api-key', 'secret', 'password', 'bearer']) {
    it(`refuses the credential-like name "${name}"`, () => {
      assert.equal(isCredentialFieldName(name), true);
      const checked = checkExtraFields({ [name]: 'value' });
      assert.ok('problem' in checked && /credential/.test(checked.problem));
    });
  }

  it('never quotes a refused value, which could be a secret', () => {
    const checked = checkExtraFields({ api_key: 'sk-very-secret' });
    assert.ok('problem' in checked);
    assert.doesNotMatch(checked.problem, /sk-very-secret/);
  });

  it('refuses what is not an object of fields', () => {
    for (const value of [[1, 2], 'cache_prompt', 3, { '': 1 }, { 'bad name': 1 }, JSON.parse('{"__proto__": {"polluted": true}}')]) {
      assert.ok('problem' in checkExtraFields(value), JSON.stringify(value));
    }
  });

  it('refuses more than 32 fields or more than 8000 characters', () => {
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`f${i}`, i]));
    assert.ok('problem' in checkExtraFields(many));
    assert.ok('problem' in checkExtraFields({ grammar: 'x'.repeat(8000) }));
  });

  it('returns a copy, so a later change of the setting object cannot reach requests', () => {
    const value = { samplers: ['top_k'] };
    const checked = checkExtraFields(value);
    value.samplers.push('changed');
    assert.deepEqual(checked, { fields: { samplers: ['top_k'] } });
  });
});
