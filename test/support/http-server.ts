import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the test server received it, body fully read. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Resolves when this request's socket closes (the client hung up or the server closed it). */
  socketClosed: Promise<void>;
}

/** Answers one request; it may reply at once, later (return a promise), or never. Return values are ignored. */
export type RequestHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  recorded: RecordedRequest,
) => unknown;

/** A running server on 127.0.0.1 with a fresh port. */
export interface TestHttpServer {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  url: string;
  /** Every request received so far, in order. */
  requests: RecordedRequest[];
  /** Stops the server and destroys every open connection. */
  close(): Promise<void>;
}

/** Starts a real node:http server on 127.0.0.1:0 that passes each request (body read) to `handler`. */
export async function startHttpServer(handler: RequestHandler): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  // One promise per socket: keep-alive sockets carry many requests, and a listener per request would pile up.
  const socketClosedPromises = new WeakMap<Socket, Promise<void>>();
  const server = http.createServer((request, response) => {
    const socketClosed = socketClosedPromises.get(request.socket) ?? Promise.resolve();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        socketClosed,
      };
      requests.push(recorded);
      Promise.resolve(handler(request, response, recorded)).catch((err: unknown) => {
        if (!response.headersSent) response.writeHead(599, { 'content-type': 'text/plain' });
        response.end(`test handler failed: ${String(err)}`);
      });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socketClosedPromises.set(socket, new Promise<void>((resolve) => socket.once('close', () => resolve())));
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Resolves with `promise`, or rejects if it takes longer than `ms` (a deadline, not a sleep). */
export function withinDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
