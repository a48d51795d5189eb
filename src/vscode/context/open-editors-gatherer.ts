import * as vscode from 'vscode';
import type { ChunkIndex } from '../../core/context/chunk-index';
import type { ContextPolicy } from './context-allowed';
import { documentKeyOf, promptPath } from './file-identity';
import { isReadableText, MAX_CONTEXT_DOCUMENT_CHARS } from './readable-text';

/** After the last change to a document, wait this long before indexing it again. */
const REINDEX_AFTER_MS = 1500;
/** Open editors indexed at most; tabs beyond are the least likely to matter. */
const MAX_DOCUMENTS = 100;

/**
 * Keeps the chunk index in step with the open editors (the tabs of every editor group): indexes a
 * tab's document when it opens and again once edits to it settle, forgets it when its tab closes.
 * All of it runs on timers and editor events, in the background.
 */
export class OpenEditorsGatherer implements vscode.Disposable {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly index: ChunkIndex,
    private readonly policy: ContextPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs(() => this.schedule('tabs', () => this.syncTabs())),
      vscode.workspace.onDidOpenTextDocument(() => this.schedule('tabs', () => this.syncTabs())),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const key = documentKeyOf(event.document.uri);
        if (this.index.has(key)) this.schedule(key, () => this.indexDocument(event.document), REINDEX_AFTER_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.index.remove(documentKeyOf(document.uri))),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.index.touch(documentKeyOf(editor.document.uri), this.now());
      }),
    ];
    this.schedule('tabs', () => this.syncTabs());
  }

  /** Indexes the documents of the open tabs that are not indexed yet, and drops the ones whose tab closed. */
  private syncTabs(): void {
    const open = new Map<string, vscode.Uri>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && open.size < MAX_DOCUMENTS) open.set(documentKeyOf(uri), uri);
      }
    }
    for (const document of vscode.workspace.textDocuments) {
      const key = documentKeyOf(document.uri);
      if (!open.has(key)) {
        this.index.remove(key);
        continue;
      }
      open.delete(key);
      if (!this.index.has(key)) this.indexDocument(document);
    }
    // Tabs restored from the last session whose documents VS Code has not loaded yet.
    for (const uri of open.values()) {
      if (!this.policy.isContextAllowed(uri)) continue;
      void vscode.workspace.fs.stat(uri).then(
        (stat) => (stat.size <= MAX_CONTEXT_DOCUMENT_CHARS ? vscode.workspace.openTextDocument(uri) : undefined),
        () => undefined,
      ).then((document) => {
        if (document) this.indexDocument(document);
      }, () => undefined);
    }
  }

  private indexDocument(document: vscode.TextDocument): void {
    const key = documentKeyOf(document.uri);
    if (document.isClosed || !this.policy.isContextAllowed(document.uri) || !isReadableText(document)) {
      this.index.remove(key);
      return;
    }
    const active = vscode.window.activeTextEditor?.document === document;
    this.index.set({
      documentKey: key,
      path: promptPath(document.uri, document.languageId),
      languageId: document.languageId,
      text: document.getText(),
      touchedAt: active ? this.now() : 0,
    });
  }

  private schedule(key: string, run: () => void, delayMs = 0): void {
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      run();
    }, delayMs));
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
