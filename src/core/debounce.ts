/** The range the adaptive delay stays within; `maxMs` is usually the user's debounce setting. */
export interface DebounceBounds {
  minMs: number;
  maxMs: number;
}

/** Gaps between keystrokes shorter than this are typing; longer ones are pauses. */
export const PAUSE_GAP_MS = 750;
/** Gaps longer than this mean the user was away, which says nothing about their rhythm. */
export const IDLE_GAP_MS = 5000;
/** Server latency at which the delay is neither stretched nor shrunk. */
export const REFERENCE_LATENCY_MS = 400;
/** How many recent gaps and latencies are remembered. */
const SAMPLE_SIZE = 20;

/**
 * A debounce delay learnt from the user's own rhythm and the server's speed: just longer than the
 * user's usual gap between keystrokes (so a request starts when they stop, not mid-word), shorter
 * for users who pause often (each pause is a chance to help) and for fast servers (a wasted
 * request is cheap), longer for slow servers; always within the bounds. Deterministic: the caller
 * passes every time in.
 */
export class AdaptiveDebounce {
  private readonly gaps: number[] = [];
  private readonly latencies: number[] = [];
  private lastKeystrokeMs: number | undefined;
  private readonly minMs: number;
  private readonly maxMs: number;

  constructor(bounds: DebounceBounds) {
    this.maxMs = Math.max(0, bounds.maxMs);
    this.minMs = Math.min(Math.max(0, bounds.minMs), this.maxMs);
  }

  /** Notes a keystroke at `timeMs` (any monotonic clock). */
  recordKeystroke(timeMs: number): void {
    const previous = this.lastKeystrokeMs;
    this.lastKeystrokeMs = timeMs;
    if (previous === undefined) return;
    const gap = timeMs - previous;
    if (gap <= 0 || gap > IDLE_GAP_MS) return;
    remember(this.gaps, gap);
  }

  /** Notes how long the server took to answer one request. */
  recordLatency(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) remember(this.latencies, ms);
  }

  /** The delay to wait after a keystroke before asking the server. */
  delayMs(): number {
    const typingGaps = this.gaps.filter((gap) => gap < PAUSE_GAP_MS);
    let delay = typingGaps.length > 0 ? median(typingGaps) * 1.5 : this.maxMs;
    const pauseShare = this.gaps.length > 0 ? (this.gaps.length - typingGaps.length) / this.gaps.length : 0;
    delay *= 1 - 0.5 * pauseShare;
    if (this.latencies.length > 0) delay *= clamp(median(this.latencies) / REFERENCE_LATENCY_MS, 0.5, 1.5);
    // Never shorter than most of the user's gaps between keys, or requests start mid-word.
    if (typingGaps.length > 0) delay = Math.max(delay, percentile(typingGaps, 0.9) * 1.1);
    return Math.round(clamp(delay, this.minMs, this.maxMs));
  }
}

function remember(samples: number[], value: number): void {
  samples.push(value);
  if (samples.length > SAMPLE_SIZE) samples.shift();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
