import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ConnectionError, ResponseValidationError, SDKError } from '../../../src/client';
import { scrubCause } from '../../../src/client/lib/redact';
import { toClientError } from '../../../src/client/lib/transporterrors';
import { collect, rejectionOf, sendJson, startClientFixture, type ClientFixture } from './fixtures';
import type { IncomingMessage, ServerResponse } from 'node:http';

const key = 'sk-secret-0123456789abcdef';

/** Every place an error could show the key: message, fields, cause chain, inspect and JSON output. */
function assertKeyAbsent(err: unknown): void {
  const seen: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    seen.push(current.message, current.stack ?? '', inspect(current, { depth: 10 }), JSON.stringify(current) ?? '');
    current = current.cause;
  }
  for (const text of seen) assert.ok(!text.includes(key), `key leaked in: ${text.slice(0, 300)}`);
}

describe('client: the API key never appears in errors', () => {
  let fixture: ClientFixture;
  let reply: (req: IncomingMessage, res: ServerResponse) => void;
  beforeEach(async () => {
    fixture = await startClientFixture((req, res) => reply(req, res), { apiKeyAuth: async () => key });
  });
  afterEach(() => fixture.stop());

  it('redacts the key from a JSON error that echoes the Authorization header', async () => {
    reply = (req, res) =>
      sendJson(res, 401, { error: { message: `Invalid header: ${req.headers.authorization}` } }, { 'x-echo': `${req.headers.authorization}` });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof SDKError);
    assert.equal(err.message, 'API error 401: Invalid header: Bearer [redacted]');
    assert.ok(!err.body.includes(key));
    assert.ok(!JSON.stringify(err.headers).includes(key));
    assertKeyAbsent(err);
  });

  it('redacts the key from a plain-text error body', async () => {
    reply = (req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`bad request; headers were ${JSON.stringify(req.headers)}`);
    };
    assertKeyAbsent(await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' })));
  });

  it('redacts the key from an invalid 2xx body', async () => {
    reply = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`not json ${req.headers.authorization}`);
    };
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof ResponseValidationError);
    assertKeyAbsent(err);
  });

  it('redacts the key from an error event inside a stream', async () => {
    reply = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify({ error: { message: `key ${req.headers.authorization} revoked` } })}\n\n`);
    };
    const err = await rejectionOf(collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x' })));
    assert.ok(err instanceof SDKError);
    assertKeyAbsent(err);
  });


  /** The key as a JSON string literal with every character escaped: no plain search finds it, any JSON reader does. */
  const escapedKey = [...key].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const errorBodyEchoingEscapedKey = `{"error": {"message": "invalid key ${escapedKey}", "param": "${escapedKey}"}}`;

  /** What the user could see of an SDK error: message, body, details, and all of it as JSON. */
  function assertEscapedKeyAbsent(err: SDKError): void {
    assertKeyAbsent(err);
    for (const text of [err.body, JSON.stringify(err.details) ?? '', err.message]) {
      const unescaped = text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      assert.ok(!unescaped.includes(key), `key leaked in: ${text.slice(0, 300)}`);
    }
  }

  it('redacts a key echoed with JSON \\u escapes from the message, details and body of a 401', async () => {
    reply = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(errorBodyEchoingEscapedKey);
    };
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof SDKError, String(err));
    assert.equal(err.message, 'API error 401: invalid key [redacted]');
    assert.equal(err.details?.param, '[redacted]');
    assertEscapedKeyAbsent(err);
  });

  it('redacts an escaped key from an error object sent with status 200', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(errorBodyEchoingEscapedKey);
    };
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof SDKError, String(err));
    assert.equal(err.message, 'API error 200: invalid key [redacted]');
    assertEscapedKeyAbsent(err);
  });

  it('redacts an escaped key from an error event inside a stream', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${errorBodyEchoingEscapedKey}\n\n`);
    };
    const err = await rejectionOf(collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x' })));
    assert.ok(err instanceof SDKError, String(err));
    assertEscapedKeyAbsent(err);
  });

  it('redacts an escaped key from the body of an error that was cut short', async () => {
    reply = (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(`{"error": {"message": "invalid key ${escapedKey}", "trace": "${'x'.repeat(100 * 1024)}"}}`);
    };
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof SDKError, String(err));
    assertEscapedKeyAbsent(err);
  });

  it('redacts an escaped key from the body of a 2xx that is not a completion', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"echo": "${escapedKey}"}`);
    };
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof ResponseValidationError, String(err));
    assert.ok(!err.body.includes(escapedKey.slice(0, 24)), err.body);
    assert.ok(!err.body.includes(key), err.body);
  });
});

describe('client: transport errors that mention the key', () => {
  it('redacts the key from a connection error message and its whole cause chain', () => {
    const inner = Object.assign(new Error(`proxy said: bad credentials Bearer ${key}`), { code: 'ECONNRESET' });
    const outer = new Error(`request failed for ${key}`, { cause: inner });
    const err = toClientError(outer, { callerSignal: undefined, timeoutMs: 1000, apiKey: key });
    assert.ok(err instanceof ConnectionError);
    assert.match(err.message, /\[redacted\]/);
    assertKeyAbsent(err);
  });

  it('keeps the code of a scrubbed cause, so callers can still tell failures apart', () => {
    const cause = scrubCause(Object.assign(new Error(`refused ${key}`), { code: 'ECONNREFUSED' }), key) as Error & { code?: string };
    assert.equal(cause.code, 'ECONNREFUSED');
    assert.equal(cause.message, 'refused [redacted]');
  });
});
