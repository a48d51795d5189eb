import { components } from '../client';
import { english, type Translate } from '../core/translate';

/** Most fields `promptComplete.extraRequestFields` may hold, and the most JSON they may take. */
const MAX_FIELDS = 32;
const MAX_JSON_CHARS = 8_000;

// Names that would carry a credential: the key has its own secure home (Set API Key).
// "token" alone is not one of them: llama.cpp's `timings_per_token` and vLLM's token options are not secrets.
const CREDENTIAL_WORDS = new Set(['key', 'apikey', 'authorization', 'auth', 'bearer', 'accesstoken', 'secret', 'password', 'passwd', 'credential', 'credentials']);

/**
 * True when a field name reads like a credential (`api_key`, `Authorization`, `access-token`,
 * `apiKey`, `key`). Fields about tokens stay allowed (`min_tokens`, `timings_per_token`).
 */
export function isCredentialFieldName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((word) => CREDENTIAL_WORDS.has(word))) return true;
  // Joined pairs written as separate words: "api key", "access token", "x api key".
  const joined = words.join('');
  return ['apikey', 'accesstoken', 'authtoken'].some((pair) => joined.includes(pair));
}

/** The fields, or why they cannot be used (never quoting a value, which could be a secret). */
export type ExtraFieldsCheck = { fields: Record<string, unknown> } | { problem: string };

/**
 * Checks a user's extra request fields: a JSON object of at most {@link MAX_FIELDS} fields that
 * names no field the extension sets itself and nothing that reads like a credential.
 */
export function checkExtraFields(value: unknown, t: Translate = english): ExtraFieldsCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: t('must be an object of field names to JSON values') };
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_FIELDS) return { problem: t('must have at most {0} fields', MAX_FIELDS) };
  for (const [name] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(name) || name === '__proto__') return { problem: t('field {0} is not a usable field name', JSON.stringify(name.slice(0, 64))) };
    if (components.createCompletionWireFields.includes(name)) return { problem: t('field "{0}" is set by Prompt Complete itself and cannot be overridden', name) };
    if (isCredentialFieldName(name)) return { problem: t('field "{0}" looks like a credential (use Set API Key)', name) };
  }
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return { problem: t('must hold only JSON values') };
  }
  if (json.length > MAX_JSON_CHARS) return { problem: t('must take at most {0} characters as JSON', MAX_JSON_CHARS) };
  // A copy, so a later change to the configuration object cannot reach requests.
  return { fields: JSON.parse(json) as Record<string, unknown> };
}
