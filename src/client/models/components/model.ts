import { isObject, optionalString, ShapeMismatch } from './shape';

/** One entry of `GET /models`. */
export interface Model {
  id: string;
  ownedBy?: string;
}

/** The body of `GET /models`. */
export interface ListModelsResponse {
  data: Model[];
}

/** Maps the wire list; entries without a string `id` are an error, extra fields are ignored. */
export function listModelsResponseFromWire(raw: unknown): ListModelsResponse {
  if (!isObject(raw) || !Array.isArray(raw.data)) throw new ShapeMismatch('the body has no "data" array');
  return {
    data: raw.data.map((entry, position) => {
      if (!isObject(entry) || typeof entry.id !== 'string') throw new ShapeMismatch(`data[${position}] has no string "id"`);
      const ownedBy = optionalString(entry.owned_by);
      return ownedBy === undefined ? { id: entry.id } : { id: entry.id, ownedBy };
    }),
  };
}
