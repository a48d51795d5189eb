import * as assert from 'node:assert/strict';
import type { AddressInfo, Socket } from 'node:net';
import * as net from 'node:net';
import type * as http from 'node:http';
import type { CompletionModel } from '../../server/src/engine/completion-model';
import { createCompletionServer, type ServerTimeouts } from '../../server/src/http/create-server';
import { postCompletion } from './local-server';

/** A model whose every token stands for 16 KB of text, so a stream fills socket buffers fast; counts its steps. */
function bulkyModel(): CompletionModel & { steps: number } {
  const bulk = new Uint8Array(16 * 1024).fill(0x78);
  return {
    id: 'bulky', vocabSize: 4, contextSize: 1_000_000, beginToken: undefined, fim: undefined, steps: 0,
    isEndToken: () => false,
    tokenize: (text) => [...Buffer.from(text)].map(() => 1),
    tokenBytes: (token) => (token === 0 ? bulk : Uint8Array.of(0x61)),
    evaluate: async () => Float32Array.of(1, 0, 0, 0),
    async append() {
      this.steps++;
      return Float32Array.of(1, 0, 0, 0);
    },
    dispose: async () => {},
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves when the server closes `socket` (reading whatever it sent first). */
function closedByServer(socket: Socket): Promise<string> {
  let received = '';
  socket.on('data', (chunk: Buffer) => { received += chunk.toString('latin1'); });
  return new Promise((resolve) => socket.once('close', () => resolve(received)));
}

function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('local server: slow, idle and non-reading clients', function () {
  let server: http.Server;
  let model: ReturnType<typeof bulkyModel>;
  let port: number;
  const sockets: Socket[] = [];
  const timeouts: Partial<ServerTimeouts> = { headersMs: 300, requestMs: 600, keepAliveMs: 300, writeStallMs: 400, checkIntervalMs: 50 };

  beforeEach(async () => {
    model = bulkyModel();
    server = createCompletionServer({ modelId: 'bulky', model: Promise.resolve(model), timeouts });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('pauses a stream whose client reads nothing, drops it after the stall time, and serves the next request', async () => {
    const socket = await connect(port);
    sockets.push(socket);
    socket.pause(); // never reads a byte
    const body = JSON.stringify({ model: 'bulky', prompt: 'x', max_tokens: 4000, temperature: 0, stream: true });
    socket.write(`POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await waitFor(() => model.steps > 0, 5000, 'the generation to start');
    // The next request needs the model, which the stalled stream holds until it is dropped.
    const next = await postCompletion(`http://127.0.0.1:${port}/v1`, { model: 'bulky', prompt: 'y', max_tokens: 1 });
    assert.equal(next.status, 200);
    // 4000 tokens of 16 KB would be 64 MB held for a client that never reads; the socket buffers hold a few MB.
    assert.ok(model.steps < 1500, `generated ${model.steps} tokens for a client that read nothing`);
  });

  it('closes a connection that never finishes its headers', async () => {
    const socket = await connect(port);
    sockets.push(socket);
    const closed = closedByServer(socket);
    socket.write(`POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    assert.match(await closed, /^(HTTP\/1\.1 408|$)/);
  });

  it('closes a connection that opens and sends nothing', async () => {
    const socket = await connect(port);
    sockets.push(socket);
    await closedByServer(socket);
  });

  it('answers 408 and closes a request whose body stops arriving', async () => {
    const socket = await connect(port);
    sockets.push(socket);
    const closed = closedByServer(socket);
    socket.write(`POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"model":`);
    assert.match(await closed, /^HTTP\/1\.1 408/);
  });

  it('closes an idle keep-alive connection after its request', async () => {
    const socket = await connect(port);
    sockets.push(socket);
    const closed = closedByServer(socket);
    const started = Date.now();
    socket.write(`GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
    assert.match(await closed, /^HTTP\/1\.1 200/);
    // Node keeps a socket a second past keepAliveTimeout; its default alone would be 5 s.
    assert.ok(Date.now() - started < 3000, `closed after ${Date.now() - started} ms`);
  });
});
