import * as assert from 'node:assert/strict';
import {
  describeResolvedFim, detectFimFamily, FIM_FAMILIES, FIM_TEMPLATE_CHOICES, FIM_TEMPLATES, isFimFamily, isSuffixUnsupportedError,
  renderFim, renderTemplate, resolveFimTemplate, type FimFamily, type FimTemplate,
} from '../../../src/core/fim';

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

describe('detecting the fill-in-the-middle family from a model id', () => {
  const cases: [string, FimFamily][] = [
    ['qwen2.5-coder-7b-instruct-q4_k_m.gguf', 'qwen'],
    ['Qwen/Qwen2.5-Coder-1.5B', 'qwen'],
    ['qwen2.5-coder:1.5b-base', 'qwen'],
    ['/models/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf', 'qwen'],
    ['hf.co/bartowski/Qwen2.5-Coder-14B-GGUF:Q5_K_M', 'qwen'],
    ['bigcode/starcoder2-3b', 'starcoder'],
    ['starcoder2:7b', 'starcoder'],
    ['TheBloke/starcoder-GGUF', 'starcoder'],
    ['stable-code-3b.Q4_K_M.gguf', 'starcoder'],
    ['CodeQwen1.5-7B-Chat', 'starcoder'],
    ['codellama:7b-code', 'codellama'],
    ['TheBloke/CodeLlama-13B-GGUF', 'codellama'],
    ['codellama-7b.Q4_0.gguf', 'codellama'],
    ['TheBloke/deepseek-coder-6.7B-base-GGUF', 'deepseek'],
    ['deepseek-coder-v2:16b-lite-base-q4_0', 'deepseek'],
    ['deepseek-ai/DeepSeek-Coder-V2-Lite-Base', 'deepseek'],
    ['bartowski/Codestral-22B-v0.1-GGUF', 'codestral'],
    ['codestral:22b', 'codestral'],
    ['codestral-latest', 'codestral'],
    ['google/codegemma-2b', 'codegemma'],
    ['codegemma:7b-code-q4_K_M', 'codegemma'],
    ['code-gemma-7b.gguf', 'codegemma'],
  ];
  for (const [id, family] of cases) {
    it(`reads ${id} as ${family}`, () => {
      assert.equal(detectFimFamily(id), family);
    });
  }

  for (const id of ['gpt-3.5-turbo-instruct', 'deepseek-chat', 'llama-3.1-8b-instruct', 'gemma-2-9b-it', 'mistral-7b', '']) {
    it(`names no family for ${JSON.stringify(id)}`, () => {
      assert.equal(detectFimFamily(id), undefined);
    });
  }
});

describe('choosing the template for a request', () => {
  const custom: FimTemplate = { prefix: '<A>', suffix: '<B>', middle: '<C>', order: 'prefix-first', stop: ['<END>'] };

  it('in auto detects the family from the model id', () => {
    const resolved = resolveFimTemplate('auto', 'TheBloke/deepseek-coder-6.7B-base-GGUF', undefined);
    assert.deepEqual(resolved, { kind: 'family', family: 'deepseek', reason: 'detected', template: FIM_TEMPLATES.deepseek });
    assert.deepEqual(describeResolvedFim(resolved), { name: 'DeepSeek-Coder', why: 'detected from the model id' });
  });

  it('in auto falls back to Qwen2.5-Coder for a model id that names no family, and says so', () => {
    const resolved = resolveFimTemplate('auto', 'my-finetune', undefined);
    assert.equal(resolved.kind === 'family' && resolved.family, 'qwen');
    assert.equal(describeResolvedFim(resolved).why, 'no known family in the model id');
  });

  it('uses a family chosen by hand whatever the model id says', () => {
    const resolved = resolveFimTemplate('codellama', 'qwen2.5-coder:1.5b-base', custom);
    assert.equal(resolved.kind === 'family' && resolved.family, 'codellama');
    assert.equal(resolved.kind === 'family' && resolved.reason, 'chosen');
  });

  it('uses the custom template when chosen', () => {
    assert.deepEqual(resolveFimTemplate('custom', 'qwen2.5-coder', custom), { kind: 'custom', template: custom });
  });

  it('offers auto, every family and custom as the setting\'s choices', () => {
    assert.deepEqual([...FIM_TEMPLATE_CHOICES], ['auto', ...FIM_FAMILIES, 'custom']);
  });
});

describe('rendering a custom template', () => {
  it('writes prefix-first markers around the text in order', () => {
    const rendered = renderTemplate({ prefix: '<PRE>', suffix: '<SUF>', middle: '<MID>', order: 'prefix-first', stop: ['<EOT>'] }, 'a = ', '\nb = 2');
    assert.deepEqual(rendered, { prompt: '<PRE>a = <SUF>\nb = 2<MID>', stop: ['<EOT>'] });
  });

  it('writes suffix-first markers with the text after the cursor first', () => {
    const rendered = renderTemplate({ prefix: '[P]', suffix: '[S]', middle: '[M]', order: 'suffix-first', stop: [] }, 'before', 'after');
    assert.equal(rendered.prompt, '[S]after[P]before[M]');
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
