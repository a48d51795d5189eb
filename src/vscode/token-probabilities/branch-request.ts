// Re-asks the server from a chosen alternative. No `vscode` import: it takes the client and settings
// as plain values, so it is tested against a real local HTTP server.
import type { CompletionLogprobs, Gpt } from '../../client';
import { renderTemplate, resolveFimTemplate, type FimTemplate } from '../../core/fim';
import { buildRequest, cutAtStop, type FimUsed } from '../../engine/completion-engine';
import type { Settings } from '../../engine/settings';

/** The recorded completion a branch starts from, and where. */
export interface BranchSource {
  /** The exact prompt the completion was asked with (any fill-in-the-middle template already applied). */
  prompt: string;
  /** The suffix sent natively with it, when one was. */
  suffix?: string;
  model: string;
  /** The completion's text before the chosen token. */
  kept: string;
  /** The token chosen instead of the one the model produced. */
  alternative: string;
}

/** The server's continuation after the alternative. */
export interface BranchAnswer {
  continuation: string;
  logprobs: CompletionLogprobs | null;
  /** The request's prompt, for the log. */
  prompt: string;
}

/**
 * Asks for the continuation of `prompt + kept + alternative`, the way the original was asked: the
 * same model, the native suffix when the original sent one, and the template's stop texts when the
 * original prompt was a fill-in-the-middle template (re-rendering it would wrap it twice).
 */
export async function askBranch(gpt: Gpt, settings: Settings, source: BranchSource, options: { signal?: AbortSignal } = {}): Promise<BranchAnswer> {
  const prefix = branchPrompt(source);
  const fim: FimUsed = source.suffix !== undefined ? 'suffix' : 'none';
  const built = buildRequest({ prefix, suffix: source.suffix ?? '' }, settings, source.model, fim, { n: 1 });
  const { template } = resolveFimTemplate(settings.fimTemplate, source.model, settings.fimCustomTemplate);
  const stopTexts = usesFimTemplate(source.prompt, template)
    ? [...new Set([...template.stop, ...built.stopTexts])]
    : built.stopTexts;
  if (stopTexts.length > 0) built.request.stop = stopTexts.slice(0, 4);
  const { createCompletionResponse } = await gpt.completions.createCompletion(built.request, {
    signal: options.signal,
    timeoutMs: settings.requestTimeoutMs,
    retries: { strategy: 'none' },
  });
  const choice = createCompletionResponse.choices.find((c) => (c.index ?? 0) === 0) ?? createCompletionResponse.choices[0];
  return { continuation: cutAtStop(choice?.text ?? '', stopTexts), logprobs: choice?.logprobs ?? null, prompt: prefix };
}

/** The prompt of a branch: the original prompt, the completion's text before the token, the alternative. */
export function branchPrompt(source: Pick<BranchSource, 'prompt' | 'kept' | 'alternative'>): string {
  return source.prompt + source.kept + source.alternative;
}

/**
 * True when `prompt` has the shape of the fill-in-the-middle template: its fixed parts, in order,
 * from the start to the end.
 */
export function usesFimTemplate(prompt: string, template: FimTemplate): boolean {
  const HOLE = '\u0000';
  const parts = renderTemplate(template, HOLE, HOLE).prompt.split(HOLE);
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!;
  if (!prompt.startsWith(head) || !prompt.endsWith(tail) || prompt.length < head.length + tail.length) return false;
  let at = head.length;
  for (const middle of parts.slice(1, -1)) {
    const found = prompt.indexOf(middle, at);
    if (found < 0 || found > prompt.length - tail.length) return false;
    at = found + middle.length;
  }
  return true;
}
