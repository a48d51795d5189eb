import type { ContextSnippet, PromptContext } from '../core/context/snippet';

/** A request as it went to the server, kept so the user can see exactly what was sent. */
export interface SentRequest {
  /** ISO time it was sent. */
  sentAt: string;
  /** What asked for it: ghost text, a background prefetch, Complete Selection, a probabilities branch. */
  purpose: string;
  /** `POST` target. */
  url: string;
  /** The names of the headers sent besides the fixed ones (their values can be secrets and are never kept). */
  headerNames: string[];
  /** The JSON body exactly as sent (snake_case wire names). */
  body: Record<string, unknown>;
  /** How the suffix reached the model. */
  fim: 'suffix' | 'template' | 'none';
  /** The context the prompt carries, when any. */
  context?: PromptContext;
}

const SOURCE_NAMES: Readonly<Record<ContextSnippet['source'], string>> = {
  definition: 'definition of a name near the cursor',
  typeDefinition: 'type definition of a name near the cursor',
  openEditor: 'open editor',
  viewed: 'recently viewed',
  saved: 'recently saved',
  copied: 'recently copied',
  edited: 'recently edited',
};

/**
 * The read-only document *Show Last Request* opens: where and when the request went, the context
 * it carried and where each snippet came from, the other fields as JSON, then `prompt` and `suffix`
 * verbatim. Never the key or header values.
 */
export function describeSentRequest(sent: SentRequest): string {
  const { prompt, suffix, ...fields } = sent.body;
  const lines = [
    'Prompt Complete: the last request sent',
    '',
    `Sent:    ${sent.sentAt} (${sent.purpose})`,
    `To:      POST ${sent.url}`,
    `Headers: ${['Accept', 'Content-Type', 'User-Agent', 'Authorization when an API key is set (never shown)', ...sent.headerNames.map((name) => `${name} (value not shown)`)].join(', ')}`,
    `Suffix:  ${describeFim(sent.fim)}`,
    '',
  ];
  const context = sent.context;
  if (context) {
    lines.push(`Current file: ${context.file.path} (${context.file.languageId})${context.repoName ? ` in ${context.repoName}` : ''}`);
    lines.push(context.snippets.length === 0 ? 'Context snippets: none' : `Context snippets, in prompt order (${context.snippets.length}):`);
    context.snippets.forEach((snippet, i) => {
      const last = snippet.startLine + snippet.text.split('\n').length;
      lines.push(`  ${i + 1}. ${snippet.path}, lines ${snippet.startLine + 1}-${last}: ${SOURCE_NAMES[snippet.source]} (${snippet.text.length} chars)`);
    });
  } else {
    lines.push('Context from other files: off (promptComplete.context.maxContextChars is 0)');
  }
  lines.push('', '── other fields (JSON, as sent) ──', JSON.stringify(fields, null, 2), '');
  lines.push(`── prompt (${typeof prompt === 'string' ? prompt.length : 0} chars, verbatim) ──`, typeof prompt === 'string' ? prompt : JSON.stringify(prompt), '');
  if (typeof suffix === 'string') lines.push(`── suffix (${suffix.length} chars, verbatim) ──`, suffix, '');
  lines.push('── end ──');
  return lines.join('\n');
}

function describeFim(fim: SentRequest['fim']): string {
  switch (fim) {
    case 'suffix':
      return 'sent as the `suffix` field';
    case 'template':
      return 'rendered into `prompt` with fill-in-the-middle tokens';
    case 'none':
      return 'none (nothing after the cursor)';
  }
}

/** Holds the latest request sent, for *Show Last Request*. */
export class LastSentRequest {
  private current: SentRequest | undefined;

  get latest(): SentRequest | undefined {
    return this.current;
  }

  record(sent: SentRequest): void {
    this.current = sent;
  }
}
