import { createHash, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import { ApiError } from '../api-error';
import type { CompletionModel } from '../engine/completion-model';
import { GenerationAborted } from '../engine/generate-choice';
import { longestTokenBytes } from '../engine/prompt-bound';
import { ClientStalled, handleCompletions } from './completions-route';
import { FifoLock, WaitAborted } from './fifo-lock';
import { checkRequestOrigin } from './request-origin';
import { sendError, sendJson } from './responses';

/** How the HTTP server is set up. */
export interface ServerOptions {
  /** The id clients send as `model` and `GET /v1/models` lists. */
  readonly modelId: string;
  /** The model, still loading while this promise is pending (requests then get 503). */
  readonly model: Promise<CompletionModel>;
  /** When set, every /v1 request needs `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string;
  /** Where cancelled requests and unexpected failures are reported. */
  readonly log?: (message: string) => void;
  /** The address the server listens on: requests may name it as `Host` besides loopback names (default 127.0.0.1). */
  readonly listenHost?: string;
  /** Limits on slow and idle clients; each defaults to DEFAULT_TIMEOUTS. */
  readonly timeouts?: Partial<ServerTimeouts>;
}

/** How long the server waits on a client, in milliseconds. */
export interface ServerTimeouts {
  /** From connecting to the end of the request headers. */
  readonly headersMs: number;
  /** From connecting to the end of the request body. */
  readonly requestMs: number;
  /** An idle keep-alive connection between requests. */
  readonly keepAliveMs: number;
  /** A streaming client that reads nothing while the server has more to send. */
  readonly writeStallMs: number;
  /** How often the header and request deadlines are checked. */
  readonly checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, writeStallMs: 30_000, checkIntervalMs: 1_000 };

const ROUTES: Record<string, readonly string[]> = {
  '/health': ['GET'],
  '/v1/models': ['GET'],
  '/v1/completions': ['POST'],
};

/** An OpenAI-style legacy Completions server for one model (not yet listening). */
export function createCompletionServer(options: ServerOptions): http.Server {
  let model: CompletionModel | undefined;
  let tokenBytes = 1;
  let loadFailure: Error | undefined;
  options.model.then((loaded) => {
    tokenBytes = longestTokenBytes(loaded);
    model = loaded;
  }, (error: Error) => { loadFailure = error; });
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const listenHost = options.listenHost ?? '127.0.0.1';
  const turns = new FifoLock();
  const fingerprint = `fp_${createHash('sha256').update(options.modelId).digest('hex').slice(0, 10)}`;
  const created = Math.floor(Date.now() / 1000);
  const modelEntry = { id: options.modelId, object: 'model', created, owned_by: 'prompt-complete' };

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    checkRequestOrigin(request, listenHost);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
    const method = request.method ?? 'GET';
    const modelPath = path.startsWith('/v1/models/') ? '/v1/models/' : path;
    const allowed = ROUTES[modelPath] ?? (modelPath === '/v1/models/' ? ['GET'] : undefined);
    if (!allowed) throw new ApiError(404, `Unknown request URL: ${method} ${path}.`, null, 'unknown_url');
    if (!allowed.includes(method)) {
      throw new ApiError(405, `Method ${method} is not allowed for ${path}; use ${allowed.join(', ')}.`, null, 'method_not_allowed')
        .withHeaders({ Allow: allowed.join(', ') });
    }
    if (path === '/health') {
      if (model) return sendJson(response, 200, { status: 'ok', model: options.modelId });
      return sendJson(response, loadFailure ? 500 : 503, { status: loadFailure ? 'error' : 'loading' });
    }
    checkApiKey(request, options.apiKey);
    if (path === '/v1/models') return sendJson(response, 200, { object: 'list', data: [modelEntry] });
    if (modelPath === '/v1/models/') {
      const id = decodeModelId(path.slice('/v1/models/'.length));
      if (id !== options.modelId) throw new ApiError(404, `The model \`${id}\` does not exist.`, 'model', 'model_not_found');
      return sendJson(response, 200, modelEntry);
    }
    if (!model) {
      if (loadFailure) throw new ApiError(500, `The model failed to load: ${loadFailure.message}`);
      throw new ApiError(503, 'The model is still loading; try again in a moment.', null, 'model_loading').withHeaders({ 'Retry-After': '1' });
    }
    await handleCompletions({ model, longestTokenBytes: tokenBytes, turns, fingerprint, writeStallMs: timeouts.writeStallMs }, request, response);
  }

  const server = http.createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  }, (request, response) => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof ClientStalled) {
        options.log?.(`${request.method} ${request.url} stopped: ${error.message}`);
        response.destroy();
        return;
      }
      if (error instanceof GenerationAborted || error instanceof WaitAborted || (request.destroyed && !(error instanceof ApiError))) {
        options.log?.(`${request.method} ${request.url} cancelled: the client disconnected`);
        response.destroy();
        return;
      }
      if (error instanceof ApiError) {
        sendError(response, error);
        return;
      }
      options.log?.(`request failed: ${(error as Error)?.stack ?? error}`);
      sendError(response, new ApiError(500, 'The server had an error while processing your request.'));
    });
  });
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
}

function decodeModelId(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new ApiError(400, `The model id in the URL is not valid percent-encoding: ${encoded}`, 'model');
  }
}

function checkApiKey(request: http.IncomingMessage, apiKey: string | undefined): void {
  if (apiKey === undefined) return;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) {
    throw new ApiError(401, "You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'.", null, 'missing_api_key');
  }
  const given = createHash('sha256').update(match[1]).digest();
  const expected = createHash('sha256').update(apiKey).digest();
  if (!timingSafeEqual(given, expected)) throw new ApiError(401, 'Incorrect API key provided.', null, 'invalid_api_key');
}
