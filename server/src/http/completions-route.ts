import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../api-error';
import type { CompletionModel } from '../engine/completion-model';
import type { CompletionRequest } from '../engine/completion-request';
import { preparePrompts } from '../engine/prepare-prompts';
import { runCompletion, type ChoiceChunk } from '../engine/run-completion';
import type { FifoLock } from './fifo-lock';
import { parseCompletionRequest } from './parse-completion-request';
import { parseJsonBody, readBody } from './read-body';
import { sendJson } from './responses';

/** What the completions route needs from the server. */
export interface CompletionsContext {
  readonly model: CompletionModel;
  readonly turns: FifoLock;
  readonly fingerprint: string;
}

/**
 * POST /v1/completions: validates, waits its turn for the model (first come, first served),
 * then answers as JSON or as server-sent events. A client that disconnects stops its generation.
 */
export async function handleCompletions(context: CompletionsContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = parseJsonBody(await readBody(request));
  const requestedModel = (body as { model?: unknown } | null)?.model;
  if (typeof requestedModel === 'string' && requestedModel !== context.model.id) {
    throw new ApiError(404, `The model \`${requestedModel}\` does not exist. This server serves \`${context.model.id}\`.`, 'model', 'model_not_found');
  }
  const completion = parseCompletionRequest(body);
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
  const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  const usageField = completion.includeUsage ? { usage: null } : {};
  const result = await runCompletion(context.model, completion, prompts, seed, signal, (chunk: ChoiceChunk) => {
    if (chunk.text === '' && chunk.finishReason === null && (chunk.logprobs?.tokens.length ?? 0) === 0) return;
    send({ ...header, choices: [{ text: chunk.text, index: chunk.index, logprobs: chunk.logprobs, finish_reason: chunk.finishReason }], ...usageField });
  });
  if (completion.includeUsage) send({ ...header, choices: [], usage: result.usage });
  response.end('data: [DONE]\n\n');
}
