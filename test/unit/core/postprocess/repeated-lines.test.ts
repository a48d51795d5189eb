import * as assert from 'node:assert/strict';
import { cutRepeatedLines, indexOfLoopingRepeat, RepeatedLineDetector } from '../../../../src/core/postprocess/repeated-lines';
import { at, runFilterCases, type FilterCase } from './cases';

describe('cutRepeatedLines', () => {
  const cases: FilterCase[] = [
    { name: 'keeps one copy of a line repeated three times in a row', input: 'a()\nlog(x)\nlog(x)\nlog(x)\nb()', ctx: at(''), expected: 'a()\nlog(x)' },
    { name: 'keeps a line repeated only twice', input: 'x += 1\nx += 1\ny()', ctx: at(''), expected: 'x += 1\nx += 1\ny()' },
    { name: 'keeps repeats that are not in a row', input: 'a\nb\na\nb\na\nb', ctx: at(''), expected: 'a\nb\na\nb\na\nb' },
    { name: 'treats the same text at different indentation as different lines', input: '}\n  }\n    }', ctx: at(''), expected: '}\n  }\n    }' },
    { name: 'ignores trailing spaces when comparing lines', input: 'x\ny \ny\ny  \nz', ctx: at(''), expected: 'x\ny ' },
    { name: 'leaves runs of blank lines to the blank-line filters (blank lines never make a loop)', input: 'a\n\n\n\n\nb', ctx: at(''), expected: 'a\n\n\n\n\nb' },
    { name: 'cuts a completion that is one line repeated from its start', input: 'z\nz\nz', ctx: at(''), expected: 'z' },
  ];
  runFilterCases(cutRepeatedLines, cases);
});

function feed(pieces: string[]): RepeatedLineDetector {
  const detector = new RepeatedLineDetector();
  for (const piece of pieces) if (detector.push(piece)) break;
  return detector;
}

describe('RepeatedLineDetector on streamed text', () => {
  it('sees the same line three times in a row and cuts after its first copy', () => {
    assert.equal(feed(['a\nb\n  }\n  }\n  }\n  }\n']).cutAt, 'a\nb\n  }\n'.length);
  });

  it('finds a loop whose lines arrive split across pieces', () => {
    assert.equal(feed(['x = 1\nret', 'urn x\nret', 'urn x\nreturn', ' x\nmore']).cutAt, 'x = 1\nreturn x\n'.length);
  });

  it('leaves alone two repeats, blank lines and lines that differ', () => {
    assert.equal(feed(['}\n}\n{\n}\n}\n']).cutAt, undefined);
    assert.equal(feed(['para\n\n\n\n\nnext\n']).cutAt, undefined);
    assert.equal(feed(['a\nb\nc\nd\n']).cutAt, undefined);
  });

  it('agrees with the whole-text filter and the line finder on where a loop starts', () => {
    const text = 'if x:\n  go()\n  go()\n  go()\ndone';
    assert.equal(cutRepeatedLines(text, { prefix: '', suffix: '', multiline: true }), 'if x:\n  go()');
    assert.equal(indexOfLoopingRepeat(text.split('\n')), 2);
    assert.equal(feed([text]).repeatLine, 2);
  });
});
