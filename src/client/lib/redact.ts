/** Marker that replaces the API key wherever a server echoes it back. */
export const redactedMarker = '[redacted]';

/** Replaces every occurrence of `secret` in `text`. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || !text.includes(secret)) return text;
  return text.split(secret).join(redactedMarker);
}

/**
 * Redacts text from a response body. A JSON body can carry the secret in escaped form (`\u0073k-…`)
 * that a plain search misses but any JSON reader, or a reader of the message, turns back into the key;
 * when decoding the escapes reveals the secret, the decoded text is kept, redacted. This works on
 * bodies cut short too, where parsing would fail.
 */
export function redactBody(text: string, secret: string | undefined): string {
  const plain = redactSecret(text, secret);
  if (!secret || !plain.includes('\\')) return plain;
  const unescaped = plain.replace(/\\u([0-9a-fA-F]{4})|\\\//g, (_escape, hex: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : '/'));
  return unescaped.includes(secret) ? redactSecret(unescaped, secret) : plain;
}

/** A copy of a parsed JSON value with the secret removed from every string (keys included); the value itself when none has it. */
export function redactValue(value: unknown, secret: string | undefined, depth = 0): unknown {
  if (!secret) return value;
  if (typeof value === 'string') return redactSecret(value, secret);
  if (typeof value !== 'object' || value === null || depth > 64) return value;
  let changed = false;
  const entries = Object.entries(value).map(([name, item]) => {
    const redactedName = redactSecret(name, secret);
    const redactedItem = redactValue(item, secret, depth + 1);
    if (redactedName !== name || redactedItem !== item) changed = true;
    return [redactedName, redactedItem] as const;
  });
  if (!changed) return value;
  return Array.isArray(value) ? entries.map(([, item]) => item) : Object.fromEntries(entries);
}

/** Copies response headers with the secret removed from every value. */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  secret: string | undefined,
): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    copy[name] = Array.isArray(value) ? value.map((item) => redactSecret(item, secret)) : redactSecret(value, secret);
  }
  return copy;
}

/**
 * Returns `cause` unchanged unless the secret appears in its message, stack or nested causes; then a
 * plain Error copy with the secret removed, so an error's cause chain cannot leak the key into logs.
 */
export function scrubCause(cause: unknown, secret: string | undefined, depth = 0): unknown {
  if (!secret || !(cause instanceof Error) || depth > 4) return cause;
  const nested = scrubCause(cause.cause, secret, depth + 1);
  const leaks = `${cause.message}\n${cause.stack ?? ''}`.includes(secret);
  if (!leaks && nested === cause.cause) return cause;
  const copy = new Error(redactSecret(cause.message, secret), nested === undefined ? undefined : { cause: nested });
  copy.name = cause.name;
  copy.stack = redactSecret(cause.stack ?? '', secret);
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}
