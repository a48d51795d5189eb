import { seededRandom } from './rhythm';

/** A part of a file cut out for the typist to fill in again, with the rest of the file around it. */
export interface Hole {
  from: number;
  to: number;
  /** lines: whole lines after their indentation; tail: the end of a line (and maybe the next); inline: inside brackets on one line */
  kind: 'lines' | 'tail' | 'inline';
}

interface Line {
  start: number;
  end: number; // before the newline
  text: string;
}

const KINDS: readonly Hole['kind'][] = ['lines', 'tail', 'inline'];
const CLOSER_OF: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Picks `count` holes in `text`, one of each kind in turn, at seeded places: never in the first two lines,
 * at least two lines apart, 6 to 400 characters each (whole lines: 2 to 7 of them; a line's end: up to 2
 * more lines). The same text and seed always give the same holes.
 */
export function pickHoles(text: string, count: number, seed: number): Hole[] {
  const random = seededRandom(seed);
  const lines = linesOf(text);
  const holes: Hole[] = [];
  for (let attempt = 0; holes.length < count && attempt < 400; attempt++) {
    const kind = KINDS[holes.length % KINDS.length]!;
    const lineIndex = 2 + Math.floor(random() * (lines.length - 4));
    const hole = holeAt(lines, lineIndex, kind, random);
    if (!hole || hole.to - hole.from < 6 || hole.to - hole.from > 400) continue;
    const lineOf = (offset: number) => lines.findIndex((line) => offset <= line.end);
    const clash = holes.some((other) => lineOf(hole.from) <= lineOf(other.to) + 2 && lineOf(other.from) <= lineOf(hole.to) + 2);
    if (!clash) holes.push(hole);
  }
  return holes.sort((a, b) => a.from - b.from);
}

function holeAt(lines: readonly Line[], index: number, kind: Hole['kind'], random: () => number): Hole | undefined {
  const line = lines[index]!;
  const indent = /^ */.exec(line.text)![0].length;
  if (line.text.trim().length < 4) return undefined;
  if (kind === 'lines') {
    const last = lastLineOfRun(lines, index, 1 + Math.floor(random() * 6));
    return { from: line.start + indent, to: lines[last]!.end, kind };
  }
  if (kind === 'tail') {
    const match = /\(|= |: /.exec(line.text.slice(indent));
    if (!match) return undefined;
    const last = lastLineOfRun(lines, index, Math.floor(random() * 3));
    return { from: line.start + indent + match.index + match[0].length, to: lines[last]!.end, kind };
  }
  const open = [...line.text].findIndex((char, i) => i >= indent && char in CLOSER_OF && closerAt(line.text, i) > i + 1);
  if (open < 0) return undefined;
  return { from: line.start + open + 1, to: line.start + closerAt(line.text, open), kind };
}

/** The index of the matching closer on the same line, or -1. */
function closerAt(text: string, open: number): number {
  const closer = CLOSER_OF[text[open]!]!;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === text[open]) depth++;
    else if (text[i] === closer && --depth === 0) return i;
  }
  return -1;
}

/** The line `extra` lines after `index` (or the file's last), moved back to one that is not blank. */
function lastLineOfRun(lines: readonly Line[], index: number, extra: number): number {
  let last = Math.min(index + extra, lines.length - 1);
  while (last > index && lines[last]!.text.trim() === '') last--;
  return last;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

/** The file with every hole from `first` on cut out (the holes before it are filled). */
export function withHolesCut(text: string, holes: readonly Hole[], first = 0): string {
  let result = '';
  let at = 0;
  for (const hole of holes.slice(first)) {
    result += text.slice(at, hole.from);
    at = hole.to;
  }
  return result + text.slice(at);
}
