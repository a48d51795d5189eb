import * as fs from 'node:fs';
import type { LayerCounts } from './results-reporter';

export type LayerName = 'unit' | 'vscode' | 'ui';

/** How one layer went: its counts, or why it could not run (which counts as a failure). */
export interface LayerResult {
  layer: LayerName;
  counts: LayerCounts;
  /** Set when the layer could not run or did not report: the layer then counts as failed. */
  error?: string;
  /** Which VS Code ran it, for the layers that use one. */
  runtime?: string;
  seconds: number;
}

/** The counts a mocha run wrote, or undefined when it wrote none (it crashed or never started). */
export function readCounts(resultsFile: string): LayerCounts | undefined {
  if (!fs.existsSync(resultsFile)) return undefined;
  return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as LayerCounts;
}

/** A layer that could not run: one failure carrying the reason, never a silent skip. */
export function couldNotRun(layer: LayerName, error: string, started: number, runtime?: string): LayerResult {
  return {
    layer,
    counts: { passed: 0, failed: 1, pending: 0, failures: [{ title: `${layer} layer could not run`, message: error }] },
    error,
    runtime,
    seconds: (Date.now() - started) / 1000,
  };
}
