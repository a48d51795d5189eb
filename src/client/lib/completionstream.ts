import { createCompletionResponseFromWire, type CreateCompletionStreamChunk } from '../models/components/createcompletionresponse';
import { IncompleteStreamError } from '../models/errors/httpclienterrors';
import type { ClientContext } from './config';
import { contentTypeOf, openResponse, parseBody, type RequestOptions, type RequestSpec } from './http';
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
  const toChunk = (event: ServerSentEvent): CreateCompletionStreamChunk => {
    const details = event.event === 'error' || event.data.includes('"error"') ? apiErrorDetails(event.data) : undefined;
    if (details !== undefined) {
      throw sdkErrorFromBody(httpMeta.response.status, httpMeta.response.headers, event.data, apiKey, 'API error in stream');
    }
    return parseBody(event.data, createCompletionResponseFromWire, describe);
  };
  try {
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
