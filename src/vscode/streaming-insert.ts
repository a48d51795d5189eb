import * as vscode from 'vscode';

/** Raised when the document changes under a streaming insertion (typing elsewhere, an external edit). */
export class DocumentChangedError extends Error {
  override readonly name = 'DocumentChangedError';
  constructor() {
    super('the document changed while the completion was arriving; the text inserted so far was kept');
  }
}

/**
 * Writes streamed text into a document at one place as it arrives, coalescing pieces that arrive while
 * an edit is in flight, as a single undo step. Stops (rather than writing somewhere wrong) when anyone
 * else edits the document meanwhile.
 */
export class StreamingInsert {
  private readonly startOffset: number;
  private inserted = '';
  private buffer = '';
  private flushing: Promise<void> = Promise.resolve();
  private expectedVersion: number;
  private failure: Error | undefined;

  constructor(
    private readonly editor: vscode.TextEditor,
    at: vscode.Position,
  ) {
    this.startOffset = editor.document.offsetAt(at);
    this.expectedVersion = editor.document.version;
  }

  /** The text written so far. */
  get text(): string {
    return this.inserted;
  }

  /** Puts the cursor right after what was written (the editor would otherwise stretch the selection over it). */
  placeCursorAfter(): void {
    const document = this.editor.document;
    if (!this.inserted || document.isClosed || document.version !== this.expectedVersion) return;
    const end = document.positionAt(this.startOffset + this.inserted.length);
    this.editor.selection = new vscode.Selection(end, end);
  }

  /** Queues `text` to be written after what is already there; throws once writing has failed. */
  append(text: string): void {
    if (this.failure) throw this.failure;
    if (!text) return;
    this.buffer += text;
    this.flushing = this.flushing.then(() => this.flush());
  }

  /** Waits until everything appended is in the document; throws if writing failed. */
  async finished(): Promise<void> {
    await this.flushing;
    if (this.failure) throw this.failure;
  }

  /** Removes what was written, if the document still holds it where it was written. */
  async rollback(): Promise<void> {
    await this.truncate(0);
  }

  /** Keeps only the first `length` characters of what was written (same conditions as rollback). */
  async truncate(length: number): Promise<void> {
    await this.flushing.catch(() => undefined);
    this.buffer = '';
    if (length >= this.inserted.length || this.editor.document.version !== this.expectedVersion) return;
    const document = this.editor.document;
    const start = document.positionAt(this.startOffset + length);
    const end = document.positionAt(this.startOffset + this.inserted.length);
    const applied = await this.editor.edit((builder) => builder.delete(new vscode.Range(start, end)), {
      undoStopBefore: false,
      undoStopAfter: false,
    });
    if (!applied) return;
    this.inserted = this.inserted.slice(0, length);
    this.expectedVersion = document.version;
  }

  private async flush(): Promise<void> {
    if (this.failure || !this.buffer) return;
    const text = this.buffer;
    this.buffer = '';
    const document = this.editor.document;
    if (document.isClosed || document.version !== this.expectedVersion) {
      this.failure = new DocumentChangedError();
      return;
    }
    const at = document.positionAt(this.startOffset + this.inserted.length);
    const first = this.inserted.length === 0;
    let applied = false;
    try {
      applied = await this.editor.edit((builder) => builder.insert(at, text), { undoStopBefore: first, undoStopAfter: false });
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      return;
    }
    if (!applied) {
      this.failure = new DocumentChangedError();
      return;
    }
    this.inserted += text;
    this.expectedVersion = document.version;
  }
}
