import { SDKError, type CompletionLogprobs, type CreateCompletionRequest, type CreateCompletionStreamChunk, type Gpt } from '../client';
import { createCompletionRequestToWire } from '../client/models/components/createcompletionrequest';
import { contextFormat, renderContext } from '../core/context/render';
import type { PromptContext } from '../core/context/snippet';
import { isSuffixUnsupportedError, renderFim } from '../core/fim';
import { branchRequest, type BranchAnswer, type BranchSource } from './branch';
import type { ModelResolver } from './model-resolver';
import type { SentRequest } from './sent-request';
import type { Settings } from './settings';
import type { SuffixSupport } from './suffix-support';

/** The text around the insertion point, and what the request carries from elsewhere. */
export interface CompletionInput {
  prefix: string;
  suffix: string;
  /** The current file's identity and snippets from other files, rendered before the prefix. */
  context?: PromptContext;
}

/** Per-call choices that override the settings. */
export interface CompletionCallOptions {
  signal?: AbortSignal;
  maxTokens?: number;
  n?: number;
  /** Retry 429/5xx with backoff; the inline path asks once and lets the next keystroke retry. */
  retry?: boolean;
  /** What the request is for, as *Show Last Request* names it (`inline` unless said). */
  purpose?: string;
}

/** How the text after the cursor reached the model. */
export type FimUsed = 'suffix' | 'template' | 'none';

/** One candidate completion, already cut at any stop text. */
export interface Candidate {
  text: string;
  finishReason: string | null;
  logprobs: CompletionLogprobs | null;
}

export interface CompletionOutcome {
  candidates: Candidate[];
  model: string;
  fim: FimUsed;
  /** The exact `prompt` sent, for mapping logprobs' text offsets back to the completion. */
  prompt: string;
}

/** One piece of a streamed completion. */
export interface StreamDelta {
  index: number;
  text: string;
  finishReason: string | null;
  logprobs: CompletionLogprobs | null;
}

/** What an inline request needs of the engine: a streamed completion (a simulation plugs in its own). */
export interface CompletionStreamer {
  stream(input: CompletionInput, options?: CompletionCallOptions): Promise<StreamingCompletion>;
}

interface EngineDeps {
  gpt: () => Gpt;
  settings: () => Settings;
  models: ModelResolver;
  suffixSupport: SuffixSupport;
  /** Told of every request as it goes out, for *Show Last Request*. */
  onSent?: (sent: SentRequest) => void;
}

/**
 * Turns text around a cursor into Completions requests: picks the model, sends the suffix natively or
 * through a fill-in-the-middle template (falling back and remembering when a server rejects `suffix`),
 * and returns candidates. Knows nothing of the editor.
 */
export class CompletionEngine implements CompletionStreamer {
  constructor(private readonly deps: EngineDeps) {}

  /** Asks for complete candidates in one response. */
  async complete(input: CompletionInput, options: CompletionCallOptions = {}): Promise<CompletionOutcome> {
    const sent = await this.withFimFallback(input, options, false, async (gpt, built) => {
      const { createCompletionResponse } = await gpt.completions.createCompletion(built.request, this.requestOptions(options));
      return [...createCompletionResponse.choices]
        .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        .map((choice) => ({
          text: cutAtStop(choice.text ?? '', built.stopTexts),
          finishReason: choice.finishReason ?? null,
          logprobs: choice.logprobs ?? null,
        }));
    });
    return { candidates: sent.value, model: sent.model, fim: sent.fim, prompt: sent.built.prompt };
  }

  /**
   * Starts a streamed completion. Resolves once the server has sent its first chunk (so a rejected
   * `suffix` can still fall back to the template), with `deltas` yielding text per candidate.
   * Breaking out of `deltas` or aborting `options.signal` closes the connection.
   */
  async stream(input: CompletionInput, options: CompletionCallOptions = {}): Promise<StreamingCompletion> {
    const sent = await this.withFimFallback(input, options, true, async (gpt, built) => {
      const iterator = gpt.completions.createCompletionStream(built.request, this.requestOptions(options))[Symbol.asyncIterator]();
      return { iterator, first: await iterator.next() };
    });
    const { iterator, first } = sent.value;
    return { model: sent.model, fim: sent.fim, prompt: sent.built.prompt, deltas: streamDeltas(iterator, first, sent.built) };
  }

