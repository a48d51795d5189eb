import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { ResponseValidationError } from '../../../src/client';
import { sseEventCharLimit, successBodyReadLimit } from '../../../src/client/lib/body';
import { EventTooLargeError, SseParser } from '../../../src/client/lib/sse';
import { withinDeadline } from '../../support/http-server';
import { collect, rejectionOf, startClientFixture, type ClientFixture } from './fixtures';

const encoder = new TextEncoder();

/** Writes `total` bytes made of `piece` repeated, waiting for each write to drain; stops when the client leaves. */
async function writeRepeated(res: ServerResponse, piece: Buffer, total: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (let written = 0; written < total && !res.destroyed; written += piece.length) {
    if (!res.write(piece)) await drainedOrClosed(res);
  }
  res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

describe('client: event streams are bounded', () => {
  let fixture: ClientFixture;
  let reply: (res: ServerResponse) => Promise<void>;
  beforeEach(async () => {
    fixture = await startClientFixture((_req, res) => reply(res));
  });
  afterEach(() => fixture.stop());

  const stream = () => collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x' }));

  it('refuses a data line that never ends once it passes the event limit, and hangs up', async () => {
    reply = (res) => writeRepeated(res, Buffer.concat([Buffer.from('data: '), Buffer.alloc(1024 * 1024, 'a')]), 2 * sseEventCharLimit);
    const err = await withinDeadline(rejectionOf(stream()), 10_000, 'the refusal');
    assert.ok(err instanceof ResponseValidationError, String(err));
    assert.match(err.message, /line is longer than/);
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'the connection closing');
  });

  it('refuses one event made of many data lines once its data passes the limit', async () => {
    reply = (res) => writeRepeated(res, Buffer.from(`data: ${'b'.repeat(64 * 1024)}\n`), 2 * sseEventCharLimit);
    const err = await withinDeadline(rejectionOf(stream()), 10_000, 'the refusal');
    assert.ok(err instanceof ResponseValidationError, String(err));
    assert.match(err.message, /event's data is longer than/);
  });

  it('refuses a stream longer than the body limit even when every line is short', async () => {
    reply = (res) => writeRepeated(res, Buffer.from(`: ${'c'.repeat(64 * 1024)}\n`), successBodyReadLimit + 4 * 1024 * 1024);
    const err = await withinDeadline(rejectionOf(stream()), 15_000, 'the refusal');
    assert.ok(err instanceof ResponseValidationError, String(err));
    assert.match(err.message, /event stream is longer than/);
  });
});

describe('client: server-sent event parser limits', () => {
  it('throws EventTooLargeError for a line split over many pushes that passes the limit', () => {
    const parser = new SseParser(10);
    parser.push(encoder.encode('data: 12'));
    assert.throws(() => parser.push(encoder.encode('34567')), EventTooLargeError);
  });

  it('throws EventTooLargeError when the data lines of one event add up past the limit', () => {
    const parser = new SseParser(10);
    assert.throws(() => parser.push(encoder.encode('data: 1234\ndata: 5678\ndata: 90\n')), EventTooLargeError);
  });

  it('counts each event on its own: many small events are fine', () => {
    const parser = new SseParser(10);
    const events = parser.push(encoder.encode('data: 12345\n\n'.repeat(100)));
    assert.equal(events.length, 100);
  });
});
