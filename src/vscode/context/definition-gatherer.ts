import * as vscode from 'vscode';
import type { DefinitionStore, FoundDefinition } from '../../core/context/definition-store';
import { declarationAt, linesFrom } from '../../core/context/excerpt';
import { identifiersAround, type PlacedIdentifier } from '../../core/context/identifiers';
import { DocumentLines } from '../document-lines';
import type { ContextPolicy } from './context-allowed';
import { documentKeyOf, promptPath } from './file-identity';
import { isReadableText } from './readable-text';

/** After the cursor stops moving for this long, the names around it are looked up. */
const SETTLE_MS = 150;
/** The lines around the cursor whose names are looked up, and how many names at most per move. */
const LINES_ABOVE = 3;
const LINES_BELOW = 1;
const NAMES_PER_MOVE = 8;
/**
 * A look-up that takes longer stops holding up the round (its answer is still kept when it comes),
 * and its language gets no new calls until it answers or a while has passed: a language server that
 * hangs, or is still starting, is not piled up with calls it cannot answer.
 */
export const DEFAULT_LOOKUP_TIMEOUT_MS = 1500;
const SLOW_LANGUAGE_PAUSE_MS = 30_000;
/** Definitions kept per name and per kind, and their size. */
const LOCATIONS_PER_NAME = 2;
const DECLARATION_LINES = 40;
const DECLARATION_CHARS = 2500;

type Location = vscode.Location | vscode.LocationLink;

/**
 * Looks up, in the background after the cursor moves, the definitions and type definitions of the
 * names around it through VS Code's providers (the language servers the user already has), each
 * call time-boxed; what arrives goes to the definition store for the next requests. A hanging
 * provider holds up nothing: requests use what is ready.
 */
export class DefinitionGatherer implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private queued: { document: vscode.TextDocument; names: PlacedIdentifier[] } | undefined;
  /** Languages with a look-up still unanswered past its time box, and since when. */
  private readonly slowSince = new Map<string, number>();
  /** Documents changed since the last look-up round: their definitions are due for a fresh look. */
  private readonly changed = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: DefinitionStore,
    private readonly policy: ContextPolicy,
    private readonly options: { timeoutMs?: () => number; now?: () => number } = {},
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((event) => this.changed.add(documentKeyOf(event.document.uri))),
    ];
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lookUpAroundCursor(), SETTLE_MS);
  }

  private lookUpAroundCursor(): void {
    for (const key of this.changed) this.store.invalidate(key);
    this.changed.clear();
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.policy.isContextAllowed(editor.document.uri)) return;
    const slowSince = this.slowSince.get(editor.document.languageId);
    if (slowSince !== undefined && this.now() - slowSince < SLOW_LANGUAGE_PAUSE_MS) return;
    const names = identifiersAround(new DocumentLines(editor.document), editor.selection.active, {
      linesAbove: LINES_ABOVE,
      linesBelow: LINES_BELOW,
      limit: NAMES_PER_MOVE,
    }).filter((placed) => this.store.needsLookup(placed.name));
    if (names.length === 0) return;
    // One look-up round at a time; a newer cursor position replaces a round still waiting.
    this.queued = { document: editor.document, names };
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queued) {
        const { document, names } = this.queued;
        this.queued = undefined;
        for (const placed of names) {
          if (this.queued || document.isClosed) break;
          if (!(await this.lookUp(document, placed))) break;
        }
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Looks one name up and stores what was found. False when the providers did not answer within the
   * time box: the round moves on, and what they answer later is still stored.
   */
  private async lookUp(document: vscode.TextDocument, placed: PlacedIdentifier): Promise<boolean> {
    const position = new vscode.Position(placed.line, placed.character);
    const answers = Promise.all([
      this.ask('vscode.executeDefinitionProvider', document.uri, position),
      this.ask('vscode.executeTypeDefinitionProvider', document.uri, position),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), this.timeoutMs())));
    const inTime = await Promise.race([answers, timedOut]);
    clearTimeout(timer);
    if (inTime) {
      await this.keep(placed.name, inTime, document, position);
      return true;
    }
    const language = document.languageId;
    this.slowSince.set(language, this.now());
    void answers.then((late) => this.keep(placed.name, late, document, position)).finally(() => this.slowSince.delete(language));
    return false;
  }

  private async keep(name: string, [definitions, typeDefinitions]: Location[][], document: vscode.TextDocument, position: vscode.Position): Promise<void> {
    const found: FoundDefinition[] = [];
    for (const [locations, source] of [[definitions, 'definition'], [typeDefinitions, 'typeDefinition']] as const) {
      for (const location of locations.slice(0, LOCATIONS_PER_NAME)) {
        const definition = await this.read(location, source, document, position);
        if (definition) found.push(definition);
      }
    }
    this.store.set(name, found, this.now());
  }

  /** One provider call's locations (none when it fails). */
  private async ask(command: string, uri: vscode.Uri, position: vscode.Position): Promise<Location[]> {
    try {
      const result = await vscode.commands.executeCommand<Location[] | undefined>(command, uri, position);
      return Array.isArray(result) ? result : [];
    } catch {
      return [];
    }
  }

  private async read(location: Location, source: FoundDefinition['source'], from: vscode.TextDocument, at: vscode.Position): Promise<FoundDefinition | undefined> {
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    const range = 'targetUri' in location ? (location.targetRange ?? location.targetSelectionRange) : location.range;
    // The name's own declaration under the cursor adds nothing the prefix does not show.
    if (uri.toString() === from.uri.toString() && range.contains(at)) return undefined;
    if (!this.policy.isContextAllowed(uri)) return undefined;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined;
    }
    if (!isReadableText(document)) return undefined;
    const lines = new DocumentLines(document);
    const excerpt = range.end.line > range.start.line
      ? linesFrom(lines, range.start.line, Math.min(range.end.line, range.start.line + DECLARATION_LINES - 1), DECLARATION_CHARS)
      : declarationAt(lines, range.start.line, DECLARATION_LINES, DECLARATION_CHARS);
    if (!excerpt) return undefined;
    return { documentKey: documentKeyOf(uri), path: promptPath(uri, document.languageId), languageId: document.languageId, excerpt, source };
  }

  private timeoutMs(): number {
    return this.options.timeoutMs?.() ?? DEFAULT_LOOKUP_TIMEOUT_MS;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.queued = undefined;
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
