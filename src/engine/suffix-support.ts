import { FieldSupport, type KeyValueStore } from './field-support';

export type { KeyValueStore } from './field-support';

/**
 * Remembers which servers rejected the native `suffix` field, so `fim: "auto"` asks each such
 * server with a fill-in-the-middle template from then on instead of failing first every time.
 */
export class SuffixSupport extends FieldSupport {
  constructor(store?: KeyValueStore) {
    super('promptComplete.serversWithoutSuffix', store);
  }
}
