import { listModelsResponseFromWire } from '../models/components/model';
import type { ListModelsResponse } from '../models/operations/listmodels';
import type { ClientContext } from '../lib/config';
import { requestJson, type RequestOptions } from '../lib/http';

/** The `/models` resource. */
export class Models {
  constructor(private readonly context: ClientContext) {}

  /**
   * Lists the models the server offers (`GET /models`).
   *
   * @example
   * const { listModelsResponse } = await gpt.models.listModels({ retries: { strategy: 'none' } });
   * const ids = listModelsResponse.data.map((model) => model.id);
   */
  async listModels(options: RequestOptions = {}): Promise<ListModelsResponse> {
    const { httpMeta, value } = await requestJson(
      this.context,
      { method: 'GET', path: '/models', accept: 'application/json' },
      options,
      listModelsResponseFromWire,
    );
    return { httpMeta, listModelsResponse: value };
  }
}
