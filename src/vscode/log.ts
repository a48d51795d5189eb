import type * as vscode from 'vscode';

/**
 * The extension's log (the "Prompt Complete" output channel). Every line passes through redaction of
 * the secrets it has been told about, so a key can never reach the log even inside a server's message.
 */
export class Log {
  private readonly secrets = new Set<string>();

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  /** Adds a value that must never be written (the API key). */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  info(message: string): void {
    this.channel.info(this.redact(message));
  }

  warn(message: string): void {
    this.channel.warn(this.redact(message));
  }

  error(message: string): void {
    this.channel.error(this.redact(message));
  }

  debug(message: string): void {
    this.channel.debug(this.redact(message));
  }

  show(): void {
    this.channel.show(true);
  }

  /** Replaces every known secret in `text` with a placeholder. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out.replace(/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]');
  }
}
