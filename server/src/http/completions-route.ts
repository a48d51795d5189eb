import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../api-error';
import type { CompletionModel } from '../engine/completion-model';
import type { CompletionRequest } from '../engine/completion-request';
import { GenerationAborted } from '../engine/generate-choice';
import { preparePrompts } from '../engine/prepare-prompts';
import { refuseCertainOverflow } from '../engine/prompt-bound';
import { runCompletion, type ChoiceChunk } from '../engine/run-completion';
import type { FifoLock } from './fifo-lock';
import { parseCompletionRequest } from './parse-completion-request';
import { parseJsonBody, readBody } from './read-body';
import { checkJsonContentType } from './request-origin';
import { sendJson } from './responses';

/** What the completions route needs from the server. */
export interface CompletionsContext {
  readonly model: CompletionModel;
  /** The model's longest token in bytes, for the context check made before tokenizing. */
  readonly longestTokenBytes: number;
  readonly turns: FifoLock;
  readonly fingerprint: string;
  /** How long a streaming client may leave what it was sent unread before it is dropped. */
  readonly writeStallMs: number;
}

/**
 * POST /v1/completions: validates, waits its turn for the model (first come, first served),
 * then answers as JSON or as server-sent events. A client that disconnects stops its generation; one
 * that stops reading pauses it, and is dropped after `writeStallMs`.
 */
export async function handleCompletions(context: CompletionsContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  checkJsonContentType(request);
  const body = parseJsonBody(await readBody(request));
  const requestedModel = (body as { model?: unknown } | null)?.model;
  if (typeof requestedModel === 'string' && requestedModel !== context.model.id) {
    throw new ApiError(404, `The model \`${requestedModel}\` does not exist. This server serves \`${context.model.id}\`.`, 'model', 'model_not_found');
  }
  const completion = parseCompletionRequest(body);
  refuseCertainOverflow(context.model, completion, context.longestTokenBytes);
  const prompts = preparePrompts(context.model, completion);

  const disconnected = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) disconnected.abort();
  });
  const release = await context.turns.acquire(disconnected.signal);
  try {
    const header = {
      id: `cmpl-${randomUUID().replace(/-/g, '')}`,
      object: 'text_completion',
      created: Math.floor(Date.now() / 1000),
      model: context.model.id,
      system_fingerprint: context.fingerprint,
    };
    const seed = completion.seed ?? Math.floor(Math.random() * 2 ** 32);
    if (completion.stream) {
      await streamCompletion(context, completion, prompts, seed, header, response, disconnected.signal);
    } else {
      const result = await runCompletion(context.model, completion, prompts, seed, disconnected.signal);
      sendJson(response, 200, {
        ...header,
        choices: result.choices.map((c) => ({ text: c.text, index: c.index, logprobs: c.logprobs, finish_reason: c.finishReason })),
        usage: result.usage,
      });
    }
  } finally {
    release();
  }
}

async function streamCompletion(
  context: CompletionsContext,
  completion: CompletionRequest,
  prompts: ReturnType<typeof preparePrompts>,
  seed: number,
  header: Record<string, unknown>,
  response: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  response.flushHeaders();
  // A client that does not read must not make the server buffer the whole generation: when the
  // socket's buffer is full, generation waits until it drains.
  const send = (data: unknown): Promise<void> | undefined =>
    response.write(`data: ${JSON.stringify(data)}\n\n`) ? undefined : drained(response, context.writeStallMs);
  const usageField = completion.includeUsage ? { usage: null } : {};
  const result = await runCompletion(context.model, completion, prompts, seed, signal, (chunk: ChoiceChunk) => {
    if (chunk.text === '' && chunk.finishReason === null && (chunk.logprobs?.tokens.length ?? 0) === 0) return undefined;
    return send({ ...header, choices: [{ text: chunk.text, index: chunk.index, logprobs: chunk.logprobs, finish_reason: chunk.finishReason }], ...usageField });
  });
  if (completion.includeUsage) await send({ ...header, choices: [], usage: result.usage });
  response.end('data: [DONE]\n\n');
}

/** Thrown when a streaming client left what it was sent unread for too long; its connection is closed. */
export class ClientStalled extends Error {
  constructor(readonly stallMs: number) {
    super(`the client read nothing for ${stallMs} ms`);
    this.name = 'ClientStalled';
  }
}

/** Resolves when the response can take more; rejects when the client leaves or reads nothing for `stallMs`. */
function drained(response: ServerResponse, stallMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      response.off('drain', onDrain).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => finish();
    const onClose = (): void => finish(new GenerationAborted());
    const timer = setTimeout(() => {
      finish(new ClientStalled(stallMs));
      response.destroy();
    }, stallMs);
    response.on('drain', onDrain).on('close', onClose);
  });
}
