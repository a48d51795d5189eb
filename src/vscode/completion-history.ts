import * as vscode from 'vscode';
import type { CompletionLogprobs } from '../client';

/** A completion the user was shown or given, with what is needed to explain and re-ask it. */
export interface RecordedCompletion {
  source: 'inline' | 'completeSelection';
  /** The exact `prompt` sent (after any fill-in-the-middle template). */
  prompt: string;
  /** The text of the suffix sent natively, when one was. */
  suffix?: string;
  /** The candidate's text as the server returned it (before editor post-processing). */
  text: string;
  logprobs: CompletionLogprobs | null;
  model: string;
  /** Where it was inserted, for Complete Selection. */
  document?: vscode.Uri;
  range?: vscode.Range;
}

/** Keeps the latest completion and tells listeners (the probabilities view, decorations) about new ones. */
export class CompletionHistory implements vscode.Disposable {
  private current: RecordedCompletion | undefined;
  private readonly changed = new vscode.EventEmitter<RecordedCompletion>();
  readonly onDidRecord = this.changed.event;

  get latest(): RecordedCompletion | undefined {
    return this.current;
  }

  record(completion: RecordedCompletion): void {
    this.current = completion;
    this.changed.fire(completion);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
