import type { ListModelsResponse as ModelsBody } from '../components/model';
import type { HttpMeta } from './httpmeta';

/** The envelope `listModels` resolves to. */
export interface ListModelsResponse {
  httpMeta: HttpMeta;
  listModelsResponse: ModelsBody;
}
