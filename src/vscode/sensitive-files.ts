import * as path from 'node:path';
import * as vscode from 'vscode';
import { SensitivePaths, type DocumentPaths } from '../core/sensitive-paths';
import type { Settings } from '../engine/settings';

/**
 * Whether anything of a document may be sent: its path against `promptComplete.exclude`. The user's
 * list (or the defaults) plus the workspace's additions come with the settings; in a multi-root
 * workspace each folder's own additions apply to its files too.
 */
export class SensitiveFiles implements vscode.Disposable {
  private compiledFrom: readonly string[] | undefined;
  private base = new SensitivePaths([]);
  private readonly folderAdditions = new Map<string, SensitivePaths>();
  // The answer per document, asked on every keystroke; emptied whenever the globs change.
  private readonly answers = new Map<string, string | undefined>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly settings: () => Settings) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('promptComplete.exclude')) return;
        this.folderAdditions.clear();
        this.answers.clear();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.folderAdditions.clear();
        this.answers.clear();
      }),
    ];
  }

  /** The exclusion glob the document (or file) matches, or undefined when it may be sent. */
  matchFor(document: { uri: vscode.Uri } | vscode.Uri): string | undefined {
    const uri = document instanceof vscode.Uri ? document : document.uri;
    const base = this.current();
    const key = uri.toString();
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.match(uri, base);
    if (this.answers.size > 1000) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  private match(uri: vscode.Uri, base: SensitivePaths): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const paths: DocumentPaths = {
      absolute: uri.scheme === 'file' ? uri.fsPath : uri.path,
      relative: folder ? path.posix.relative(folder.uri.path, uri.path) : undefined,
    };
    return base.match(paths) ?? (folder && this.additionsOf(folder).match(paths));
  }

  private current(): SensitivePaths {
    const globs = this.settings().exclude;
    if (globs !== this.compiledFrom) {
      this.compiledFrom = globs;
      this.base = new SensitivePaths(globs);
      this.answers.clear();
    }
    return this.base;
  }

  private additionsOf(folder: vscode.WorkspaceFolder): SensitivePaths {
    const key = folder.uri.toString();
    let additions = this.folderAdditions.get(key);
    if (!additions) {
      const value = vscode.workspace.getConfiguration('promptComplete', folder.uri).inspect<unknown>('exclude')?.workspaceFolderValue;
      additions = new SensitivePaths(Array.isArray(value) ? value.filter((glob): glob is string => typeof glob === 'string') : []);
      this.folderAdditions.set(key, additions);
    }
    return additions;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
