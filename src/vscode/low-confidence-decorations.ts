import * as vscode from 'vscode';
import { lowConfidenceRanges } from '../core/logprobs';
import type { CompletionHistory, RecordedCompletion } from './completion-history';
import { completionTokens, formatProbability, LOW_PROBABILITY } from '../core/probabilities/view-model';

/** A decorated stretch, in document offsets, with its hover text. */
export interface LowConfidenceMark {
  start: number;
  end: number;
  hover: string;
}

/** What is decorated now, as plain data. */
export interface AppliedDecorations {
  document: string;
  marks: LowConfidenceMark[];
}

/**
 * After Complete Selection, underlines the inserted tokens the model gave less than 30% probability,
 * so the user sees where it was unsure. The marks go away on any edit of that document (their
 * offsets would be stale) and when another Complete Selection arrives; `promptComplete.highlightLowConfidence`
 * turns them off.
 */
export class LowConfidenceDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private current: AppliedDecorations | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(history: CompletionHistory, private readonly enabled: () => boolean) {
    this.subscriptions = [
      history.onDidRecord((completion) => this.show(completion)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && event.document.uri.toString() === this.current?.document) this.clear();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.current?.document) this.clear();
      }),
      // An editor shown again (another tab, a split) is a new TextEditor without decorations.
      vscode.window.onDidChangeVisibleTextEditors(() => this.apply()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('promptComplete.highlightLowConfidence') && !this.enabled()) this.clear();
      }),
    ];
  }

  /** The marks shown now (for the tests and the Token Probabilities command's answer). */
  get applied(): AppliedDecorations | undefined {
    return this.current && { document: this.current.document, marks: this.current.marks.map((mark) => ({ ...mark })) };
  }

  private show(completion: RecordedCompletion): void {
    // Inline suggestions come and go with the cursor; they must not wipe the marks of an insertion.
    if (completion.source !== 'completeSelection') return;
    this.clear();
    if (!completion.document || !completion.range || !completion.logprobs || !this.enabled()) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === completion.document!.toString());
    if (!document || document.getText(completion.range) !== completion.text) return;
    const base = document.offsetAt(completion.range.start);
    const marks = lowConfidenceRanges(completionTokens(completion.logprobs, completion.text), LOW_PROBABILITY).map((range) => ({
      start: base + range.start,
      end: base + range.end,
      hover: vscode.l10n.t('Prompt Complete: the model was unsure here (token probability {0})', formatProbability(range.probability)),
    }));
    if (marks.length === 0) return;
    this.current = { document: document.uri.toString(), marks };
    this.apply();
  }

  private apply(): void {
    const current = this.current;
    if (!current) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== current.document) continue;
      const document = editor.document;
      editor.setDecorations(this.type, current.marks.map((mark) => ({
        range: new vscode.Range(document.positionAt(mark.start), document.positionAt(mark.end)),
        hoverMessage: mark.hover,
      })));
    }
  }

  private clear(): void {
    if (!this.current) return;
    const document = this.current.document;
    this.current = undefined;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === document) editor.setDecorations(this.type, []);
    }
  }

  dispose(): void {
    this.clear();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.type.dispose();
  }
}
