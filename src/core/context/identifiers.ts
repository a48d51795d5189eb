import type { LineSource, Position } from '../context';

/**
 * Words too common to say what code is about, across the languages people complete most. Dropping
 * them keeps `return` or `self` from making two unrelated snippets look alike.
 */
const COMMON_WORDS = new Set([
  'abstract', 'and', 'any', 'as', 'assert', 'async', 'await', 'bool', 'boolean', 'break', 'byte', 'case', 'catch',
  'char', 'class', 'const', 'continue', 'def', 'default', 'defer', 'del', 'delete', 'do', 'double', 'elif', 'else',
  'end', 'enum', 'err', 'export', 'extends', 'extern', 'false', 'final', 'finally', 'float', 'fn', 'for', 'from',
  'func', 'function', 'get', 'go', 'if', 'impl', 'implements', 'import', 'in', 'inline', 'instanceof', 'int',
  'interface', 'is', 'let', 'long', 'match', 'mod', 'module', 'mut', 'namespace', 'new', 'nil', 'none', 'None',
  'not', 'null', 'number', 'object', 'of', 'or', 'package', 'pass', 'private', 'protected', 'pub', 'public', 'raise',
  'readonly', 'ref', 'return', 'self', 'Self', 'set', 'short', 'static', 'str', 'string', 'struct', 'super', 'switch',
  'this', 'throw', 'throws', 'trait', 'True', 'False', 'true', 'try', 'type', 'typeof', 'undefined', 'unsigned',
  'use', 'using', 'val', 'var', 'void', 'where', 'while', 'with', 'yield', 'the', 'to', 'a', 'an', 'it',
]);

const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/gu;

function isMeaningful(word: string): boolean {
  return word.length >= 2 && !COMMON_WORDS.has(word);
}

/** The distinct meaningful identifiers of `text` (computed once per snippet, off the keystroke path). */
export function identifierSet(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(IDENTIFIER)) {
    if (isMeaningful(match[0])) found.add(match[0]);
  }
  return found;
}

/** How far around the cursor the query looks, in lines. */
export interface QueryWindow {
  linesBefore: number;
  linesAfter: number;
}

export const DEFAULT_QUERY_WINDOW: QueryWindow = { linesBefore: 12, linesAfter: 4 };

/** Identifiers on the lines this close to the cursor count fully; farther ones count less. */
const NEAR_LINES = 2;
const FAR_WEIGHT = 0.5;

/**
 * The identifiers around the cursor, weighted by nearness: the line being typed and its neighbours
 * weigh 1, the rest of the window 0.5. This is what snippets are ranked against.
 */
export function queryIdentifiers(prefix: string, suffix: string, window: QueryWindow = DEFAULT_QUERY_WINDOW): Map<string, number> {
  const weights = new Map<string, number>();
  const before = lastLines(prefix, window.linesBefore + 1);
  const after = firstLines(suffix, window.linesAfter + 1);
  const add = (line: string, distance: number) => {
    const weight = distance <= NEAR_LINES ? 1 : FAR_WEIGHT;
    for (const match of line.matchAll(IDENTIFIER)) {
      const word = match[0];
      if (isMeaningful(word) && (weights.get(word) ?? 0) < weight) weights.set(word, weight);
    }
  };
  // The cursor line is split between the two sides; join its halves so a word across the cursor reads whole.
  const cursorLine = (before.pop() ?? '') + (after.shift() ?? '');
  add(cursorLine, 0);
  before.reverse().forEach((line, i) => add(line, i + 1));
  after.forEach((line, i) => add(line, i + 1));
  return weights;
}

function lastLines(text: string, count: number): string[] {
  let start = text.length;
  for (let i = 0; i < count; i++) {
    const newline = start > 0 ? text.lastIndexOf('\n', start - 1) : -1;
    if (newline < 0) return text.split('\n');
    start = newline;
  }
  return text.slice(start + 1).split('\n');
}

function firstLines(text: string, count: number): string[] {
  let end = -1;
  for (let i = 0; i < count; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text.split('\n');
  }
  return text.slice(0, end).split('\n');
}

/** An identifier and where it stands, for asking a language server about it. */
export interface PlacedIdentifier {
  name: string;
  line: number;
  character: number;
}

/**
 * The distinct identifiers on the lines around `position`, nearest first (the cursor's line, then
 * outwards), at most `limit`: the names whose definitions are worth looking up.
 */
export function identifiersAround(
  source: LineSource,
  position: Position,
  options: { linesAbove: number; linesBelow: number; limit: number },
): PlacedIdentifier[] {
  const found: PlacedIdentifier[] = [];
  const seen = new Set<string>();
  const lines = [position.line];
  for (let d = 1; d <= Math.max(options.linesAbove, options.linesBelow); d++) {
    if (d <= options.linesAbove) lines.push(position.line - d);
    if (d <= options.linesBelow) lines.push(position.line + d);
  }
  for (const line of lines) {
    if (line < 0 || line >= source.lineCount) continue;
    const text = source.lineAt(line);
    // On the cursor's line, nearer the cursor first.
    const matches = [...text.matchAll(IDENTIFIER)];
    if (line === position.line) matches.sort((a, b) => Math.abs(a.index - position.character) - Math.abs(b.index - position.character));
    for (const match of matches) {
      const name = match[0];
      if (!isMeaningful(name) || seen.has(name)) continue;
      seen.add(name);
      found.push({ name, line, character: match.index });
      if (found.length >= options.limit) return found;
    }
  }
  return found;
}
