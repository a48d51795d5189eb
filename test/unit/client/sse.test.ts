import * as assert from 'node:assert/strict';
import { SseParser, type ServerSentEvent } from '../../../src/client/lib/sse';

const encoder = new TextEncoder();

/** Feeds `pieces` to a fresh parser and returns every event, including those flushed at the end. */
function parse(pieces: Uint8Array[]): ServerSentEvent[] {
  const parser = new SseParser();
  const events = pieces.flatMap((piece) => parser.push(piece));
  return [...events, ...parser.end()];
}

function splitAt(bytes: Uint8Array, ...cuts: number[]): Uint8Array[] {
  const bounds = [0, ...cuts, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

const stream = 'data: {"choices":[{"text":"héllo wörld ✓ 🎉"}]}\n\n: keep-alive\n\nevent: note\ndata: line one\ndata: line two\n\ndata: [DONE]\n\n';
const expected: ServerSentEvent[] = [
  { event: 'message', data: '{"choices":[{"text":"héllo wörld ✓ 🎉"}]}' },
  { event: 'note', data: 'line one\nline two' },
  { event: 'message', data: '[DONE]' },
];

describe('client: server-sent event parser', () => {
  it('parses data events, names, comments and multi-line data', () => {
    assert.deepEqual(parse([encoder.encode(stream)]), expected);
  });

  it('gives the same events when the bytes are split at any single point, including inside UTF-8 characters', () => {
    const bytes = encoder.encode(stream);
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.deepEqual(parse(splitAt(bytes, cut)), expected, `split at byte ${cut}`);
    }
  });

  it('gives the same events when the bytes arrive one at a time', () => {
    const bytes = encoder.encode(stream);
    assert.deepEqual(parse(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))), expected);
  });

  it('splits a four-byte character across two writes without replacement characters', () => {
    const bytes = encoder.encode('data: 🎉\n\n');
    assert.deepEqual(parse(splitAt(bytes, 8)), [{ event: 'message', data: '🎉' }]);
  });

  it('accepts \\r\\n line endings, also when split between \\r and \\n', () => {
    const crlf = stream.replace(/\n/g, '\r\n');
    const bytes = encoder.encode(crlf);
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.deepEqual(parse(splitAt(bytes, cut)), expected, `split at byte ${cut}`);
    }
  });

  it('accepts bare \\r line endings', () => {
    assert.deepEqual(parse([encoder.encode(stream.replace(/\n/g, '\r'))]), expected);
  });

  it('takes "data:" without a space and a field with no colon', () => {
    assert.deepEqual(parse([encoder.encode('data:x\ndata\n\n')]), [{ event: 'message', data: 'x\n' }]);
  });

  it('ignores id and retry fields and events without data', () => {
    assert.deepEqual(parse([encoder.encode('id: 7\nretry: 100\n\nevent: ping\n\ndata: y\n\n')]), [{ event: 'message', data: 'y' }]);
  });

  it('returns an event whose closing blank line never came when the stream ends', () => {
    assert.deepEqual(parse([encoder.encode('data: [DONE]')]), [{ event: 'message', data: '[DONE]' }]);
  });

  it('stays linear when one long line arrives in many small pieces', () => {
    const line = `data: ${'z'.repeat(1_000_000)}\n\n`;
    const bytes = encoder.encode(line);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 16) }, (_, i) => bytes.subarray(i * 16, i * 16 + 16));
    const parser = new SseParser();
    const started = process.hrtime.bigint();
    const events = pieces.flatMap((piece) => parser.push(piece));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(events[0].data.length, 1_000_000);
    // Re-scanning the growing line per piece would be ~62,500 pieces x 500 KB on average: many seconds.
    assert.ok(elapsedMs < 1000, `took ${elapsedMs} ms`);
  });
});
