import * as assert from 'node:assert/strict';
import { extractContext, type LineSource } from '../../../src/core/context';

/** A document of plain lines that counts how many lines were read. */
class CountingLines implements LineSource {
  reads = 0;
  constructor(private readonly lines: readonly string[]) {}
  get lineCount(): number {
    return this.lines.length;
  }
  lineAt(line: number): string {
    this.reads++;
    const text = this.lines[line];
    if (text === undefined) throw new RangeError(`line ${line} out of range`);
    return text;
  }
}

function lines(text: string): CountingLines {
  return new CountingLines(text.split('\n'));
}

const roomy = { maxPrefixChars: 1000, maxSuffixChars: 1000 };

describe('extractContext', () => {
  const cases: {
    name: string;
    doc: string;
    line: number;
    character: number;
    budget: { maxPrefixChars: number; maxSuffixChars: number };
    eol?: string;
    expected: { prefix: string; suffix: string };
  }[] = [
    {
      name: 'a small document goes whole, split at the cursor',
      doc: 'a = 1\nb = 2\nc = 3',
      line: 1,
      character: 4,
      budget: roomy,
      expected: { prefix: 'a = 1\nb = ', suffix: '2\nc = 3' },
    },
    {
      name: 'the prefix starts at a line boundary when whole lines fill most of the budget',
      doc: 'line one\nline two\nline three\nx',
      line: 3,
      character: 1,
      budget: { maxPrefixChars: 18, maxSuffixChars: 10 },
      expected: { prefix: 'line three\nx', suffix: '' },
    },
    {
      name: 'the suffix ends at a line boundary when whole lines fill most of the budget',
      doc: 'x\nline one\nline two\nline three',
      line: 0,
      character: 0,
      budget: { maxPrefixChars: 10, maxSuffixChars: 20 },
      expected: { prefix: '', suffix: 'x\nline one\nline two' },
    },
    {
      name: 'a very long line before the cursor is cut mid-line rather than leaving the budget mostly unused',
      doc: `${'a'.repeat(100)}\nb`,
      line: 1,
      character: 1,
      budget: { maxPrefixChars: 10, maxSuffixChars: 10 },
      expected: { prefix: 'aaaaaaaa\nb', suffix: '' },
    },
    {
      name: 'a very long line after the cursor is cut mid-line rather than leaving the budget mostly unused',
      doc: `b\n${'a'.repeat(100)}`,
      line: 0,
      character: 0,
      budget: { maxPrefixChars: 10, maxSuffixChars: 10 },
      expected: { prefix: '', suffix: 'b\naaaaaaaa' },
    },
    {
      name: 'a cursor line longer than the budget keeps the characters nearest the cursor',
      doc: '0123456789abcdef',
      line: 0,
      character: 10,
      budget: { maxPrefixChars: 4, maxSuffixChars: 3 },
      expected: { prefix: '6789', suffix: 'abc' },
    },
    {
      name: 'the given end-of-line sequence joins the lines',
      doc: 'a\nb\nc',
      line: 1,
      character: 1,
      budget: roomy,
      eol: '\r\n',
      expected: { prefix: 'a\r\nb', suffix: '\r\nc' },
    },
    {
      name: 'a cursor past the end of its line is treated as the end of the line',
      doc: 'ab\ncd',
      line: 0,
      character: 99,
      budget: roomy,
      expected: { prefix: 'ab', suffix: '\ncd' },
    },
    {
      name: 'a cursor below the last line is treated as being on the last line',
      doc: 'ab\ncd',
      line: 7,
      character: 1,
      budget: roomy,
      expected: { prefix: 'ab\nc', suffix: 'd' },
    },
    {
      name: 'a zero budget gives empty context',
      doc: 'ab\ncd',
      line: 0,
      character: 1,
      budget: { maxPrefixChars: 0, maxSuffixChars: 0 },
      expected: { prefix: '', suffix: '' },
    },
    {
      name: 'a cut never leaves half of a surrogate pair at the far end',
      doc: '😀😀😀',
      line: 0,
      character: 2,
      budget: { maxPrefixChars: 1, maxSuffixChars: 3 },
      expected: { prefix: '', suffix: '😀' },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = extractContext(lines(c.doc), { line: c.line, character: c.character }, c.budget, c.eol);
      assert.deepEqual(result, c.expected);
    });
  }

  it('an empty document gives empty context', () => {
    const empty = new CountingLines([]);
    assert.deepEqual(extractContext(empty, { line: 0, character: 0 }, roomy), {
      prefix: '',
      suffix: '',
    });
  });

  it('reads only the lines within the budget of a 200,000-line document', () => {
    const doc = new CountingLines(Array.from({ length: 200_000 }, (_, i) => `const value${i} = ${i};`));
    const budget = { maxPrefixChars: 2000, maxSuffixChars: 500 };
    const result = extractContext(doc, { line: 100_000, character: 6 }, budget);
    const lineLength = 'const value100000 = 100000;\n'.length;
    assert.ok(result.prefix.length <= 2000 && result.prefix.length > 2000 - lineLength);
    assert.ok(result.suffix.length <= 500 && result.suffix.length > 500 - lineLength);
    const keptLines = result.prefix.split('\n').length + result.suffix.split('\n').length - 1;
    assert.ok(doc.reads <= keptLines + 2, `read ${doc.reads} lines to keep ${keptLines}`);
  });
});
