const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** How a token is shown in `logprobs`: its text, or OpenAI's `bytes:\xNN` form when it is not whole UTF-8. */
export function tokenDisplayText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return `bytes:${[...bytes].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}`;
  }
}

/**
 * Text of a growing list of tokens. Byte-level tokens can end inside a UTF-8 character, so the
 * text only grows by whole characters; offsets are JavaScript string indices (UTF-16 units).
 */
export class TokenTextBuilder {
  private readonly decoder = new TextDecoder('utf-8');
  text = '';

  /** Adds a token's bytes; returns the offset in the text where the token starts. */
  push(bytes: Uint8Array): number {
    const offset = this.text.length;
    this.text += this.decoder.decode(bytes, { stream: true });
    return offset;
  }

  /** Ends the text: bytes of an unfinished character become U+FFFD. */
  finish(): string {
    this.text += this.decoder.decode();
    return this.text;
  }
}
