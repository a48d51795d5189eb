import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import {
  ConnectionError,
  GptError,
  Gpt,
  ResponseValidationError,
  SDKError,
} from '../../../src/client';
import { noRetries, rejectionOf, sendJson, startClientFixture, type ClientFixture } from './fixtures';
import type { ServerResponse } from 'node:http';

type Reply = (response: ServerResponse) => void;

describe('client: error responses', () => {
  let fixture: ClientFixture;
  let reply: Reply;
  beforeEach(async () => {
    fixture = await startClientFixture((_req, res) => reply(res));
  });
  afterEach(() => fixture.stop());

  const failure = () => rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));

  it('throws SDKError carrying the server error.message, status, content type and body', async () => {
    const body = { error: { message: 'Invalid key', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } };
    reply = (res) => sendJson(res, 401, body);
    const err = await failure();
    assert.ok(err instanceof SDKError && err instanceof GptError);
    assert.equal(err.message, 'API error 401: Invalid key');
    assert.equal(err.statusCode, 401);
    assert.equal(err.contentType, 'application/json');
    assert.deepEqual(JSON.parse(err.body), body);
    assert.equal(err.details?.code, 'invalid_api_key');
    assert.equal(err.headers['content-type'], 'application/json');
  });

  it('summarises an HTML error page as text without tags', async () => {
    reply = (res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502</title><style>body{color:red}</style></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>');
    };
    const err = await failure();
    assert.ok(err instanceof SDKError);
    assert.equal(err.message, 'API error 502: 502 Bad Gateway nginx');
    assert.equal(err.contentType, 'text/html');
  });

  it('uses a plain-text body as the message', async () => {
    reply = (res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('model "m" not found');
    };
    assert.equal(((await failure()) as SDKError).message, 'API error 404: model "m" not found');
  });

  it('falls back to the status text when the body is empty', async () => {
    reply = (res) => {
      res.writeHead(503);
      res.end();
    };
    assert.equal(((await failure()) as SDKError).message, 'API error 503: Service Unavailable');
  });

  it('truncates a huge error body to a few KB without reading all of it', async () => {
    const page = `<html><body>${'x'.repeat(20 * 1024 * 1024)}</body></html>`;
    reply = (res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end(page);
    };
    const err = await failure();
    assert.ok(err instanceof SDKError);
    assert.ok(err.body.length < 8 * 1024, `body kept ${err.body.length} chars`);
    assert.ok(err.message.length < 300, `message has ${err.message.length} chars`);
  });

  it('throws ResponseValidationError with the body when a 2xx body is not JSON', async () => {
    reply = (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login page</html>');
    };
    const err = await failure();
    assert.ok(err instanceof ResponseValidationError);
    assert.equal(err.body, '<html>login page</html>');
    assert.equal(err.statusCode, 200);
    assert.match(err.message, /not JSON/);
  });

  it('throws ResponseValidationError when a 2xx JSON body has no choices array', async () => {
    reply = (res) => sendJson(res, 200, { id: 'x', choices: 'none' });
    const err = await failure();
    assert.ok(err instanceof ResponseValidationError);
    assert.match(err.message, /choices/);
  });

  it('throws SDKError with the server message for a 200 whose body is an error object', async () => {
    reply = (res) => sendJson(res, 200, { error: { message: 'quota exceeded', type: 'insufficient_quota' } });
    const err = await failure();
    assert.ok(err instanceof SDKError, String(err));
    assert.equal(err.statusCode, 200);
    assert.equal(err.message, 'API error 200: quota exceeded');
    assert.equal(err.details?.type, 'insufficient_quota');
  });

  it('takes the status from a numeric HTTP code of an error object in a 200 body', async () => {
    reply = (res) => sendJson(res, 200, { error: { message: 'slow down', code: 429 } });
    const err = await failure();
    assert.ok(err instanceof SDKError, String(err));
    assert.equal(err.statusCode, 429);
  });

  it('throws SDKError for a 200 error object answering listModels', async () => {
    reply = (res) => sendJson(res, 200, { error: 'models are not listed here' });
    const err = await rejectionOf(fixture.gpt.models.listModels());
    assert.ok(err instanceof SDKError, String(err));
    assert.equal(err.message, 'API error 200: models are not listed here');
  });

  it('truncates the body of a huge invalid 2xx response', async () => {
    reply = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"choices": ${'9'.repeat(2 * 1024 * 1024)}`);
    };
    const err = await failure();
    assert.ok(err instanceof ResponseValidationError);
    assert.ok(err.body.length < 8 * 1024);
  });

  it('parses a huge valid 2xx response', async () => {
    const text = 'y'.repeat(8 * 1024 * 1024);
    reply = (res) => sendJson(res, 200, { choices: [{ text, index: 0, finish_reason: 'length' }] });
    const { createCompletionResponse } = await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    assert.equal(createCompletionResponse.choices[0].text.length, text.length);
  });

  it('maps errors of listModels the same way', async () => {
    reply = (res) => sendJson(res, 403, { error: { message: 'Forbidden model list' } });
    const err = await rejectionOf(fixture.gpt.models.listModels());
    assert.ok(err instanceof SDKError);
    assert.equal(err.message, 'API error 403: Forbidden model list');
  });
});

describe('client: connection failures', () => {
  it('throws ConnectionError when nothing listens on the port', async () => {
    const port = await closedPort();
    const gpt = new Gpt({ serverURL: `http://127.0.0.1:${port}/v1`, retryConfig: noRetries });
    const err = await rejectionOf(gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    await gpt.close();
    assert.ok(err instanceof ConnectionError, String(err));
    assert.match(err.message, /ECONNREFUSED/);
    assert.ok(err.cause instanceof Error);
  });

  it('throws ConnectionError when the server drops the connection mid-response', async () => {
    const fixture = await startClientFixture((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"choices": [');
      res.socket?.destroy();
    });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    await fixture.stop();
    assert.ok(err instanceof ConnectionError, String(err));
  });
});

/** A port that was just free: bind, note it, release. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
