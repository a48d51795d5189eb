import * as assert from 'node:assert/strict';
import { FIM_FAMILIES, isFimFamily, isSuffixUnsupportedError, renderFim, type FimFamily } from '../../../src/core/fim';

describe('renderFim', () => {
  const prefix = 'def add(a, b):\n    return ';
  const suffix = '\n\nprint(add(1, 2))';
  const cases: { family: FimFamily; prompt: string; firstStop: string }[] = [
    { family: 'starcoder', prompt: `<fim_prefix>${prefix}<fim_suffix>${suffix}<fim_middle>`, firstStop: '<|endoftext|>' },
    { family: 'qwen', prompt: `<|fim_prefix|>${prefix}<|fim_suffix|>${suffix}<|fim_middle|>`, firstStop: '<|endoftext|>' },
    { family: 'codellama', prompt: `<PRE> ${prefix} <SUF>${suffix} <MID>`, firstStop: '<EOT>' },
    { family: 'deepseek', prompt: `<｜fim▁begin｜>${prefix}<｜fim▁hole｜>${suffix}<｜fim▁end｜>`, firstStop: '<｜end▁of▁sentence｜>' },
    { family: 'codestral', prompt: `[SUFFIX]${suffix}[PREFIX]${prefix}`, firstStop: '</s>' },
    { family: 'codegemma', prompt: `<|fim_prefix|>${prefix}<|fim_suffix|>${suffix}<|fim_middle|>`, firstStop: '<|file_separator|>' },
  ];

  for (const c of cases) {
    it(`renders the ${c.family} prompt with its tokens in the family's order`, () => {
      assert.equal(renderFim(c.family, prefix, suffix).prompt, c.prompt);
    });

    it(`stops ${c.family} at its end token, within the API's limit of 4 stop strings`, () => {
      const { stop } = renderFim(c.family, prefix, suffix);
      assert.equal(stop[0], c.firstStop);
      assert.ok(stop.length >= 1 && stop.length <= 4);
      assert.equal(new Set(stop).size, stop.length, 'no duplicates');
    });
  }

  it('lists every family exactly once', () => {
    assert.deepEqual([...FIM_FAMILIES].sort(), cases.map((c) => c.family).sort());
  });

  it('returns a fresh stop list each time so a caller may change it', () => {
    renderFim('qwen', '', '').stop.push('mine');
    assert.ok(!renderFim('qwen', '', '').stop.includes('mine'));
  });

  it('recognises family names and nothing else', () => {
    assert.ok(isFimFamily('codestral'));
    assert.ok(!isFimFamily('gpt'));
    assert.ok(!isFimFamily(undefined));
  });
});

describe('isSuffixUnsupportedError', () => {
  const cases: { name: string; status: number; message: string; expected: boolean }[] = [
    { name: 'llama.cpp refusing the param', status: 400, message: '{"error":{"code":400,"message":"Unsupported param: suffix","type":"invalid_request_error"}}', expected: true },
    { name: 'llama.cpp refusing the param with a 500', status: 500, message: 'Unsupported param: suffix', expected: true },
    { name: 'vLLM refusing the field', status: 400, message: '{"object":"error","message":"suffix is not currently supported","type":"BadRequestError"}', expected: true },
    { name: 'an OpenAI-style unrecognised argument', status: 400, message: 'Unrecognized request argument supplied: suffix', expected: true },
    { name: 'a validation error forbidding the extra field', status: 422, message: '{"detail":[{"type":"extra_forbidden","loc":["body","suffix"],"msg":"Extra inputs are not permitted"}]}', expected: true },
    { name: 'a 400 saying the suffix is not supported for this model', status: 400, message: 'The suffix parameter is not supported for this model.', expected: true },
    { name: 'a context-length error that mentions the suffix', status: 400, message: "This model's maximum context length is 4097 tokens; your prompt and suffix use 5000.", expected: false },
    { name: 'a 400 about another parameter', status: 400, message: 'Unsupported param: echo', expected: false },
    { name: 'an unrelated 401', status: 401, message: 'Invalid API key', expected: false },
    { name: 'a 503 that mentions the suffix without refusing it', status: 503, message: 'server busy while processing suffix', expected: false },
    { name: 'a success status even with a matching text', status: 200, message: 'Unsupported param: suffix', expected: false },
    { name: 'an HTML gateway page', status: 502, message: '<html><body>Bad gateway</body></html>', expected: false },
  ];

  for (const c of cases) {
    it(`${c.expected ? 'recognises' : 'ignores'} ${c.name}`, () => {
      assert.equal(isSuffixUnsupportedError(c.status, c.message), c.expected);
    });
  }
});
