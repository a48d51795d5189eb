import type { CompletionUsage, CreateCompletionRequest, CreateCompletionStreamChunk } from '../client';
import type { RequestUsage } from '../core/usage';

/**
 * Follows one streamed answer for what it cost: the server's count when the stream carries one (the
 * last chunk, with `stream_options.include_usage`), else the pieces and characters that arrived.
 */
export class StreamUsageTally {
  private reported: CompletionUsage | undefined;
  private pieces = 0;
  private chars = 0;
  private readonly finished = new Set<number>();

  constructor(
    private readonly sent: { prompt: string; request: CreateCompletionRequest },
    private readonly onUsage: (usage: RequestUsage) => void,
  ) {}

  /** Counts one chunk. */
  see(chunk: CreateCompletionStreamChunk): void {
    if (chunk.usage) this.reported = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      if (choice.text) {
        this.pieces++;
        this.chars += choice.text.length;
      }
      if (choice.finishReason) this.finished.add(choice.index ?? 0);
    }
  }

  /**
   * Closes the stream and reports its cost. When the server has finished every candidate but its
   * count is still to come (the reader stopped at the last finish), the rest is read in the
   * background: only the count and `[DONE]` remain, and the caller need not wait for them.
   */
  async close(iterator: AsyncIterator<CreateCompletionStreamChunk>): Promise<void> {
    const countComing = !this.reported && this.sent.request.streamOptions?.includeUsage === true
      && this.finished.size >= (this.sent.request.n ?? 1);
    if (!countComing) {
      await iterator.return?.();
      this.report();
      return;
    }
    void (async () => {
      try {
        for (let result = await iterator.next(); !result.done; result = await iterator.next()) this.see(result.value);
      } catch {
        // A stream cut after its last text: the estimate stands in for the count.
      }
      this.report();
    })();
  }

  private report(): void {
    if (this.pieces === 0 && !this.reported) return;
    const usage: RequestUsage = {
      promptChars: this.sent.prompt.length + (this.sent.request.suffix?.length ?? 0),
      completionChars: this.chars,
    };
    if (this.reported) usage.reported = { promptTokens: this.reported.promptTokens, completionTokens: this.reported.completionTokens };
    else usage.streamedPieces = this.pieces;
    this.onUsage(usage);
  }
}
