import { createCompletionResponseFromWire, type CreateCompletionStreamChunk } from '../models/components/createcompletionresponse';
import { IncompleteStreamError } from '../models/errors/httpclienterrors';
import { ResponseValidationError } from '../models/errors/responsevalidationerror';
import type { ClientContext } from './config';
import { describeBody, errorInBody, openResponse, parseBody, type RequestOptions, type RequestSpec } from './http';
import { readTextUpTo, sseEventCharLimit, successBodyReadLimit } from './body';
import { toClientError } from './transporterrors';
import { EventTooLargeError, SseParser, type ServerSentEvent } from './sse';

/**
 * Sends a streaming request (retrying only until a 2xx arrives) and yields its chunks until
 * `data: [DONE]`. Returning early (a `break` in for-await) or an abort destroys the body, which closes
 * the connection. The call's timeout covers the whole stream, to its last byte. No event may pass
 * {@link sseEventCharLimit} and the whole stream {@link successBodyReadLimit} bytes; each choice's
 * index must be below `choiceCount`.
 */
export async function* completionChunks(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions,
  choiceCount: number,
): AsyncGenerator<CreateCompletionStreamChunk, void, undefined> {
  const { body, attempt, httpMeta } = await openResponse(context, spec, options);
  const parser = new SseParser(sseEventCharLimit);
  const describe = describeBody(httpMeta, attempt.apiKey);
  const toCompletion = (json: unknown) => createCompletionResponseFromWire(json, choiceCount);
  const tooLarge = (problem: string) =>
    new ResponseValidationError(`Unexpected response (HTTP ${describe.statusCode}): ${problem}`, { statusCode: describe.statusCode, contentType: describe.contentType, body: '' });
  // Servers report failures after a 200 as an `error` event or as `data: {"error": {...}}` (parseBody's case).
  const toChunk = (event: ServerSentEvent): CreateCompletionStreamChunk => {
    if (event.event === 'error') throw errorInBody(event.data, describe, 'API error in stream');
    return parseBody(event.data, toCompletion, describe, 'API error in stream');
  };
  try {
    if (/^(application\/(.+\+)?json|text\/html)/i.test(describe.contentType)) {
      // Some servers ignore `stream: true` and answer with the whole completion: that is one chunk.
      // An HTML page (a proxy's login, a portal) fails here as what it is: not a completion.
      const { text, complete } = await readTextUpTo(body, successBodyReadLimit);
      if (!complete) throw tooLarge(`the response body is larger than ${successBodyReadLimit} bytes`);
      yield parseBody(text, toCompletion, describe);
      return;
    }
    let received = 0;
    for await (const bytes of body as AsyncIterable<Uint8Array>) {
      received += bytes.length;
      if (received > successBodyReadLimit) throw tooLarge(`the event stream is longer than ${successBodyReadLimit} bytes`);
      for (const event of parser.push(bytes)) {
        if (event.data === '[DONE]') return;
        yield toChunk(event);
      }
    }
    // A final "[DONE]" without its blank line still counts; a half-received chunk does not.
    if (parser.end().some((event) => event.data === '[DONE]')) return;
    throw new IncompleteStreamError('The stream ended before the server sent [DONE]');
  } catch (err) {
    if (err instanceof EventTooLargeError) throw tooLarge(`in the event stream, ${err.message}`);
    throw toClientError(err, attempt);
  } finally {
    body.destroy();
  }
}
