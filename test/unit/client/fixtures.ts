import type { ServerResponse } from 'node:http';
import { Gpt, type GptOptions, type RetryConfig } from '../../../src/client';
import { startHttpServer, type RequestHandler, type TestHttpServer } from '../../support/http-server';

/** Single attempt: tests of non-retry behaviour should not wait on backoff. */
export const noRetries: RetryConfig = { strategy: 'none' };

/** Backoff short enough that retry tests finish in milliseconds. */
export const quickRetries: RetryConfig = {
  strategy: 'backoff',
  backoff: { initialInterval: 1, maxInterval: 5, exponent: 1.5, maxElapsedTime: 5000 },
  retryConnectionErrors: true,
};

/** A minimal valid completion body on the wire. */
export function wireCompletion(text = 'Hello', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cmpl-1',
    object: 'text_completion',
    created: 1700000000,
    model: 'test-model',
    choices: [{ text, index: 0, finish_reason: 'stop', logprobs: null }],
    ...extra,
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** A test server plus a client pointed at its `/v1`; `stop()` closes both. */
export interface ClientFixture {
  server: TestHttpServer;
  gpt: Gpt;
  stop(): Promise<void>;
}

export async function startClientFixture(handler: RequestHandler, options: GptOptions = {}): Promise<ClientFixture> {
  const server = await startHttpServer(handler);
  const gpt = new Gpt({ apiKeyAuth: 'sk-test-key-123456', serverURL: `${server.url}/v1`, retryConfig: noRetries, ...options });
  return {
    server,
    gpt,
    stop: async () => {
      await gpt.close();
      await server.close();
    },
  };
}

/** Awaits `promise` expecting a rejection; returns the error (fails if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Collects every chunk of an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Polls `condition` on every turn of the event loop until it holds; fails after `deadlineMs`. */
export async function waitFor(condition: () => boolean, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
