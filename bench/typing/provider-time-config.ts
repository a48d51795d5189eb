/** What the launcher puts in the workspace folder for the provider-time script. */
export interface ProviderTimeConfig {
  serverUrl: string;
  resultsFile: string;
  calls: number;
}

/** The config's file name in the workspace folder. */
export const PROVIDER_TIME_CONFIG_FILE = 'provider-time.config.json';

/** Per-call wall times of one path at one document size, in milliseconds. */
export interface ProviderTiming {
  sizeLabel: string;
  documentChars: number;
  path: 'cache hit' | 'request';
  calls: number;
  medianMs: number;
  p90Ms: number;
  /** Calls that returned no suggestion (should be 0: every call is answered). */
  empty: number;
}
