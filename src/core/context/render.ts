import { commentLine } from './comment-syntax';
import type { ContextSnippet, PromptContext } from './snippet';
import type { FimFamily } from '../fim';

/**
 * How the context is written into the prompt: with a family's repository-level tokens when the
 * prompt is rendered through its fill-in-the-middle template and the family has them, otherwise as
 * a path comment in each snippet's language (plain text any model reads, and the only safe choice
 * when the server applies its own template to the `prompt`).
 */
export type ContextFormat = 'comments' | 'qwen' | 'starcoder';

/** How the suffix reaches the model (the engine's `FimUsed`). */
export type SuffixRoute = 'suffix' | 'template' | 'none';

/** The format for a request sent this way with this template family. */
export function contextFormat(route: SuffixRoute, family: FimFamily | undefined): ContextFormat {
  if (route !== 'template') return 'comments';
  if (family === 'qwen') return 'qwen';
  if (family === 'starcoder') return 'starcoder';
  return 'comments';
}

/**
 * The rendered context: `head` goes before everything (before a template's first token), and
 * `prefixHead` right before the prefix (inside the template's prefix part).
 */
export interface RenderedContext {
  head: string;
  prefixHead: string;
}

/**
 * Upper bounds on what rendering adds beyond the snippets' text and paths, over every format, so
 * packing can keep the whole block within its budget before the format is known.
 * Qwen: `<|file_sep|>` + path + `\n` + text + `\n` (14); a `<!-- path -->` comment plus its line
 * breaks (12) is the widest comment.
 */
export const SNIPPET_OVERHEAD_CHARS = 16;
/** Qwen's `<|repo_name|>` + name + `\n<|file_sep|>` + path + `\n` (27) is the widest opening. */
export const FILE_OVERHEAD_CHARS = 32;

/** The most characters the snippet adds to the block, in any format. */
export function snippetCost(snippet: Pick<ContextSnippet, 'path' | 'text'>): number {
  return snippet.text.length + snippet.path.length + SNIPPET_OVERHEAD_CHARS;
}

/** The most characters the block's fixed part (repository name, the current file's name) takes, in any format. */
export function fixedCost(context: Pick<PromptContext, 'file' | 'repoName'>): number {
  return (context.repoName?.length ?? 0) + context.file.path.length + FILE_OVERHEAD_CHARS;
}

/** Renders the current file's identity and the snippets, most settled first, for `format`. */
export function renderContext(format: ContextFormat, context: PromptContext): RenderedContext {
  const { file, repoName, snippets } = context;
  switch (format) {
    case 'qwen': {
      // <|repo_name|>name\n<|file_sep|>path\ncontent\n … <|file_sep|>current path\n<|fim_prefix|>…
      const repo = repoName ? `<|repo_name|>${repoName}\n` : '';
      const files = snippets.map((s) => `<|file_sep|>${s.path}\n${s.text}\n`).join('');
      return { head: `${repo}${files}<|file_sep|>${file.path}\n`, prefixHead: '' };
    }
    case 'starcoder': {
      // <repo_name>name<file_sep>path\ncontent … <file_sep><fim_prefix>current path\nprefix<fim_suffix>…
      const repo = repoName ? `<repo_name>${repoName}` : '';
      const files = snippets.map((s) => `<file_sep>${s.path}\n${s.text}`).join('');
      return { head: `${repo}${files}<file_sep>`, prefixHead: `${file.path}\n` };
    }
    case 'comments': {
      const files = snippets.map((s) => `${commentLine(s.languageId, s.path)}\n${s.text}\n\n`).join('');
      return { head: '', prefixHead: `${files}${commentLine(file.languageId, file.path)}\n` };
    }
  }
}
