import * as assert from 'node:assert/strict';
import { CompletionCache } from '../../../src/core/cache';
import { continueProcessed, postProcess, type CompletionContext } from '../../../src/core/postprocess';

// A suggestion is cleaned up once, for the position it was asked at, and cached as shown; typing into it
// shows what is left of it. The rows are the samples (an always-right model; the user types the
// indentation by hand while the suggestion shows) and a Python comment two spaces after the code.

const RUST = 'impl Board {\n    fn parse(text: &str) -> Board {\n        let width = text.lines().next().map_or(0, str::len);\n'
  + '        for line in text.lines() {\n';

interface Row {
  name: string;
  /** The text before the cursor when the request was sent, and after it. */
  prefix: string;
  suffix?: string;
  /** The model's answer. */
  answer: string;
  /** What the user typed since, each key of it. */
  typed: string;
}

const rows: Row[] = [
  { name: 'each space typed into an 8-space indent takes one space off the suggestion', prefix: 'impl Board {\n    fn parse(text: &str) -> Board {\n', answer: '        let mut cells = Vec::new();\n', typed: '      ' },
  { name: 'each space typed into a 12-space indent takes one space off the suggestion', prefix: RUST, answer: '            if row.len() != width {\n', typed: '           ' },
  { name: 'an indent three steps deeper than the line above keeps its spaces while typed', prefix: 'fn total() -> u32 {\n    let sum = add(\n', answer: '                first,\n                second);\n', typed: '          ' },
  { name: 'typing the code before a comment keeps the two spaces before the #', prefix: 'def f():\n', answer: '    total = 0  # running sum\n', typed: '    total = 0 ' },
];

describe('Typing into a suggestion', () => {
  for (const row of rows) {
    it(row.name, () => {
      const suffix = row.suffix ?? '';
      const cache = new CompletionCache();
      const shown = postProcess(row.answer, context(row.prefix, suffix)).text;
      cache.set(row.prefix, suffix, [shown]);
      for (let typed = 1; typed <= row.typed.length; typed++) {
        const prefix = row.prefix + row.typed.slice(0, typed);
        const hit = cache.findByLongestPrefix(prefix, suffix);
        assert.ok(hit, `no cached suggestion after typing ${JSON.stringify(row.typed.slice(0, typed))}`);
        const rest = continueProcessed(hit.completions[0]!, context(prefix, suffix)).text;
        assert.equal(rest, shown.slice(typed), `after typing ${JSON.stringify(row.typed.slice(0, typed))}`);
      }
    });
  }

  it('shows nothing once only the line break after the typed line is left', () => {
    assert.equal(continueProcessed('\n', context('x = 1', '')).text, '');
  });

  it('decides anew which auto-closed characters the rest replaces', () => {
    assert.deepEqual(continueProcessed('b)', { prefix: 'f(a, ', suffix: ')', multiline: false }), { text: 'b)', replaceSuffixChars: 1 });
  });
});

function context(prefix: string, suffix: string): CompletionContext {
  return { prefix, suffix, multiline: true };
}
