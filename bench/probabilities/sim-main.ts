import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../src/engine/settings';
import { repoRoot } from '../../test/support/paths';
import { HUMAN_RHYTHM } from '../typing/rhythm';
import { DEFAULT_NOISE, type NoiseModel } from './noisy-oracle';
import { simulateTyping, type SimFigures, type SimFile } from './typing-sim';

const FILES_DIR = path.join(repoRoot, 'bench', 'typing', 'files');
const LATENCY = { firstTokenMs: 150, perTokenMs: 15 };

/** One row of the sweep: a name and the settings it changes. */
interface Variant {
  name: string;
  settings: Partial<Settings>;
}

/**
 * `npm run bench:probabilities -- sim`: types the benchmark files (whole) against the real inline
 * session on a virtual clock with the noisy oracle as its server, over several noise seeds, for each
 * setting of trimming and the doubt stop; prints the mean figures per variant.
 */
export async function runSimulation(seeds: number): Promise<void> {
  const files = benchFiles();
  const variants: Variant[] = [
    { name: 'off (no trim, no doubt stop)', settings: { trimBelowProbability: 0, stopAfterUnsureTokens: 0 } },
    ...[0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((t) => ({ name: `trim ${t}`, settings: { trimBelowProbability: t, stopAfterUnsureTokens: 0 } })),
    ...[2, 3, 4, 6].map((k) => ({ name: `trim 0.3 + stop after ${k}`, settings: { trimBelowProbability: 0.3, stopAfterUnsureTokens: k } })),
    ...[2, 3, 4, 6].map((k) => ({ name: `trim 0.4 + stop after ${k}`, settings: { trimBelowProbability: 0.4, stopAfterUnsureTokens: k } })),
    { name: 'n=3 ranked, trim 0.3 + stop after 4', settings: { n: 3, trimBelowProbability: 0.3, stopAfterUnsureTokens: 4 } },
    { name: 'n=3, off', settings: { n: 3, trimBelowProbability: 0, stopAfterUnsureTokens: 0 } },
  ];
  console.log(`Noisy oracle: ${JSON.stringify(DEFAULT_NOISE)}`);
  console.log(`Simulated server: ${LATENCY.firstTokenMs} ms to the first token + ${LATENCY.perTokenMs} ms per token; ${seeds} noise seeds; `
    + `files ${files.map((f) => `${f.name} (${f.to - f.from} chars)`).join(', ')}\n`);
  const rows: { variant: string; figures: SimFigures }[] = [];
  for (const variant of variants) {
    const runs: SimFigures[] = [];
    for (let seed = 0; seed < seeds; seed++) {
      const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:1/v1', model: 'oracle', prefetch: 'on', ...variant.settings };
      runs.push(await simulateTyping({ settings, files, rhythm: HUMAN_RHYTHM, latency: LATENCY, noise: DEFAULT_NOISE, seed: 1000, noiseSeed: seed }));
    }
    rows.push({ variant: variant.name, figures: mean(runs) });
  }
  console.log(table(rows));
  const out = path.join(repoRoot, 'test-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'bench-probabilities-sim.json'), JSON.stringify({ noise: DEFAULT_NOISE, latency: LATENCY, seeds, rows }, null, 2));
}

function benchFiles(): SimFile[] {
  return fs.readdirSync(FILES_DIR).sort().map((name) => {
    const text = fs.readFileSync(path.join(FILES_DIR, name), 'utf8');
    return { name, text, from: text.indexOf('\n') + 1, to: text.length };
  });
}

function mean(runs: readonly SimFigures[]): SimFigures {
  const out = {} as Record<string, number>;
  for (const key of Object.keys(runs[0]!) as (keyof SimFigures)[]) out[key] = runs.reduce((sum, run) => sum + run[key], 0) / runs.length;
  return out as unknown as SimFigures;
}

function table(rows: readonly { variant: string; figures: SimFigures }[]): string {
  const header = '| variant | keystrokes saved | accepts | wrong chars shown | wrong / right chars shown | displays (wrong) | requests | tokens generated | saved per request |';
  const lines = rows.map(({ variant, figures: f }) =>
    `| ${variant} | ${f.keystrokesSaved.toFixed(0)} | ${f.accepts.toFixed(1)} | ${f.wrongCharsShown.toFixed(0)} | ${(f.wrongCharsShown / Math.max(1, f.rightCharsShown)).toFixed(2)} | `
    + `${f.displays.toFixed(0)} (${f.wrongDisplays.toFixed(0)}) | ${f.requests.toFixed(1)} | ${f.tokensGenerated.toFixed(0)} | ${(f.keystrokesSaved / Math.max(1, f.requests)).toFixed(1)} |`);
  return [header, '|---|---:|---:|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}

/** Noise models around the default, for a threshold that holds beyond one calibration. */
export const NOISE_VARIANTS: Record<string, NoiseModel> = {
  default: DEFAULT_NOISE,
  'errs twice as often': { ...DEFAULT_NOISE, errorPerToken: 0.16 },
  'errs half as often': { ...DEFAULT_NOISE, errorPerToken: 0.04 },
  'blunter probabilities': { ...DEFAULT_NOISE, right: { mean: 1.2, sd: 1.5 }, firstWrong: { mean: -0.5, sd: 1.5 } },
  'sharper probabilities': { ...DEFAULT_NOISE, right: { mean: 3.0, sd: 1.0 }, firstWrong: { mean: -2.0, sd: 1.0 } },
  'overconfident model': { ...DEFAULT_NOISE, right: { mean: 3.0, sd: 1.2 }, firstWrong: { mean: 0.5, sd: 1.5 } },
};

/**
 * `npm run bench:probabilities -- sweep [seeds]`: keystrokes saved and wrong characters shown for each
 * trimming threshold under each noise model, to choose a default that holds across them.
 */
export async function runSweep(seeds: number): Promise<void> {
  const files = benchFiles();
  const thresholds = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  const results: Record<string, Record<string, SimFigures>> = {};
  for (const [noiseName, noise] of Object.entries(NOISE_VARIANTS)) {
    results[noiseName] = {};
    for (const threshold of thresholds) {
      const runs: SimFigures[] = [];
      for (let seed = 0; seed < seeds; seed++) {
        const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:1/v1', model: 'oracle', prefetch: 'on', trimBelowProbability: threshold, stopAfterUnsureTokens: 0 };
        runs.push(await simulateTyping({ settings, files, rhythm: HUMAN_RHYTHM, latency: LATENCY, noise, seed: 1000, noiseSeed: seed }));
      }
      results[noiseName]![String(threshold)] = mean(runs);
    }
    const row = thresholds.map((t) => results[noiseName]![String(t)]!);
    console.log(`${noiseName}: saved ${row.map((f) => f.keystrokesSaved.toFixed(0)).join(' / ')}; wrong shown ${row.map((f) => f.wrongCharsShown.toFixed(0)).join(' / ')}`);
  }
  console.log(`(thresholds ${thresholds.join(' / ')})`);
  const out = path.join(repoRoot, 'test-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'bench-probabilities-sweep.json'), JSON.stringify({ noise: NOISE_VARIANTS, thresholds, seeds, results }, null, 2));
}

/**
 * `npm run bench:probabilities -- stops [seeds]`: for trimming at 0.6 and 0.7, keystrokes saved and
 * tokens generated for each doubt-stop count under each noise model.
 */
export async function runStopSweep(seeds: number): Promise<void> {
  const files = benchFiles();
  const counts = [0, 2, 3, 4, 6, 8];
  const results: Record<string, Record<string, SimFigures>> = {};
  for (const threshold of [0.6, 0.7]) {
    for (const [noiseName, noise] of Object.entries(NOISE_VARIANTS)) {
      const key = `${threshold} ${noiseName}`;
      results[key] = {};
      for (const count of counts) {
        const runs: SimFigures[] = [];
        for (let seed = 0; seed < seeds; seed++) {
          const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:1/v1', model: 'oracle', prefetch: 'on', trimBelowProbability: threshold, stopAfterUnsureTokens: count };
          runs.push(await simulateTyping({ settings, files, rhythm: HUMAN_RHYTHM, latency: LATENCY, noise, seed: 1000, noiseSeed: seed }));
        }
        results[key]![String(count)] = mean(runs);
      }
      const row = counts.map((c) => results[key]![String(c)]!);
      console.log(`trim ${key}: saved ${row.map((f) => f.keystrokesSaved.toFixed(0)).join(' / ')}; tokens ${row.map((f) => f.tokensGenerated.toFixed(0)).join(' / ')}; requests ${row.map((f) => f.requests.toFixed(0)).join(' / ')}`);
    }
  }
  console.log(`(stop after ${counts.join(' / ')} unsure tokens; 0 = never)`);
  const out = path.join(repoRoot, 'test-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'bench-probabilities-stops.json'), JSON.stringify({ noise: NOISE_VARIANTS, counts, seeds, results }, null, 2));
}
