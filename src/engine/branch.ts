// Re-asks the server from a chosen alternative token (the Token Probabilities view's branches).
import type { CompletionLogprobs } from '../client';
import { renderTemplate, resolveFimTemplate, type FimTemplate } from '../core/fim';
import type { FimUsed } from './completion-engine';
import type { Settings } from './settings';

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

/** The request for a branch, ready to send as it is (no model lookup, no fill-in-the-middle fallback). */
export interface BranchRequest {
  prefix: string;
  suffix: string;
  model: string;
  fim: FimUsed;
  /** Stop texts beyond the settings' own: the template's, when the original prompt was one. */
  extraStop: string[];
}

/**
 * How to ask for the continuation of `prompt + kept + alternative` the way the original was asked:
 * the same model, the native suffix when the original sent one, and the template's stop texts when
 * the original prompt was a fill-in-the-middle template (re-rendering it would wrap it twice).
 */
export function branchRequest(source: BranchSource, settings: Pick<Settings, 'fimTemplate' | 'fimCustomTemplate'>): BranchRequest {
  const { template } = resolveFimTemplate(settings.fimTemplate, source.model, settings.fimCustomTemplate);
  return {
    prefix: branchPrompt(source),
    suffix: source.suffix ?? '',
    model: source.model,
    fim: source.suffix !== undefined ? 'suffix' : 'none',
    extraStop: usesFimTemplate(source.prompt, template) ? [...template.stop] : [],
  };
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
