// Pure: the words of a Check Unlikely Code mark. No `vscode` import, so they are unit-tested as calls.
import { formatProbability } from '../../core/probabilities/view-model';

/** A marked token in document offsets, as plain data (what the command answers and the tests read). */
export interface UnlikelyMark {
  start: number;
  end: number;
  text: string;
  probability: number;
  alternatives: { text: string; probability: number }[];
}

/** The hover text of a mark: plain text (diagnostic messages are never rendered as markdown). */
export function describeMark(mark: Pick<UnlikelyMark, 'text' | 'probability' | 'alternatives'>): string {
  const expected = mark.alternatives.map((alternative) => `${showToken(alternative.text)} ${formatProbability(alternative.probability)}`);
  const tail = expected.length > 0 ? `; the model expected ${expected.join(', ')}` : '';
  return `Unlikely here: ${showToken(mark.text)} has probability ${formatProbability(mark.probability)}${tail}`;
}

/** A token as people can read it: quoted, with line breaks and tabs visible. */
export function showToken(text: string): string {
  return JSON.stringify(text);
}

/** The title of the quick fix that puts `alternative` in place of the marked token. */
export function fixTitle(mark: Pick<UnlikelyMark, 'text'>, alternative: { text: string; probability: number }): string {
  return `Replace ${showToken(mark.text)} with ${showToken(alternative.text)} (${formatProbability(alternative.probability)})`;
}
