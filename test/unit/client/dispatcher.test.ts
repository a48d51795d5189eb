import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { Agent } from 'undici';
import { Gpt } from '../../../src/client';
import { startHttpServer, withinDeadline, type TestHttpServer } from '../../support/http-server';
import { noRetries, sendJson, wireCompletion } from './fixtures';

describe('client: connection pool ownership', () => {
  let server: TestHttpServer;
  beforeEach(async () => {
    server = await startHttpServer((_req, res) => sendJson(res, 200, wireCompletion()));
  });
  afterEach(() => server.close());

  it('close() closes the keep-alive connections the client opened', async () => {
    const gpt = new Gpt({ serverURL: server.url, retryConfig: noRetries });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    await withinDeadline(server.requests[0].socketClosed, 2000, 'server-side socket close');
  });

  it('sends through an injected dispatcher and leaves it open on close()', async () => {
    const agent = new Agent();
    let dispatched = 0;
    const counting = agent.compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    const gpt = new Gpt({ serverURL: server.url, retryConfig: noRetries, dispatcher: counting });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.equal(dispatched, 1);
    assert.equal(agent.closed, false);
    await agent.close();
  });
});

describe('client: proxy', () => {
  it('tunnels requests through the configured proxy', async () => {
    const target = await startHttpServer((_req, res) => sendJson(res, 200, wireCompletion('via proxy')));
    const tunnels: string[] = [];
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, clientSocket: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(clientSocket);
        clientSocket.pipe(upstream);
      });
      upstream.on('error', () => clientSocket.destroy());
      clientSocket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    const gpt = new Gpt({ serverURL: target.url, proxy: proxyUrl, retryConfig: noRetries });
    try {
      const { createCompletionResponse } = await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
      assert.equal(createCompletionResponse.choices[0].text, 'via proxy');
      assert.deepEqual(tunnels, [new URL(target.url).host]);
    } finally {
      await gpt.close();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await target.close();
    }
  });
});
