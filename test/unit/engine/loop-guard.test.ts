import * as assert from 'node:assert/strict';
import { LoopGuard } from '../../../src/engine/loop-guard';

function feed(pieces: string[]): LoopGuard {
  const guard = new LoopGuard();
  for (const piece of pieces) if (guard.push(piece)) break;
  return guard;
}

describe('loop guard for streamed text', () => {
  it('sees the same line three times in a row and cuts after its first copy', () => {
    const text = 'a\nb\n  }\n  }\n  }\n  }\n';
    const guard = feed([text]);
    assert.equal(guard.cutAt, 'a\nb\n  }\n'.length);
  });

  it('finds a loop whose lines arrive split across pieces', () => {
    const guard = feed(['x = 1\nret', 'urn x\nret', 'urn x\nreturn', ' x\nmore']);
    assert.equal(guard.cutAt, 'x = 1\nreturn x\n'.length);
  });

  it('leaves alone two repeats, blank lines and lines that differ', () => {
    assert.equal(feed(['}\n}\n{\n}\n}\n']).cutAt, undefined);
    assert.equal(feed(['para\n\n\n\n\nnext\n']).cutAt, undefined);
    assert.equal(feed(['a\nb\nc\nd\n']).cutAt, undefined);
  });
});
