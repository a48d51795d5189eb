/** Client for OpenAI-style legacy Completions servers, shaped like the generated SDK it mirrors. */
export { Gpt } from './sdk/sdk';
export { Completions } from './sdk/completions';
export { Models } from './sdk/models';
export type { GptOptions } from './lib/config';
export type { RequestOptions } from './lib/http';
export { defaultRetryConfig, type RetryConfig, type BackoffStrategy } from './lib/retries';
export {
  GptError,
  SDKError,
  ConnectionError,
  IncompleteStreamError,
  RequestTimeoutError,
  RequestAbortedError,
  ResponseValidationError,
  RequestValidationError,
  ApiKeyInRequestError,
  type ApiErrorDetails,
} from './models/errors';
export type {
  CreateCompletionRequest,
  CreateCompletionResponse,
  CreateCompletionStreamChunk,
  CompletionChoice,
  CompletionLogprobs,
  CompletionUsage,
  FinishReason,
  Model,
  ListModelsResponse,
} from './models/components';
export * as components from './models/components';
export * as operations from './models/operations';
export * as errors from './models/errors';
