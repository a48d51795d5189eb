import * as vscode from 'vscode';
import { ChunkIndex } from '../../core/context/chunk-index';
import { DefinitionStore } from '../../core/context/definition-store';
import type { PromptContext } from '../../core/context/snippet';
import { WorkingSet } from '../../core/context/working-set';
import { ContextAssembler } from '../../engine/context-assembler';
import type { Settings } from '../../engine/settings';
import { type ContextPolicy } from './context-allowed';
import { DefinitionGatherer } from './definition-gatherer';
import { contextFileOf, documentKeyOf, repoNameOf } from './file-identity';
import { OpenEditorsGatherer } from './open-editors-gatherer';
import { WorkingSetGatherer } from './working-set-gatherer';

/** Packs context from the rest of the workspace for a request in a document. */
export interface ContextForDocument {
  contextFor(document: vscode.TextDocument, prefix: string, suffix: string): PromptContext | undefined;
}

export interface WorkspaceContextOptions {
  /** The gate every file passes before it is read (trust, workspace folders, `promptComplete.exclude`). */
  policy: ContextPolicy;
  /** How long one definition look-up may take (tests shorten it). */
  lookupTimeoutMs?: () => number;
}

/**
 * Context from the rest of the workspace: the stores, the gatherers that fill them from editor
 * events (running only while `promptComplete.context.maxContextChars` is above 0), and the assembler
 * a request asks, which answers from the stores at once.
 */
export class WorkspaceContext implements ContextForDocument, vscode.Disposable {
  private readonly workingSet = new WorkingSet();
  private readonly openEditors = new ChunkIndex();
  private readonly definitions = new DefinitionStore();
  private readonly assembler: ContextAssembler;
  private readonly policy: ContextPolicy;
  private gatherers: vscode.Disposable | undefined;

  constructor(
    private readonly settings: () => Settings,
    private readonly options: WorkspaceContextOptions,
  ) {
    this.policy = options.policy;
    this.assembler = new ContextAssembler({ sources: [this.definitions, this.workingSet, this.openEditors], settings });
    this.settingsChanged();
  }

  /** Starts or stops gathering as the budget turns on or off. */
  settingsChanged(): void {
    const on = this.settings().maxContextChars > 0;
    if (on && !this.gatherers) {
      this.gatherers = vscode.Disposable.from(
        new WorkingSetGatherer(this.workingSet, this.policy),
        new OpenEditorsGatherer(this.openEditors, this.policy),
        new DefinitionGatherer(this.definitions, this.policy, { timeoutMs: this.options.lookupTimeoutMs }),
        this.forgetDeletedFiles(),
      );
    } else if (!on && this.gatherers) {
      this.gatherers.dispose();
      this.gatherers = undefined;
      // Off means nothing is kept either.
      this.workingSet.clear();
      this.openEditors.clear();
      this.definitions.clear();
    }
  }

  /** Code from a file or folder deleted (in VS Code or outside it) is no longer sent. */
  private forgetDeletedFiles(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    watcher.onDidDelete((uri) => {
      const key = documentKeyOf(uri);
      this.workingSet.forget(key);
      this.openEditors.forget(key);
      this.definitions.forget(key);
    });
    return watcher;
  }

  /** The context for a request in `document` with this text around the cursor; undefined when off. */
  contextFor(document: vscode.TextDocument, prefix: string, suffix: string): PromptContext | undefined {
    if (this.settings().maxContextChars <= 0) return undefined;
    return this.assembler.contextFor({
      file: contextFileOf(document),
      repoName: repoNameOf(document.uri),
      documentKey: documentKeyOf(document.uri),
      prefix,
      suffix,
    });
  }

  dispose(): void {
    this.gatherers?.dispose();
    this.gatherers = undefined;
  }
}