  /**
   * Asks for the continuation after an alternative token chosen in a recorded completion, the way
   * that completion was asked (see {@link branchRequest}); one attempt, like inline requests.
   */
  async branch(source: BranchSource, options: CompletionCallOptions = {}): Promise<BranchAnswer> {
    const settings = this.deps.settings();
    const plan = branchRequest(source, settings);
    const built = buildRequest({ prefix: plan.prefix, suffix: plan.suffix }, settings, plan.model, plan.fim, { ...options, n: 1 });
    const stopTexts = unique([...plan.extraStop, ...built.stopTexts]);
    if (stopTexts.length > 0) built.request.stop = stopTexts.slice(0, 4);
    this.record(built, plan.fim, { ...options, purpose: options.purpose ?? 'probabilities branch' }, false);
    const { createCompletionResponse } = await this.deps.gpt().completions.createCompletion(built.request, this.requestOptions(options));
    const choice = createCompletionResponse.choices.find((c) => (c.index ?? 0) === 0) ?? createCompletionResponse.choices[0];
    return { continuation: cutAtStop(choice?.text ?? '', stopTexts), logprobs: choice?.logprobs ?? null, prompt: plan.prefix };
  }

  /**
   * Resolves the model and sends with the suffix as `chooseFim` decides; when a server in "auto" mode
   * rejects `suffix`, remembers that and sends once more through the template.
   */
  private async withFimFallback<T>(
    input: CompletionInput,
    options: CompletionCallOptions,
    streamed: boolean,
    send: (gpt: Gpt, built: BuiltRequest) => Promise<T>,
  ): Promise<{ value: T; model: string; fim: FimUsed; built: BuiltRequest }> {
    const settings = this.deps.settings();
    const gpt = this.deps.gpt();
    const model = await this.deps.models.resolve(gpt, settings.serverUrl, settings.model, options.signal);
    let fim = this.chooseFim(settings, input);
    let built = buildRequest(input, settings, model, fim, options);
    try {
      this.record(built, fim, options, streamed);
      return { value: await send(gpt, built), model, fim, built };
    } catch (error) {
      if (!this.shouldFallBack(error, settings, fim)) throw error;
      this.deps.suffixSupport.markRejected(settings.serverUrl);
      fim = 'template';
      built = buildRequest(input, settings, model, fim, options);
      this.record(built, fim, options, streamed);
      return { value: await send(gpt, built), model, fim, built };
    }
  }

  /** Tells `onSent` about a request going out: its body as the wire carries it, never the key or header values. */
  private record(built: BuiltRequest, fim: FimUsed, options: CompletionCallOptions, streamed: boolean): void {
    if (!this.deps.onSent) return;
    const settings = this.deps.settings();
    this.deps.onSent({
      sentAt: new Date().toISOString(),
      purpose: options.purpose ?? 'inline',
      url: `${settings.serverUrl}/completions`,
      headerNames: Object.keys(settings.headers),
      body: createCompletionRequestToWire(streamed ? { ...built.request, stream: true } : built.request),
      fim,
      context: built.context,
    });
  }

  private chooseFim(settings: Settings, input: CompletionInput): FimUsed {
    if (settings.fim === 'template') return 'template';
    if (settings.fim === 'auto' && !this.deps.suffixSupport.accepts(settings.serverUrl)) return 'template';
    return input.suffix.length > 0 ? 'suffix' : 'none';
  }

  private shouldFallBack(error: unknown, settings: Settings, fim: FimUsed): boolean {
    return settings.fim === 'auto' && fim === 'suffix' && error instanceof SDKError && isSuffixUnsupportedError(error.statusCode, `${error.message} ${error.body ?? ''}`);
  }

  private requestOptions(options: CompletionCallOptions) {
    return {
      signal: options.signal,
      timeoutMs: this.deps.settings().requestTimeoutMs,
      retries: options.retry ? COMMAND_RETRIES : ({ strategy: 'none' } as const),
    };
  }
}

/** A command the user waits on retries briefly; the progress notification can cancel it sooner. */
const COMMAND_RETRIES = {
  strategy: 'backoff',
  backoff: { initialInterval: 500, maxInterval: 4000, exponent: 2, maxElapsedTime: 10_000 },
  retryConnectionErrors: true,
} as const;

/** A completion whose text is still arriving. */
export interface StreamingCompletion extends Omit<CompletionOutcome, 'candidates'> {
  deltas: AsyncIterable<StreamDelta>;
}

