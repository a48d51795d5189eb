/**
 * Whether an error response says the server does not accept one optional request field (`suffix`,
 * `stream_options`, …), so the caller can send again without it and remember that server.
 */
export function isFieldUnsupportedError(field: string, status: number, message: string): boolean {
  if (status < 400 || status >= 600) return false;
  const bounded = message.slice(0, 4000);
  const name = escapeRegExp(field);
  // Exact phrases of servers known to refuse a field: llama.cpp, vLLM, OpenAI for some models.
  const knownRefusals = [
    new RegExp(`unsupported param(eter)?:?\\s*['"\`]?${name}\\b`, 'i'),
    new RegExp(`\\b${name}['"\`]? is not (currently )?supported`, 'i'),
    new RegExp(`unrecognized request argument supplied:?\\s*${name}\\b`, 'i'),
  ];
  if (knownRefusals.some((pattern) => pattern.test(bounded))) return true;
  // A generic 400/422 counts only when it names the field together with a word of refusal, so a
  // context-length error that happens to mention the field is not mistaken for one.
  return (status === 400 || status === 422) && new RegExp(`\\b${name}\\b`, 'i').test(bounded) && REFUSAL_WORDS.test(bounded);
}

const REFUSAL_WORDS = /not (currently )?supported|unsupported|unrecognized|unknown|not allowed|not permitted|extra (inputs?|fields?|param)|unexpected|invalid|forbidden|cannot be used|must not/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
