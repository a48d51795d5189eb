// The webview's page: a fixed shell whose content the script renders from messages. Nothing is
// interpolated but URIs, the nonce and two texts of the extension's own (escaped), so no completion
// text can ever become markup or script.
import { randomBytes } from 'node:crypto';

/** Where the page may load from, as the webview gives them. */
export interface PageResources {
  /** `webview.cspSource`: the origin of the extension's local resources. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  /** The page's title and its text until the first message, in the user's language (English by default). */
  title?: string;
  loading?: string;
  /** The language of those texts (`vscode.env.language`), for screen readers; English by default. */
  language?: string;
}

/** A fresh nonce for one page load. */
export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The content security policy: nothing by default; the script and style only from the extension's
 * media folder and only with this load's nonce; no inline handlers, no remote anything.
 */
export function contentSecurityPolicy(resources: Pick<PageResources, 'cspSource' | 'nonce'>): string {
  const { cspSource, nonce } = resources;
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page of the Token Probabilities view. */
export function renderPage(resources: PageResources): string {
  const { scriptUri, styleUri, nonce, title = 'Token Probabilities', loading = 'Loading…', language = 'en' } = resources;
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(resources))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${escapeAttribute(nonce)}" href="${escapeAttribute(styleUri)}">
<title>${escapeText(title)}</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="meta">${escapeText(loading)}</p></main>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>`;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
