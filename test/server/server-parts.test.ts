import * as assert from 'node:assert/strict';
import { parseCliOptions } from '../../server/src/cli-options';
import { chooseToken, type SamplingSettings } from '../../server/src/engine/sampling';
import { tokenBytesTable } from '../../server/src/engine/token-bytes';
import { findStop, undecidedTailLength } from '../../server/src/engine/stop-sequences';
import { TokenTextBuilder, tokenDisplayText } from '../../server/src/engine/token-text';
import { FifoLock, WaitAborted } from '../../server/src/http/fifo-lock';

const greedy: SamplingSettings = { temperature: 0, topP: 1, presencePenalty: 0, frequencyPenalty: 0, logitBias: new Map() };

describe('local server parts', function () {
  it('finds the earliest stop sequence in new text', () => {
    assert.equal(findStop('abc END x STOP', ['STOP', 'END'], 0), 4);
    assert.equal(findStop('abcdef', ['xyz'], 0), undefined);
  });

  it('holds back text that could still become a stop sequence', () => {
    assert.equal(undecidedTailLength('return a\n', ['\n\n']), 1);
    assert.equal(undecidedTailLength('return a;', ['\n\n']), 0);
    assert.equal(undecidedTailLength('x </', ['</div>', '<']), 2);
  });

  it('grows text only by whole characters when a token ends inside one', () => {
    const builder = new TokenTextBuilder();
    const euro = Buffer.from('€', 'utf8');
    assert.equal(builder.push(euro.subarray(0, 2)), 0);
    assert.equal(builder.text, '');
    assert.equal(builder.push(euro.subarray(2)), 0);
    assert.equal(builder.text, '€');
  });

  it('shows a token that is not whole UTF-8 in the bytes: form', () => {
    assert.equal(tokenDisplayText(Uint8Array.of(0xe2, 0x82)), 'bytes:\\xe2\\x82');
    assert.equal(tokenDisplayText(Buffer.from(' ok')), ' ok');
  });

  it('picks the most likely token at temperature 0 and the top token when top_p is 0', () => {
    const logits = Float32Array.of(0.1, 2, 1.5);
    assert.equal(chooseToken(logits, greedy, new Map(), Math.random), 1);
    assert.equal(chooseToken(logits, { ...greedy, temperature: 1, topP: 0 }, new Map(), Math.random), 1);
  });

  it('penalises tokens by presence and frequency', () => {
    const logits = Float32Array.of(0, 1, 0.5);
    assert.equal(chooseToken(logits, { ...greedy, presencePenalty: 0.8 }, new Map([[1, 1]]), Math.random), 2);
    assert.equal(chooseToken(logits, { ...greedy, frequencyPenalty: 0.3 }, new Map([[1, 2]]), Math.random), 2);
    assert.equal(chooseToken(logits, { ...greedy, frequencyPenalty: 0.3 }, new Map([[1, 1], [2, 1]]), Math.random), 1);
  });

  it('reads token bytes from byte-level BPE and SentencePiece vocabularies', () => {
    const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
    assert.deepEqual(tokenBytesTable('bpe', ['\u0120foo', '\u010a', '<|endoftext|>'], [1, 1, 3]).map(text), [' foo', '\n', '<|endoftext|>']);
    assert.deepEqual(tokenBytesTable('spm', ['\u2581foo', '<0x0A>', '<s>'], [1, 6, 3]).map(text), [' foo', '\n', '<s>']);
  });

  it('hands out turns in arrival order and skips a waiter whose client left', async () => {
    const lock = new FifoLock();
    const order: string[] = [];
    const releaseFirst = await lock.acquire(new AbortController().signal);
    const leaving = new AbortController();
    const second = lock.acquire(leaving.signal);
    const third = lock.acquire(new AbortController().signal).then((release) => { order.push('third'); release(); });
    leaving.abort();
    await assert.rejects(second, WaitAborted);
    order.push('first');
    releaseFirst();
    await third;
    assert.deepEqual(order, ['first', 'third']);
  });

  it('reads --flag value and --flag=value, with defaults', () => {
    assert.deepEqual(
      { ...parseCliOptions(['--port=0', '--api-key', 'k', '--model', 'm.gguf']) },
      { port: 0, host: '127.0.0.1', modelPath: 'm.gguf', modelId: undefined, apiKey: 'k', contextSize: undefined, threads: 1, buildModelOnly: false, help: false },
    );
    assert.equal(parseCliOptions([]).port, 8012);
  });
});
