// A 4xx counts as refusing a field only when it names the field together with a word of refusal, so
// an unrelated error (a context-length error, a bad key) is never mistaken for one.
const REFUSAL_WORDS = /not (currently )?supported|unsupported|unrecognized|unknown|not allowed|not permitted|extra (inputs?|fields?|param)|unexpected|invalid|forbidden|cannot be used|must not/i;

/**
 * True when an error response says the server does not take `field` (for example `logprobs` or
 * `echo`): a 400 or 422 whose message names the field as a word, next to a word of refusal. The field
 * may appear as `param` in the server's error object; pass that in `message` too.
 */
export function isFieldRefusedError(field: string, status: number, message: string): boolean {
  if (status !== 400 && status !== 422) return false;
  const bounded = message.slice(0, 4000);
  const names = new RegExp(`(^|[^\\w])${escapeRegExp(field)}([^\\w]|$)`, 'i');
  return names.test(bounded) && REFUSAL_WORDS.test(bounded);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
