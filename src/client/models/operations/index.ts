export type { HttpMeta } from './httpmeta';
export type { CreateCompletionResponse } from './createcompletion';
export type { ListModelsResponse } from './listmodels';
