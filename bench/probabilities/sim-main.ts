import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Settings } from '../../src/engine/settings';
import { simulateTyping, type SimulationResult } from '../../test/support/simulation/typing-simulation';
import { repoRoot } from '../../test/support/paths';
import { DEFAULT_NOISE, type NoiseModel } from './noisy-oracle';
import { NoisyStreamer } from './noisy-streamer';

const FILES_DIR = path.join(repoRoot, 'bench', 'typing', 'files');
/** The pace of the real-VS-Code benchmark's oracle server: a local model server. */
const TIMING = { firstTokenMs: 150, perTokenMs: 15 };

/** Noise models around the default, for settings that hold beyond one calibration. */
export const NOISE_MODELS: Record<string, NoiseModel> = {
  default: DEFAULT_NOISE,
  'errs twice as often': { ...DEFAULT_NOISE, errorPerToken: 0.16 },
  'errs half as often': { ...DEFAULT_NOISE, errorPerToken: 0.04 },
  'blunter probabilities': { ...DEFAULT_NOISE, right: { mean: 1.2, sd: 1.5 }, firstWrong: { mean: -0.5, sd: 1.5 } },
  'sharper probabilities': { ...DEFAULT_NOISE, right: { mean: 3.0, sd: 1.0 }, firstWrong: { mean: -2.0, sd: 1.0 } },
  'overconfident model': { ...DEFAULT_NOISE, right: { mean: 3.0, sd: 1.2 }, firstWrong: { mean: 0.5, sd: 1.5 } },
};

/** The figures of typing every benchmark file once per noise seed, summed over files and averaged over seeds. */
export interface TypingFigures {
  keystrokesSaved: number;
  typedChars: number;
  accepts: number;
  shownChars: number;
  wrongChars: number;
  wrongGhosts: number;
  requests: number;
  abortedRequests: number;
  generatedTokens: number;
}

/** Types the benchmark files (all lines after the first) against the noisy oracle with `settings`. */
export async function typeWithNoise(settings: Partial<Settings>, noise: NoiseModel, seeds: number): Promise<TypingFigures> {
  const total: TypingFigures = { keystrokesSaved: 0, typedChars: 0, accepts: 0, shownChars: 0, wrongChars: 0, wrongGhosts: 0, requests: 0, abortedRequests: 0, generatedTokens: 0 };
  for (const name of fs.readdirSync(FILES_DIR).sort()) {
    const text = fs.readFileSync(path.join(FILES_DIR, name), 'utf8');
    for (let seed = 0; seed < seeds; seed++) {
      const result: SimulationResult = await simulateTyping({
        text,
        span: { from: text.indexOf('\n') + 1, to: text.length },
        seed: 1000,
        timing: TIMING,
        settings: { model: 'oracle', prefetch: 'on', ...settings },
        server: (world) => new NoisyStreamer(world, noise, seed),
      });
      total.keystrokesSaved += result.acceptedChars / seeds;
      total.typedChars += result.typedChars / seeds;
      total.accepts += result.accepts / seeds;
      total.shownChars += result.shownChars / seeds;
      total.wrongChars += result.wrongChars / seeds;
      total.wrongGhosts += result.wrongGhosts / seeds;
      total.requests += result.requests.length / seeds;
      total.abortedRequests += result.requests.filter((r) => r.aborted).length / seeds;
      total.generatedTokens += result.generatedTokens / seeds;
    }
  }
  return total;
}

/** A variant of the settings, by name. */
interface Variant {
  name: string;
  settings: Partial<Settings>;
}

/**
 * `npm run bench:probabilities -- sim [seeds]`: the features off and on (the defaults), and each
 * feature alone, under the default noise. Prints the table for bench/README.md.
 */
