import type { ContextSnippet, PromptContext } from '../core/context/snippet';
import { english, type Translate } from '../core/translate';

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

/**
 * The read-only document *Show Last Request* opens: where and when the request went, the context
 * it carried and where each snippet came from, the other fields as JSON, then `prompt` and `suffix`
 * verbatim. Never the key or header values. Its words are in the user's language through `t`.
 */
export function describeSentRequest(sent: SentRequest, t: Translate = english): string {
  const { prompt, suffix, ...fields } = sent.body;
  const headers = ['Accept', 'Content-Type', 'User-Agent', t('Authorization when an API key is set (never shown)'), ...sent.headerNames.map((name) => t('{0} (value not shown)', name))];
  const lines = [
    t('Prompt Complete: the last request sent'),
    '',
    t('Sent:    {0} ({1})', sent.sentAt, purposeName(sent.purpose, t)),
    t('To:      POST {0}', sent.url),
    t('Headers: {0}', headers.join(', ')),
    t('Suffix:  {0}', describeFim(sent.fim, t)),
    '',
  ];
  const context = sent.context;
  if (context) {
    lines.push(context.repoName
      ? t('Current file: {0} ({1}) in {2}', context.file.path, context.file.languageId, context.repoName)
      : t('Current file: {0} ({1})', context.file.path, context.file.languageId));
    lines.push(context.snippets.length === 0 ? t('Context snippets: none') : t('Context snippets, in prompt order ({0}):', context.snippets.length));
    context.snippets.forEach((snippet, i) => {
      const last = snippet.startLine + snippet.text.split('\n').length;
      lines.push(`  ${t('{0}. {1}, lines {2}-{3}: {4} ({5} chars)', i + 1, snippet.path, snippet.startLine + 1, last, sourceName(snippet.source, t), snippet.text.length)}`);
    });
  } else {
    lines.push(t('Context from other files: off (promptComplete.context.maxContextChars is 0)'));
  }
  lines.push('', `── ${t('other fields (JSON, as sent)')} ──`, JSON.stringify(fields, null, 2), '');
  lines.push(`── ${t('prompt ({0} chars, verbatim)', typeof prompt === 'string' ? prompt.length : 0)} ──`, typeof prompt === 'string' ? prompt : JSON.stringify(prompt), '');
  if (typeof suffix === 'string') lines.push(`── ${t('suffix ({0} chars, verbatim)', suffix.length)} ──`, suffix, '');
  lines.push(`── ${t('end')} ──`);
  return lines.join('\n');
}

/** What asked for a request, in words: the purposes the engine and the commands name, else as named. */
function purposeName(purpose: string, t: Translate): string {
  switch (purpose) {
    case 'inline':
      return t('inline');
    case 'prefetch':
      return t('prefetch');
    case 'probabilities branch':
      return t('probabilities branch');
    case 'Complete Selection':
      return t('Complete Selection');
    default:
      return purpose;
  }
}

function sourceName(source: ContextSnippet['source'], t: Translate): string {
  switch (source) {
    case 'definition':
      return t('definition of a name near the cursor');
    case 'typeDefinition':
      return t('type definition of a name near the cursor');
    case 'openEditor':
      return t('open editor');
    case 'viewed':
      return t('recently viewed');
    case 'saved':
      return t('recently saved');
    case 'copied':
      return t('recently copied');
    case 'edited':
      return t('recently edited');
  }
}

function describeFim(fim: SentRequest['fim'], t: Translate): string {
  switch (fim) {
    case 'suffix':
      return t('sent as the `suffix` field');
    case 'template':
      return t('rendered into `prompt` with fill-in-the-middle tokens');
    case 'none':
      return t('none (nothing after the cursor)');
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
