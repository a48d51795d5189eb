import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../random';

/** One file of the training corpus. */
export interface TrainingDocument {
  readonly name: string;
  readonly text: string;
}

/** A fill-in-the-middle example cut from a document. */
export interface FimExample {
  readonly prefix: string;
  readonly middle: string;
  readonly suffix: string;
}

/** Reads every file under `dir`, sorted by relative path so the model does not depend on directory order. */
export function readCorpus(dir: string): TrainingDocument[] {
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  return names.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8').replace(/\r\n/g, '\n') }));
}

/**
 * Cuts `count` examples from a document the way an editor asks for them: the cursor sits somewhere
 * in a non-blank line, the middle is the rest of that line, the suffix starts at its line break.
 * A bigram model only sees the token before the one it predicts, so what it learns from these is
 * how a middle starts (after <|fim_middle|>) and that a middle ends where a line ends.
 */
export function cutFimExamples(document: TrainingDocument, documentIndex: number, count: number): FimExample[] {
  const lineStarts = [0];
  for (let i = 0; i < document.text.length; i++) if (document.text[i] === '\n') lineStarts.push(i + 1);
  const candidates = lineStarts.filter((start) => lineEnd(document.text, start) - start > 1 && document.text.slice(start, lineEnd(document.text, start)).trim() !== '');
  if (candidates.length === 0) return [];
  const random = seededRandom(documentIndex + 1);
  const examples: FimExample[] = [];
  for (let i = 0; i < count; i++) {
    const start = candidates[Math.floor(random() * candidates.length)];
    const end = lineEnd(document.text, start);
    const cursor = start + Math.floor(random() * (end - start));
    examples.push({
      prefix: document.text.slice(0, cursor),
      middle: document.text.slice(cursor, end),
      suffix: document.text.slice(end),
    });
  }
  return examples;
}

function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 ? text.length : newline;
}