export async function runSimulation(seeds: number): Promise<void> {
  const off = { trimBelowProbability: 0, stopAfterUnsureTokens: 0 };
  const variants: Variant[] = [
    { name: 'features off (no trim, no doubt stop)', settings: off },
    { name: 'trim only (0.7)', settings: { trimBelowProbability: 0.7, stopAfterUnsureTokens: 0 } },
    { name: 'features on (defaults: trim 0.7, stop after 3)', settings: {} },
    { name: 'n = 3, features off', settings: { ...off, n: 3 } },
    { name: 'n = 3, features on (ranked)', settings: { n: 3 } },
  ];
  console.log(header(seeds));
  const rows: { name: string; figures: TypingFigures }[] = [];
  for (const variant of variants) rows.push({ name: variant.name, figures: await typeWithNoise(variant.settings, DEFAULT_NOISE, seeds) });
  console.log(table(rows));
  writeResults('bench-probabilities-sim.json', { noise: DEFAULT_NOISE, timing: TIMING, seeds, rows });
}

/**
 * `npm run bench:probabilities -- sweep [seeds]`: keystrokes saved, wrong characters shown and tokens
 * for each trimming threshold and doubt-stop count under each noise model, and how close each pair
 * comes to the best one per model: the measurement behind the defaults.
 */
export async function runSweep(seeds: number): Promise<void> {
  const thresholds = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9];
  const stops = [0, 2, 3, 4, 6];
  console.log(header(seeds));
  const results: Record<string, Record<string, TypingFigures>> = {};
  for (const [noiseName, noise] of Object.entries(NOISE_MODELS)) {
    results[noiseName] = {};
    for (const threshold of thresholds) {
      for (const stop of threshold === 0 ? [0] : stops) {
        results[noiseName]![`${threshold}/${stop}`] = await typeWithNoise({ trimBelowProbability: threshold, stopAfterUnsureTokens: stop }, noise, seeds);
      }
    }
    console.error(`  ${noiseName} done`);
  }
  const pairs = Object.keys(results.default!);
  const ratios = pairs.map((pair) => {
    const perModel = Object.values(results).map((row) => row[pair]!.keystrokesSaved / Math.max(...Object.values(row).map((f) => f.keystrokesSaved)));
    const tokens = Object.values(results).map((row) => row[pair]!.generatedTokens / row['0/0']!.generatedTokens);
    const wrong = Object.values(results).map((row) => row[pair]!.wrongChars / row['0/0']!.wrongChars);
    return { pair, mean: average(perModel), min: Math.min(...perModel), tokens: average(tokens), wrong: average(wrong), perModel };
  }).sort((a, b) => b.mean - a.mean);
  console.log('| trim / stop after | keystrokes saved, mean of best per model | worst model | tokens vs off | wrong chars vs off | per model |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of ratios) console.log(`| ${r.pair} | ${r.mean.toFixed(3)} | ${r.min.toFixed(2)} | ${r.tokens.toFixed(2)} | ${r.wrong.toFixed(3)} | ${r.perModel.map((x) => x.toFixed(2)).join(' ')} |`);
  console.log(`(models: ${Object.keys(NOISE_MODELS).join(', ')})`);
  writeResults('bench-probabilities-sweep.json', { noise: NOISE_MODELS, timing: TIMING, seeds, results, ratios });
}

function header(seeds: number): string {
  return `Noisy oracle ${JSON.stringify(DEFAULT_NOISE)}; ${TIMING.firstTokenMs} ms to the first token + ${TIMING.perTokenMs} ms per token; `
    + `files in bench/typing/files typed from their second line to the end; ${seeds} noise seed(s), averaged\n`;
}

function table(rows: readonly { name: string; figures: TypingFigures }[]): string {
  const lines = rows.map(({ name, figures: f }) =>
    `| ${name} | ${f.keystrokesSaved.toFixed(0)} (${(100 * f.keystrokesSaved / (f.keystrokesSaved + f.typedChars)).toFixed(0)}%) | ${f.accepts.toFixed(0)} | `
    + `${f.wrongChars.toFixed(0)} | ${f.shownChars.toFixed(0)} | ${f.wrongGhosts.toFixed(0)} | ${f.requests.toFixed(0)} | ${f.generatedTokens.toFixed(0)} | ${(f.keystrokesSaved / Math.max(1, f.requests)).toFixed(1)} |`);
  return ['| | keystrokes saved | accepts | wrong chars shown | chars shown | wrong ghosts | requests | tokens generated | saved per request |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function writeResults(name: string, value: unknown): void {
  const out = path.join(repoRoot, 'test-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, name), JSON.stringify(value, null, 2));
}
