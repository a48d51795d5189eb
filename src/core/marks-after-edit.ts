/** A stretch of a document, in offsets. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/** One replacement in a document, in offsets of the text before the edit. */
export interface TextChange {
  offset: number;
  removedLength: number;
  insertedLength: number;
}

/**
 * Where marks on a text stand after an edit: marks before a change stay, marks after it move with the
 * text, and a mark a change touches (overlaps, or is typed against at either edge) is dropped, since
 * the text it judged is no longer there as it was. `changes` are those of one edit, all relative to
 * the text before it and not overlapping, in any order.
 */
export function marksAfterEdit<T extends OffsetSpan>(marks: readonly T[], changes: readonly TextChange[]): T[] {
  let result = [...marks];
  // From the last change back, so each change's offsets still hold for the marks before it.
  for (const change of [...changes].sort((a, b) => b.offset - a.offset)) {
    const changeEnd = change.offset + change.removedLength;
    const delta = change.insertedLength - change.removedLength;
    result = result.flatMap((mark) => {
      if (mark.end < change.offset) return [mark];
      if (mark.start > changeEnd) return [{ ...mark, start: mark.start + delta, end: mark.end + delta }];
      return [];
    });
  }
  return result;
}
