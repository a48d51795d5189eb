import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { checkRequestOrigin } from '../../server/src/http/request-origin';
import { startLocalServer, type LocalServer } from './local-server';

/** One request with exactly these headers (fetch would not let a test set Host). */
function rawRequest(baseUrl: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: any; ms: number }> {
  const url = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: url.hostname,
      port: url.port,
      method: options.method ?? 'GET',
      path: `${url.pathname}${options.path ?? '/models'}`,
      headers: options.headers,
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, ms: Date.now() - started });
      });
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('local server: only this machine, only JSON', function () {
  let server: LocalServer;
  let port: string;
  before(async () => {
    server = await startLocalServer();
    port = new URL(server.baseUrl).port;
  });
  after(async () => server?.stop());

  const completion = (headers: Record<string, string>, body: unknown = { model: server.modelId, prompt: 'x', max_tokens: 1 }) =>
    rawRequest(server.baseUrl, { method: 'POST', path: '/completions', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('refuses a request whose Host is another name, as a rebinding page sends it, with 403', async () => {
    const response = await rawRequest(server.baseUrl, { headers: { Host: `rebind.example:${port}` } });
    assert.equal(response.status, 403);
    assert.equal(response.body.error.code, 'host_not_allowed');
    assert.equal(response.body.error.type, 'invalid_request_error');
  });

  it('refuses a completion for another Host name before generating anything', async () => {
    const response = await completion({ Host: `attacker.test:${port}`, 'Content-Type': 'application/json' });
    assert.equal(response.status, 403);
  });

  it('serves loopback Host names: localhost, 127.x.x.x and [::1]', async () => {
    for (const host of [`localhost:${port}`, 'localhost', `127.0.0.1:${port}`, `127.1.2.3:${port}`, `[::1]:${port}`]) {
      const response = await rawRequest(server.baseUrl, { headers: { Host: host } });
      assert.equal(response.status, 200, `Host: ${host}`);
    }
  });

  it('refuses a request from a web page of another site (its Origin) with 403', async () => {
    const response = await completion({ Origin: 'https://evil.example', 'Content-Type': 'application/json' });
    assert.equal(response.status, 403);
    assert.equal(response.body.error.code, 'origin_not_allowed');
  });

  it('refuses a text/plain POST, which a web page can send without a preflight, with 415', async () => {
    const response = await completion({ 'Content-Type': 'text/plain;charset=UTF-8' });
    assert.equal(response.status, 415);
    assert.equal(response.body.error.code, 'unsupported_media_type');
    assert.match(response.body.error.message, /application\/json/);
  });

  it('refuses a form POST and a POST with no content type with 415', async () => {
    assert.equal((await completion({ 'Content-Type': 'application/x-www-form-urlencoded' })).status, 415);
    assert.equal((await completion({})).status, 415);
  });

  it('accepts application/json with a charset', async () => {
    const response = await completion({ 'Content-Type': 'application/json; charset=utf-8' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.choices.length, 1);
  });

  it('answers an 8 MB prompt with the context-length 400 at once, without tokenizing it', async () => {
    const body = { model: server.modelId, prompt: 'let x = 1; '.repeat(727_000), max_tokens: 4 };
    const response = await completion({ 'Content-Type': 'application/json' }, body);
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'context_length_exceeded');
    assert.equal(response.body.error.param, 'prompt');
    assert.match(response.body.error.message, /maximum context length is \d+ tokens/);
    // Tokenizing it took about 6 s on the test machine; reading and parsing 8 MB takes a fraction of one.
    assert.ok(response.ms < 2000, `answered after ${response.ms} ms`);
  });

  it('still tokenizes and checks a prompt that might fit', async () => {
    const response = await completion({ 'Content-Type': 'application/json' }, { model: server.modelId, prompt: 'def f(x):\n', max_tokens: 2 });
    assert.equal(response.status, 200);
  });
});

describe('local server: which Host names are served', () => {
  const allowed = (host: string | undefined, listenHost: string, origin?: string): boolean => {
    const headers: Record<string, string> = {};
    if (host !== undefined) headers.host = host;
    if (origin !== undefined) headers.origin = origin;
    try {
      checkRequestOrigin({ headers } as unknown as IncomingMessage, listenHost);
      return true;
    } catch {
      return false;
    }
  };
  const cases: [string | undefined, string, boolean][] = [
    ['127.0.0.1:8012', '127.0.0.1', true],
    ['localhost.:8012', '127.0.0.1', true],
    ['LOCALHOST', '127.0.0.1', true],
    ['[::1]:8012', '127.0.0.1', true],
    [undefined, '127.0.0.1', true],
    ['evil.example', '127.0.0.1', false],
    ['127.0.0.1.nip.io:8012', '127.0.0.1', false],
    ['localhost.evil.example', '127.0.0.1', false],
    ['192.168.1.5:8012', '127.0.0.1', false],
    ['192.168.1.5:8012', '192.168.1.5', true],
    ['devbox:8012', 'devbox', true],
    ['192.168.1.5:8012', '0.0.0.0', true],
    ['[fe80::1]:8012', '::', true],
    ['rebind.example:8012', '0.0.0.0', false],
  ];
  for (const [host, listenHost, expected] of cases) {
    it(`${expected ? 'serves' : 'refuses'} Host ${host ?? '(none)'} when listening on ${listenHost}`, () => {
      assert.equal(allowed(host, listenHost), expected);
    });
  }

  it('serves a loopback Origin and refuses another site', () => {
    assert.equal(allowed('127.0.0.1:8012', '127.0.0.1', 'http://localhost:3000'), true);
    assert.equal(allowed('127.0.0.1:8012', '127.0.0.1', 'null'), true);
    assert.equal(allowed('127.0.0.1:8012', '127.0.0.1', 'https://evil.example'), false);
  });
});