async function* streamDeltas(
  iterator: AsyncIterator<CreateCompletionStreamChunk>,
  first: IteratorResult<CreateCompletionStreamChunk>,
  built: BuiltRequest,
): AsyncGenerator<StreamDelta> {
  const cutters = new Map<number, StopCutter>();
  const expected = built.request.n ?? 1;
  try {
    for (let result = first; !result.done; result = await iterator.next()) {
      for (const choice of result.value.choices ?? []) {
        const index = choice.index ?? 0;
        let cutter = cutters.get(index);
        if (!cutter) cutters.set(index, (cutter = new StopCutter(built.stopTexts)));
        if (cutter.stopped) continue;
        const text = cutter.push(choice.text ?? '');
        const finishReason = cutter.stopped ? 'stop' : (choice.finishReason ?? null);
        const tail = finishReason ? cutter.flush() : '';
        if (text || tail || finishReason) yield { index, text: text + tail, finishReason, logprobs: choice.logprobs ?? null };
      }
      // Every candidate reached a stop text the server ignored: stop paying for tokens nobody will see.
      if (cutters.size >= expected && [...cutters.values()].every((cutter) => cutter.stopped)) return;
    }
    for (const [index, cutter] of cutters) {
      const tail = cutter.flush();
      if (tail) yield { index, text: tail, finishReason: null, logprobs: null };
    }
  } finally {
    await iterator.return?.();
  }
}

interface BuiltRequest {
  request: CreateCompletionRequest;
  prompt: string;
  stopTexts: string[];
  context?: PromptContext;
}

/**
 * Builds the wire request for one way of sending the suffix: the only place a prompt is put
 * together. The context (the current file's identity and snippets from elsewhere) goes before the
 * prefix, in the format `contextFormat` picks for this way of sending; with a native `suffix` it
 * still heads the `prompt`.
 */
export function buildRequest(input: CompletionInput, settings: Settings, model: string, fim: FimUsed, options: CompletionCallOptions = {}): BuiltRequest {
  const { head, prefixHead } = input.context ? renderContext(contextFormat(fim, settings.fimTemplate), input.context) : { head: '', prefixHead: '' };
  const prefix = prefixHead + input.prefix;
  let prompt = head + prefix;
  let suffix: string | undefined;
  let stop = [...settings.stop];
  if (fim === 'template') {
    const rendered = renderFim(settings.fimTemplate, prefix, input.suffix);
    prompt = head + rendered.prompt;
    stop = unique([...rendered.stop, ...stop]);
  } else if (fim === 'suffix') {
    suffix = input.suffix;
  }
  const request: CreateCompletionRequest = {
    model,
    prompt,
    maxTokens: options.maxTokens ?? settings.maxTokens,
    temperature: settings.temperature,
    topP: settings.topP,
    n: options.n ?? settings.n,
  };
  if (suffix !== undefined) request.suffix = suffix;
  if (stop.length > 0) request.stop = stop;
  if (settings.user) request.user = settings.user;
  if (settings.logprobs > 0) request.logprobs = settings.logprobs;
  return { request, prompt, stopTexts: stop, context: input.context };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Cuts `text` before the first stop text, for servers that ignore `stop` (templates' end tokens in particular). */
export function cutAtStop(text: string, stopTexts: readonly string[]): string {
  let end = text.length;
  for (const stop of stopTexts) {
    const at = stop ? text.indexOf(stop) : -1;
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end);
}

/** Applies `cutAtStop` to a stream, holding back a tail that might be the start of a stop text. */
class StopCutter {
  private pending = '';
  stopped = false;
  private readonly longest: number;

  constructor(private readonly stopTexts: readonly string[]) {
    this.longest = Math.max(0, ...stopTexts.map((s) => s.length));
  }

  /** Releases the held-back tail at the end of the stream. */
  flush(): string {
    const rest = this.stopped ? '' : this.pending;
    this.pending = '';
    return rest;
  }

  push(delta: string): string {
    if (this.stopped) return '';
    this.pending += delta;
    const cut = cutAtStop(this.pending, this.stopTexts);
    if (cut.length < this.pending.length) {
      this.stopped = true;
      this.pending = '';
      return cut;
    }
    const keep = Math.min(this.pending.length, Math.max(0, this.longest - 1));
    const out = this.pending.slice(0, this.pending.length - keep);
    this.pending = this.pending.slice(this.pending.length - keep);
    return out;
  }
}
