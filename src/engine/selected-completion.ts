/** The suggest widget's selected item: the text it would put in place of the columns [start, end) of the cursor's line. */
export interface SelectedCompletion {
  startCharacter: number;
  endCharacter: number;
  text: string;
}

/**
 * The text before the cursor as it would read with the suggest widget's selected item inserted, and
 * the part of that item already typed, so a suggestion can continue the item rather than contradict it.
 */
export function applySelectedCompletion(prefix: string, cursorCharacter: number, selected: SelectedCompletion): { prefix: string; itemText: string } | undefined {
  const replaced = selected.endCharacter - selected.startCharacter;
  if (replaced < 0 || selected.endCharacter !== cursorCharacter || replaced > prefix.length) return undefined;
  const typed = prefix.slice(prefix.length - replaced);
  if (!selected.text.startsWith(typed) && !selected.text.toLowerCase().startsWith(typed.toLowerCase())) return undefined;
  return { prefix: prefix.slice(0, prefix.length - replaced) + selected.text, itemText: selected.text };
}
