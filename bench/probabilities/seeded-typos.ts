import { seededRandom } from '../typing/rhythm';

/** A typo put into a text: where the changed word is now, and what it was. */
export interface SeededTypo {
  /** The changed word's span in the new text. */
  start: number;
  end: number;
  original: string;
  typo: string;
  kind: TypoKind;
}

export type TypoKind = 'swap' | 'drop' | 'double' | 'neighbour';

const KINDS: readonly TypoKind[] = ['swap', 'drop', 'double', 'neighbour'];
const WORD = /[A-Za-z_][A-Za-z0-9_]{3,}/g;
// Keys next to each letter on a US keyboard, for slips of the finger.
const NEIGHBOURS: Record<string, string> = {
  a: 'qwsz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko', j: 'huikmn', k: 'jiolm',
  l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji', v: 'cfgb', w: 'qase',
  x: 'zsdc', y: 'tghu', z: 'asx',
};

/**
 * Puts `count` typos into `text` at seeded places: in words of at least 4 characters (identifiers and
 * keywords), one slip each (two letters swapped, one dropped, one doubled, or one hit on a neighbouring
 * key), never making a word that already occurs in the text, never two in one line. Returns the new
 * text and where the typos are in it.
 */
export function seedTypos(text: string, count: number, seed: number): { text: string; typos: SeededTypo[] } {
  const random = seededRandom(seed);
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index!, word: m[0] }));
  const existing = new Set(words.map((w) => w.word));
  const chosen: { start: number; word: string; typo: string; kind: TypoKind }[] = [];
  const usedLines = new Set<number>();
  for (let attempt = 0; attempt < count * 50 && chosen.length < count; attempt++) {
    const candidate = words[Math.floor(random() * words.length)];
    if (!candidate) break;
    const line = lineOf(text, candidate.start);
    if (usedLines.has(line)) continue;
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    const typo = slip(candidate.word, kind, random);
    if (!typo || typo === candidate.word || existing.has(typo)) continue;
    usedLines.add(line);
    chosen.push({ ...candidate, typo, kind });
  }
  chosen.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const typos: SeededTypo[] = [];
  for (const c of chosen) {
    out += text.slice(at, c.start);
    typos.push({ start: out.length, end: out.length + c.typo.length, original: c.word, typo: c.typo, kind: c.kind });
    out += c.typo;
    at = c.start + c.word.length;
  }
  return { text: out + text.slice(at), typos };
}

function slip(word: string, kind: TypoKind, random: () => number): string | undefined {
  // Never the first letter: people rarely slip there, and it keeps the word recognisable.
  const i = 1 + Math.floor(random() * (word.length - 1));
  switch (kind) {
    case 'swap':
      if (i >= word.length - 1 || word[i] === word[i + 1]) return undefined;
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 'drop':
      return word.slice(0, i) + word.slice(i + 1);
    case 'double':
      return word.slice(0, i + 1) + word[i] + word.slice(i + 1);
    case 'neighbour': {
      const keys = NEIGHBOURS[word[i]!.toLowerCase()];
      if (!keys) return undefined;
      const key = keys[Math.floor(random() * keys.length)]!;
      return word.slice(0, i) + (word[i] === word[i]!.toUpperCase() ? key.toUpperCase() : key) + word.slice(i + 1);
    }
  }
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
