import {
  createCompletionRequestToWire,
  expectedChoiceCount,
  type CreateCompletionRequest,
} from '../models/components/createcompletionrequest';
import {
  createCompletionResponseFromWire,
  type CreateCompletionStreamChunk,
} from '../models/components/createcompletionresponse';
import { validateCreateCompletionRequest } from '../models/components/validaterequest';
import { RequestValidationError } from '../models/errors/requestvalidationerror';
import type { CreateCompletionResponse } from '../models/operations/createcompletion';
import { completionChunks } from '../lib/completionstream';
import type { ClientContext } from '../lib/config';
import { requestJson, type RequestOptions } from '../lib/http';

/** The `/completions` resource. */
export class Completions {
  constructor(private readonly context: ClientContext) {}

  /**
   * Creates a completion for the provided prompt and parameters. A choice whose `index` is not one the
   * request asked for (`n` per prompt) is a ResponseValidationError; so is a body past 64 MiB. An
   * `{"error": {...}}` body is an SDKError whatever the status. `timeoutMs` bounds the whole call.
   *
   * @example
   * const gpt = new Gpt({ apiKeyAuth: process.env.OPENAI_API_KEY });
   * const res = await gpt.completions.createCompletion({ model: 'gpt-3.5-turbo-instruct', prompt: 'def add(a, b):', maxTokens: 16 });
   * console.log(res.createCompletionResponse.choices[0].text);
   */
  async createCompletion(request: CreateCompletionRequest, options: RequestOptions = {}): Promise<CreateCompletionResponse> {
    validateCreateCompletionRequest(request);
    if (request.stream) throw new RequestValidationError('stream', 'must not be true here; use createCompletionStream');
    const body = JSON.stringify(createCompletionRequestToWire(request));
    const { httpMeta, value } = await requestJson(
      this.context,
      { method: 'POST', path: '/completions', body, accept: 'application/json', keyFree: extraFieldsText(request) },
      options,
      (json) => createCompletionResponseFromWire(json, expectedChoiceCount(request)),
    );
    return { httpMeta, createCompletionResponse: value };
  }

  /**
   * Streams a completion (sends `stream: true`): chunks arrive as the server produces them, ending at
   * `data: [DONE]`. The request is sent when iteration starts; `break` or aborting `signal` closes the
   * connection. A stream cut before `[DONE]` throws IncompleteStreamError, an error event SDKError; a
   * line or event past 16 MiB, a stream past 64 MiB or a choice index not asked for throws
   * ResponseValidationError. `timeoutMs` bounds the whole stream, to its last event.
   *
   * @example
   * for await (const chunk of gpt.completions.createCompletionStream({ model, prompt: 'Once upon', maxTokens: 32 }, { signal })) {
   *   process.stdout.write(chunk.choices[0]?.text ?? '');
   * }
   */
  createCompletionStream(request: CreateCompletionRequest, options: RequestOptions = {}): AsyncIterable<CreateCompletionStreamChunk> {
    validateCreateCompletionRequest(request);
    const body = JSON.stringify(createCompletionRequestToWire({ ...request, stream: true }));
    return completionChunks(this.context, { method: 'POST', path: '/completions', body, accept: 'text/event-stream', keyFree: extraFieldsText(request) }, options, expectedChoiceCount(request));
  }
}

/** The extra fields as sent: user-supplied text that may never carry the key. */
function extraFieldsText(request: CreateCompletionRequest): { field: string; text: string } | undefined {
  const extra = request.extraFields;
  if (!extra || Object.keys(extra).length === 0) return undefined;
  return { field: 'extraFields', text: JSON.stringify(extra) };
}
