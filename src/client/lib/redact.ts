/** Marker that replaces the API key wherever a server echoes it back. */
export const redactedMarker = '[redacted]';

/** Replaces every occurrence of `secret` in `text`. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || !text.includes(secret)) return text;
  return text.split(secret).join(redactedMarker);
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
