import * as assert from 'node:assert/strict';
import { declarationAt, linesAround, linesFrom } from '../../../../src/core/context/excerpt';
import { linesOf } from './lines';

const numbered = linesOf(Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n'));

describe('context excerpts', () => {
  describe('linesAround', () => {
    const cases: [name: string, line: number, maxLines: number, maxChars: number, expected: { startLine: number; first: string; last: string }][] = [
      ['centres the window on the line', 10, 5, 1000, { startLine: 8, first: 'line 8', last: 'line 12' }],
      ['keeps the window inside the document at its start', 1, 5, 1000, { startLine: 0, first: 'line 0', last: 'line 4' }],
      ['keeps the window inside the document at its end', 19, 5, 1000, { startLine: 15, first: 'line 15', last: 'line 19' }],
      ['stops before the line that would pass the character budget', 10, 5, 22, { startLine: 8, first: 'line 8', last: 'line 10' }],
    ];
    for (const [name, line, maxLines, maxChars, expected] of cases) {
      it(name, () => {
        const excerpt = linesAround(numbered, line, maxLines, maxChars)!;
        const lines = excerpt.text.split('\n');
        assert.deepEqual({ startLine: excerpt.startLine, first: lines[0], last: lines.at(-1) }, expected);
      });
    }
  });

  describe('linesFrom', () => {
    it('drops blank lines at both ends and says where the text starts', () => {
      assert.deepEqual(linesFrom(linesOf('\n\nkeep\n  this\n\n'), 0, 5, 1000), { startLine: 2, text: 'keep\n  this' });
    });

    it('stops before a minified line', () => {
      assert.deepEqual(linesFrom(linesOf(`a = 1\n${'x'.repeat(500)}\nb = 2`), 0, 2, 10_000), { startLine: 0, text: 'a = 1' });
    });

    it('gives nothing for blank lines only', () => {
      assert.equal(linesFrom(linesOf('\n  \n'), 0, 2, 1000), undefined);
    });
  });

  describe('declarationAt', () => {
    const cases: [name: string, text: string, line: number, expected: string][] = [
      [
        'a Python function with its indented body',
        'def area(w, h):\n    """Area."""\n\n    return w * h\n\ndef other():\n    pass',
        0,
        'def area(w, h):\n    """Area."""\n\n    return w * h',
      ],
      [
        'a brace block up to its closing line',
        'export class Cart {\n  items: Item[] = [];\n  total(): number {\n    return 0;\n  }\n}\nconst x = 1;',
        0,
        'export class Cart {\n  items: Item[] = [];\n  total(): number {\n    return 0;\n  }\n}',
      ],
      [
        'a nested method, not its class',
        'class Cart {\n  total() {\n    return 0;\n  }\n  other() {}\n}',
        1,
        '  total() {\n    return 0;\n  }',
      ],
      ['a one-line constant', 'export const TAX_RATE = 0.2;\nexport const OTHER = 1;', 0, 'export const TAX_RATE = 0.2;'],
    ];
    for (const [name, text, line, expected] of cases) {
      it(`reads ${name}`, () => {
        assert.equal(declarationAt(linesOf(text), line, 40, 10_000)?.text, expected);
      });
    }

    it('stops at its line limit', () => {
      const body = ['fn long() {', ...Array.from({ length: 50 }, (_, i) => `    step(${i});`), '}'].join('\n');
      assert.equal(declarationAt(linesOf(body), 0, 10, 10_000)?.text.split('\n').length, 10);
    });
  });
});
