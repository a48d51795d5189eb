import * as assert from 'node:assert/strict';
import { renderFim } from '../../../../src/core/fim';
import { contextFormat, fixedCost, renderContext, snippetCost, type ContextFormat } from '../../../../src/core/context/render';
import type { ContextSnippet, PromptContext } from '../../../../src/core/context/snippet';

const cart: ContextSnippet = { path: 'src/cart.ts', languageId: 'typescript', text: 'export class Cart {\n  total = 0;\n}', source: 'definition', startLine: 4 };
const tax: ContextSnippet = { path: 'lib/tax.py', languageId: 'python', text: 'RATE = 0.2', source: 'edited', startLine: 0 };
const context: PromptContext = { file: { path: 'src/report.ts', languageId: 'typescript' }, repoName: 'shop', snippets: [cart, tax] };

describe('context rendering', () => {
  const formats: [route: 'suffix' | 'template' | 'none', family: Parameters<typeof contextFormat>[1], expected: ContextFormat][] = [
    ['template', 'qwen', 'qwen'],
    ['template', 'starcoder', 'starcoder'],
    ['template', 'codellama', 'comments'],
    ['template', 'deepseek', 'comments'],
    ['template', 'codestral', 'comments'],
    ['template', 'codegemma', 'comments'],
    ['suffix', 'qwen', 'comments'],
    ['none', 'starcoder', 'comments'],
  ];
  for (const [route, family, expected] of formats) {
    it(`writes context for ${family} sent by ${route} as ${expected}`, () => {
      assert.equal(contextFormat(route, family), expected);
    });
  }

  const rendered: [format: ContextFormat, prompt: string][] = [
    [
      'qwen',
      '<|repo_name|>shop\n'
        + '<|file_sep|>src/cart.ts\nexport class Cart {\n  total = 0;\n}\n'
        + '<|file_sep|>lib/tax.py\nRATE = 0.2\n'
        + '<|file_sep|>src/report.ts\n'
        + '<|fim_prefix|>const r = <|fim_suffix|>;<|fim_middle|>',
    ],
    [
      'starcoder',
      '<repo_name>shop'
        + '<file_sep>src/cart.ts\nexport class Cart {\n  total = 0;\n}'
        + '<file_sep>lib/tax.py\nRATE = 0.2'
        + '<file_sep><fim_prefix>src/report.ts\nconst r = <fim_suffix>;<fim_middle>',
    ],
  ];
  for (const [format, expected] of rendered) {
    it(`renders repository-level ${format} tokens around the fill-in-the-middle template`, () => {
      const { head, prefixHead } = renderContext(format, context);
      const family = format === 'qwen' ? 'qwen' : 'starcoder';
      assert.equal(head + renderFim(family, prefixHead + 'const r = ', ';').prompt, expected);
    });
  }

  it('renders a path comment in each snippet\'s own language, then the current file\'s, right before the prefix', () => {
    const { head, prefixHead } = renderContext('comments', context);
    assert.equal(head, '');
    assert.equal(prefixHead, '// src/cart.ts\nexport class Cart {\n  total = 0;\n}\n\n# lib/tax.py\nRATE = 0.2\n\n// src/report.ts\n');
  });

  it('names the current file even with no snippets', () => {
    const alone = { file: { path: 'Untitled-1.py', languageId: 'python' }, snippets: [] };
    assert.equal(renderContext('comments', alone).prefixHead, '# Untitled-1.py\n');
    assert.equal(renderContext('qwen', alone).head, '<|file_sep|>Untitled-1.py\n');
    assert.deepEqual(renderContext('starcoder', alone), { head: '<file_sep>', prefixHead: 'Untitled-1.py\n' });
  });

  const widest: ContextSnippet[] = [
    { path: 'page.html', languageId: 'html', text: '<p>hi</p>', source: 'viewed', startLine: 0 },
    { path: 'x', languageId: 'bat', text: '', source: 'viewed', startLine: 0 },
    { path: 'src/a/b/c/deep.ts', languageId: 'typescript', text: 'a\nb\nc', source: 'viewed', startLine: 0 },
  ];
  for (const format of ['comments', 'qwen', 'starcoder'] as const) {
    it(`never renders more in ${format} than packing counted`, () => {
      for (const file of [{ path: 'index.html', languageId: 'html' }, { path: 'q', languageId: 'sql' }]) {
        const full: PromptContext = { file, repoName: 'a-repository-name', snippets: widest };
        const { head, prefixHead } = renderContext(format, full);
        const counted = fixedCost(full) + widest.reduce((sum, s) => sum + snippetCost(s), 0);
        assert.ok(head.length + prefixHead.length <= counted, `${head.length + prefixHead.length} > ${counted}`);
      }
    });
  }
});
