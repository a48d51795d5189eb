import type { CreateCompletionResponse as CompletionBody } from '../components/createcompletionresponse';
import type { HttpMeta } from './httpmeta';

/** The envelope `createCompletion` resolves to (the seed's `operations.CreateCompletionResponse`). */
export interface CreateCompletionResponse {
  httpMeta: HttpMeta;
  createCompletionResponse: CompletionBody;
}
