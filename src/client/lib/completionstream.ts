import { createCompletionResponseFromWire, type CreateCompletionStreamChunk } from '../models/components/createcompletionresponse';
import { IncompleteStreamError } from '../models/errors/httpclienterrors';
import { contentTypeOf, parseBody, type OpenResponse } from './http';
import { apiErrorDetails, sdkErrorFromBody } from './errorresponse';
import { SseParser, type ServerSentEvent } from './sse';

/**
 * Yields the chunks of an open event-stream response until `data: [DONE]`. Returning early (a `break`
 * in for-await) or an abort destroys the body, which closes the connection; each chunk restarts the
 * attempt's timeout so it limits idle time, not the length of the whole stream.
 */
export async function* completionChunks(response: OpenResponse): AsyncGenerator<CreateCompletionStreamChunk, void, undefined> {
  const { body, attempt, apiKey, httpMeta } = response;
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
      attempt.restartTimer();
      for (const event of parser.push(bytes)) {
        if (event.data === '[DONE]') return;
        yield toChunk(event);
      }
    }
    // A final "[DONE]" without its blank line still counts; a half-received chunk does not.
    if (parser.end().some((event) => event.data === '[DONE]')) return;
    throw new IncompleteStreamError('The stream ended before the server sent [DONE]');
  } catch (err) {
    throw attempt.toError(err, apiKey);
  } finally {
    attempt.finish();
    body.destroy();
  }
}
