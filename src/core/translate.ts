/**
 * Turns an English message with `{0}`, `{1}`… placeholders into the user's language: `vscode.l10n.t`
 * in the editor, {@link english} where no translation is wanted (tests, the pure layers' defaults).
 * The English message is the key a translation bundle (`l10n/bundle.l10n.<locale>.json`) maps.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Fills `{0}`, `{1}`… in an English message. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder));
