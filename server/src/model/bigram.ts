/** Logit of a token the model must never produce (start-of-text and the FIM markers): exp() of it is 0. */
export const NEVER_LOGIT = -1e4;

/**
 * An exact bigram language model: P(next | prev) from counts, smoothed towards the unigram
 * distribution of next tokens (Dirichlet prior of weight `priorWeight`), so every allowed
 * token has a probability above zero and each row sums to one.
 */
export class BigramTable {
  private readonly counts: Float64Array;
  private readonly rowTotals: Float64Array;
  private readonly unigram: Float64Array;

  private constructor(
    readonly vocabSize: number,
    private readonly allowedNext: readonly boolean[],
    private readonly priorWeight: number,
    counts: Float64Array,
  ) {
    this.counts = counts;
    this.rowTotals = new Float64Array(vocabSize);
    const nextTotals = new Float64Array(vocabSize);
    for (let prev = 0; prev < vocabSize; prev++) {
      for (let next = 0; next < vocabSize; next++) {
        const c = counts[prev * vocabSize + next];
        this.rowTotals[prev] += c;
        nextTotals[next] += c;
      }
    }
    const allowedCount = allowedNext.filter(Boolean).length;
    const grandTotal = nextTotals.reduce((sum, c) => sum + c, 0);
    // Add-one smoothing of the unigram itself, so tokens never seen as a successor keep some mass.
    this.unigram = nextTotals.map((c, next) => (allowedNext[next] ? (c + 1) / (grandTotal + allowedCount) : 0));
  }

  /** Counts every adjacent pair of the sequences; pairs ending in a token that is not allowed next are skipped. */
  static fromSequences(sequences: Iterable<readonly number[]>, vocabSize: number, allowedNext: readonly boolean[], priorWeight = 1): BigramTable {
    const counts = new Float64Array(vocabSize * vocabSize);
    for (const sequence of sequences) {
      for (let i = 0; i + 1 < sequence.length; i++) {
        if (allowedNext[sequence[i + 1]]) counts[sequence[i] * vocabSize + sequence[i + 1]] += 1;
      }
    }
    return new BigramTable(vocabSize, allowedNext, priorWeight, counts);
  }

  /** How often `next` followed `prev` in the training sequences. */
  count(prev: number, next: number): number {
    return this.counts[prev * this.vocabSize + next];
  }

  /** log P(next | prev), or NEVER_LOGIT for a token that is never produced. */
  logProbability(prev: number, next: number): number {
    if (!this.allowedNext[next]) return NEVER_LOGIT;
    const numerator = this.count(prev, next) + this.priorWeight * this.unigram[next];
    return Math.log(numerator / (this.rowTotals[prev] + this.priorWeight));
  }

  /** log P(· | prev) for every token id. */
  logProbabilityRow(prev: number): Float64Array {
    const row = new Float64Array(this.vocabSize);
    for (let next = 0; next < this.vocabSize; next++) row[next] = this.logProbability(prev, next);
    return row;
  }
}
