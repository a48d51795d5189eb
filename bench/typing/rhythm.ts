/** A small seeded PRNG (mulberry32), so every run and both peers get the same typing rhythm. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The typist's timing, in milliseconds. */
export interface Rhythm {
  /** Gap after an ordinary character. */
  charGap: [number, number];
  /** Pause after ending a line (Enter), and after accepting a suggestion (the user reads what came in). */
  linePause: [number, number];
  /** Pause after an empty line: the user thinks about the next block. */
  blockPause: [number, number];
  /** How long a suggestion must have been visible before the typist notices it and can press Tab. */
  reactionMs: number;
  /** Pause after the cursor lands at a new spot (Go to Line, Ctrl+End), before the first key: the user looks where they are. */
  lookPause: [number, number];
}

export const HUMAN_RHYTHM: Rhythm = {
  charGap: [60, 120],
  linePause: [400, 700],
  blockPause: [1500, 2500],
  reactionMs: 200,
  lookPause: [400, 700],
};

/** Draws gaps from the rhythm; each peer gets a fresh one with the same seed. */
export class GapSource {
  private readonly random: () => number;

  /** Draws the look pauses apart, so the gaps between keys are the same with or without them. */
  private readonly lookRandom: () => number;

  constructor(private readonly rhythm: Rhythm, seed: number) {
    this.random = seededRandom(seed);
    this.lookRandom = seededRandom(seed ^ 0x5eed);
  }

  /** The pause after the cursor lands at a new spot, before the first key. */
  afterLanding(): number {
    const [low, high] = this.rhythm.lookPause;
    return Math.round(low + (high - low) * this.lookRandom());
  }

  /** The gap after typing `typed`, the character before it being `previous`. */
  afterChar(typed: string, previous: string): number {
    if (typed !== '\n') return this.between(this.rhythm.charGap);
    return this.between(previous === '\n' ? this.rhythm.blockPause : this.rhythm.linePause);
  }

  /** The gap after accepting a suggestion. */
  afterAccept(): number {
    return this.between(this.rhythm.linePause);
  }

  private between([low, high]: [number, number]): number {
    return Math.round(low + (high - low) * this.random());
  }
}
