import type { LineSource, Position } from '../context';
import { commentLine } from './comment-syntax';

/** One notebook cell as the completion sees it. */
export interface NotebookCellLines {
  /** Markdown and other markup cells are shown to the model as comments. */
  kind: 'code' | 'markup';
  languageId: string;
  lines: LineSource;
}

/**
 * A notebook seen as one document from the current cell's point of view: the cells above, the
 * current cell, the cells below, one blank line between cells. Code cells in the current cell's
 * language read as they are; markdown cells and cells in another language read as comments in the
 * current cell's language, so the prompt stays valid code. The prefix then carries the cells above
 * and the suffix the cells below, within the usual budgets.
 */
export class NotebookLines implements LineSource {
  private readonly starts: number[] = [];
  readonly lineCount: number;

  constructor(
    private readonly cells: readonly NotebookCellLines[],
    private readonly current: number,
  ) {
    let line = 0;
    for (const cell of cells) {
      this.starts.push(line);
      line += cell.lines.lineCount + 1;
    }
    this.lineCount = Math.max(0, line - 1);
  }

  /** Where a position in the current cell falls in the whole notebook. */
  positionOf(position: Position): Position {
    return { line: (this.starts[this.current] ?? 0) + position.line, character: position.character };
  }

  lineAt(line: number): string {
    const index = this.cellAt(line);
    const cell = this.cells[index];
    const within = line - this.starts[index];
    if (within >= cell.lines.lineCount) return '';
    const text = cell.lines.lineAt(within);
    const language = this.cells[this.current].languageId;
    const verbatim = index === this.current || (cell.kind === 'code' && cell.languageId === language);
    return verbatim || !text.trim() ? text : commentLine(language, text);
  }

  private cellAt(line: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= line) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
