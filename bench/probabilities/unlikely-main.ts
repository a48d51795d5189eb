import * as fs from 'node:fs';
import * as path from 'node:path';
import { Gpt } from '../../src/client';
import { withinScope, type UnlikelyScope, type UnlikelyToken } from '../../src/core/unlikely-tokens';
import { TextWords } from '../../src/core/word-slips';
import { checkUnlikelyCode } from '../../src/engine/unlikely-code';
import { repoRoot } from '../../test/support/paths';
import { startLocalServer } from '../../test/server/local-server';
import { seedTypos, type SeededTypo } from './seeded-typos';

/** Files the built-in model never trained on (its corpus is server/corpus/): the benchmark's and the extension's own. */
const FILES = [
  'bench/typing/files/inventory.py',
  'bench/typing/files/ring_buffer.rs',
  'bench/typing/files/word_counter.rb',
  'src/core/cache.ts',
  'src/core/context.ts',
  'src/core/debounce.ts',
  'src/core/fim.ts',
  'src/core/logprobs.ts',
  'src/engine/model-resolver.ts',
  'src/engine/settings.ts',
];
const TYPOS_PER_FILE = 4;
const THRESHOLDS = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3e-2];
const SCOPES: readonly UnlikelyScope[] = ['all', 'newWords', 'slips'];
/** The window sizes the command uses with the default settings (maxPrefixChars + maxSuffixChars, 1000 of context). */
const WINDOW = { windowChars: 8000, contextChars: 1000 };

interface Checked {
  file: string;
  text: string;
  typos: SeededTypo[];
  /** Every scored token with a probability below the largest threshold (the `all` scope). */
  marks: UnlikelyToken[];
  words: TextWords;
  lines: number;
}

/** Precision and recall of one scope at one threshold, over all files. */
interface Score {
  scope: UnlikelyScope;
  threshold: number;
  marks: number;
  rightMarks: number;
  typos: number;
  found: number;
  /** Marks per 100 lines of the same files without typos. */
  cleanMarksPer100Lines: number;
}

/**
 * `npm run bench:probabilities -- unlikely [seeds]`: puts typos into files the local model never saw,
 * runs Check Unlikely Code's engine on them against the local server, and reports, per threshold, the
 * precision (marks that touch a typo) and recall (typos touched by a mark), and how many marks clean
 * files get, for each scope. Half the typo seeds choose each scope's threshold (best F1); the other
 * half, unseen by that choice, give the figures.
 */
export async function runUnlikelyBench(seeds: number): Promise<void> {
  const server = await startLocalServer();
  const gpt = new Gpt({ serverURL: server.baseUrl });
  const started = Date.now();
  let promptTokens = 0;
  let requests = 0;
  try {
    const check = async (file: string, text: string, typos: SeededTypo[]): Promise<Checked> => {
      const report = await checkUnlikelyCode(gpt, { text, model: server.modelId, threshold: Math.max(...THRESHOLDS), ...WINDOW });
      promptTokens += report.promptTokens;
      requests += report.requests;
      return { file, text, typos, marks: report.marks, words: new TextWords(text), lines: text.split('\n').length };
    };
    // Typo seeds 1..n choose the threshold; seeds n+1..2n, which the choice never saw, report it.
    const clean: Checked[] = [];
    const chooseOn: Checked[] = [];
    const reportOn: Checked[] = [];
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      clean.push(await check(file, text, []));
      for (let seed = 1; seed <= 2 * seeds; seed++) {
        const withTypos = seedTypos(text, TYPOS_PER_FILE, seed * 7919 + file.length);
        (seed <= seeds ? chooseOn : reportOn).push(await check(file, withTypos.text, withTypos.typos));
      }
    }
    console.log(`Local server (${server.modelId}), ${FILES.length} files it never trained on, ${TYPOS_PER_FILE} seeded typos per file; `
      + `${seeds} typo seeds choose the threshold, ${seeds} others report it (${reportOn.reduce((n, c) => n + c.typos.length, 0)} typos); `
      + `${requests} requests, ${promptTokens} prompt tokens, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const chosen: Record<string, number> = {};
    const scores: Score[] = [];
    for (const scope of SCOPES) {
      const best = THRESHOLDS.map((threshold) => ({ threshold, f1: f1Of(score(scope, threshold, chooseOn, clean)) })).sort((a, b) => b.f1 - a.f1)[0]!;
      chosen[scope] = best.threshold;
      for (const threshold of THRESHOLDS) scores.push(score(scope, threshold, reportOn, clean));
    }
    console.log('| scope | threshold | marks | precision | recall | F1 | marks per 100 clean lines |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const s of scores) {
      const precision = s.rightMarks / Math.max(1, s.marks);
      const recall = s.found / Math.max(1, s.typos);
      const star = chosen[s.scope] === s.threshold ? ' (best F1 on the other seeds)' : '';
      console.log(`| ${s.scope} | ${s.threshold}${star} | ${s.marks} | ${percent(precision)} | ${percent(recall)} | ${f1Of(s).toFixed(3)} | ${s.cleanMarksPer100Lines.toFixed(1)} |`);
    }
    const out = path.join(repoRoot, 'test-results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'bench-unlikely-code.json'), JSON.stringify({ files: FILES, seeds, chosen, scores, typos: reportOn.map((c) => ({ file: c.file, typos: c.typos })) }, null, 2));
  } finally {
    await gpt.close();
    await server.stop();
  }
}

function score(scope: UnlikelyScope, threshold: number, seeded: readonly Checked[], clean: readonly Checked[]): Score {
  const marked = (checked: Checked) => withinScope(checked.marks.filter((mark) => mark.probability < threshold), checked.words, scope);
  let marks = 0;
  let rightMarks = 0;
  let typos = 0;
  let found = 0;
  for (const checked of seeded) {
    const kept = marked(checked);
    marks += kept.length;
    rightMarks += kept.filter((mark) => checked.typos.some((typo) => touches(mark, typo))).length;
    typos += checked.typos.length;
    found += checked.typos.filter((typo) => kept.some((mark) => touches(mark, typo))).length;
  }
  const cleanMarks = clean.reduce((n, c) => n + marked(c).length, 0);
  const cleanLines = clean.reduce((n, c) => n + c.lines, 0);
  return { scope, threshold, marks, rightMarks, typos, found, cleanMarksPer100Lines: (100 * cleanMarks) / cleanLines };
}

function f1Of(s: Score): number {
  const precision = s.rightMarks / Math.max(1, s.marks);
  const recall = s.found / Math.max(1, s.typos);
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** A mark touches a typo when what it underlines (its token, or its word) overlaps the changed word. */
function touches(mark: UnlikelyToken, typo: SeededTypo): boolean {
  const start = mark.word?.start ?? mark.offset;
  const end = mark.word?.end ?? mark.offset + mark.length;
  return start < typo.end && end > typo.start;
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}
