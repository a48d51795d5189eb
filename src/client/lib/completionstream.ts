import { createCompletionResponseFromWire, type CreateCompletionStreamChunk } from '../models/components/createcompletionresponse';
import { isObject } from '../models/components/shape';
import { IncompleteStreamError } from '../models/errors/httpclienterrors';
import type { SDKError } from '../models/errors/sdkerror';
import type { ClientContext } from './config';
import { contentTypeOf, openResponse, parseBody, type RequestOptions, type RequestSpec } from './http';
import { readTextUpTo, successBodyReadLimit } from './body';
import { apiErrorDetails, sdkErrorFromBody } from './errorresponse';
import { toClientError } from './transporterrors';
import { SseParser, type ServerSentEvent } from './sse';

/**
 * Sends a streaming request (retrying only until a 2xx arrives) and yields its chunks until
 * `data: [DONE]`. Returning early (a `break` in for-await) or an abort destroys the body, which closes
 * the connection. The timeout (undici's bodyTimeout) limits idle time between reads, not the length
 * of the whole stream.
 */
export async function* completionChunks(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions,
): AsyncGenerator<CreateCompletionStreamChunk, void, undefined> {
  const { body, attempt, httpMeta } = await openResponse(context, spec, options);
  const apiKey = attempt.apiKey;
  const parser = new SseParser();
  const describe = { statusCode: httpMeta.response.status, contentType: contentTypeOf(httpMeta), apiKey };
  // Servers report failures after a 200 as an `error` event or as `data: {"error": {...}}`.
  const streamError = (data: string): SDKError => {
    const code = apiErrorDetails(data)?.code;
    const status = typeof code === 'number' && code >= 400 && code <= 599 ? code : httpMeta.response.status;
    return sdkErrorFromBody(status, httpMeta.response.headers, data, apiKey, 'API error in stream');
  };
  const toChunk = (event: ServerSentEvent): CreateCompletionStreamChunk => {
    if (event.event === 'error') throw streamError(event.data);
    return parseBody(
      event.data,
      (json) => {
        if (isObject(json) && json.error != null && !Array.isArray(json.choices)) throw streamError(event.data);
        return createCompletionResponseFromWire(json);
      },
      describe,
    );
  };
  try {
    if (/^(application\/(.+\+)?json|text\/html)/i.test(describe.contentType)) {
      // Some servers ignore `stream: true` and answer with the whole completion: that is one chunk.
      // An HTML page (a proxy's login, a portal) fails here as what it is: not a completion.
      const { text, complete } = await readTextUpTo(body, successBodyReadLimit);
      if (!complete) throw new IncompleteStreamError('The response body was larger than the client accepts');
      yield parseBody(text, createCompletionResponseFromWire, describe);
      return;
    }
    for await (const bytes of body as AsyncIterable<Uint8Array>) {
      for (const event of parser.push(bytes)) {
        if (event.data === '[DONE]') return;
        yield toChunk(event);
      }
    }
    // A final "[DONE]" without its blank line still counts; a half-received chunk does not.
    if (parser.end().some((event) => event.data === '[DONE]')) return;
    throw new IncompleteStreamError('The stream ended before the server sent [DONE]');
  } catch (err) {
    throw toClientError(err, attempt);
  } finally {
    body.destroy();
  }
}
