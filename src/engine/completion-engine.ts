import { SDKError, type CompletionLogprobs, type CompletionUsage, type CreateCompletionRequest, type CreateCompletionStreamChunk, type Gpt } from '../client';
import { createCompletionRequestToWire } from '../client/models/components/createcompletionrequest';
import { contextFormat, renderContext } from '../core/context/render';
import type { PromptContext } from '../core/context/snippet';
import { isFieldUnsupportedError } from '../core/field-refusal';
import { isSuffixUnsupportedError, renderTemplate, resolveFimTemplate, type ResolvedFim } from '../core/fim';
import type { RequestUsage } from '../core/usage';
import { branchRequest, type BranchAnswer, type BranchSource } from './branch';
import { StreamUsageSupport } from './field-support';
import { answeredWithoutLogprobs, LogprobsSupport } from './logprobs-support';
import { StreamUsageTally } from './stream-usage';
import type { ModelResolver } from './model-resolver';
import type { SentRequest } from './sent-request';
import type { Settings } from './settings';
import type { SuffixSupport } from './suffix-support';

/** The text around the insertion point. */
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
  /** Alternatives to ask for, instead of the `logprobs` setting (0 leaves the field out). */
  logprobs?: number;
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
  /** What is known of servers' `logprobs` (an in-memory one when not given). */
  logprobsSupport?: LogprobsSupport;
  /** Servers that refused `stream_options` (default: remembered for this session only). */
  streamUsageSupport?: StreamUsageSupport;
  /** Told what each finished request cost (the server's count, or what is known to estimate it). */
  onUsage?: (usage: RequestUsage) => void;
  /** Told of every request as it goes out, for *Show Last Request*. */
  onSent?: (sent: SentRequest) => void;
}

/** How one request is sent; a refusal by the server moves to the next, plainer plan. */
interface SendPlan {
  fim: FimUsed;
  /** Ask a streamed answer to end with its token count (`stream_options.include_usage`). */
  includeUsage: boolean;
  /** Alternatives per position to ask for (0: leave `logprobs` out). */
  logprobs: number;
}

/**
 * Turns text around a cursor into Completions requests: picks the model, sends the suffix natively or
 * through a fill-in-the-middle template (falling back and remembering when a server rejects `suffix`),
 * asks for `logprobs` unless the server is known not to give them (leaving the field out, and
 * remembering, when a server refuses it or answers without), and returns candidates. Knows nothing of
 * the editor.
 */
export class CompletionEngine implements CompletionStreamer {
  private readonly logprobsSupport: LogprobsSupport;
  private readonly streamUsageSupport: StreamUsageSupport;
  private lastModel: { serverUrl: string; model: string } | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.logprobsSupport = deps.logprobsSupport ?? new LogprobsSupport();
    this.streamUsageSupport = deps.streamUsageSupport ?? new StreamUsageSupport();
  }

  /** Asks for complete candidates in one response. */
  async complete(input: CompletionInput, options: CompletionCallOptions = {}): Promise<CompletionOutcome> {
    const sent = await this.withFallbacks(input, options, false, async (gpt, built) => {
      const { createCompletionResponse } = await gpt.completions.createCompletion(built.request, this.requestOptions(options));
      const candidates = [...createCompletionResponse.choices]
        .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        .map((choice) => ({
          text: cutAtStop(choice.text ?? '', built.stopTexts),
          finishReason: choice.finishReason ?? null,
          logprobs: choice.logprobs ?? null,
        }));
      this.deps.onUsage?.(usageOf(built, createCompletionResponse.usage, candidates.reduce((sum, c) => sum + c.text.length, 0)));
      return candidates;
    });
    if (sent.built.request.logprobs && answeredWithoutLogprobs(sent.value)) this.logprobsSupport.markRejected(this.deps.settings().serverUrl);
    return { candidates: sent.value, model: sent.model, fim: sent.fim, prompt: sent.built.prompt };
  }

  /**
   * The template a request to the current server would render (for `fim: template`, or after `auto`
   * fell back), for the model last resolved there; the model id is undefined until one was.
   */
  fimTemplateInUse(): { template: ResolvedFim; model: string | undefined; sendsSuffix: boolean } {
    const settings = this.deps.settings();
    const model = settings.model || (this.lastModel?.serverUrl === settings.serverUrl ? this.lastModel.model : undefined);
    const sendsSuffix = settings.fim === 'suffix' || (settings.fim === 'auto' && this.deps.suffixSupport.accepts(settings.serverUrl));
    return { template: resolveFimTemplate(settings.fimTemplate, model ?? '', settings.fimCustomTemplate), model, sendsSuffix };
  }

  /**
   * Starts a streamed completion. Resolves once the server has sent its first chunk (so a rejected
   * `suffix` can still fall back to the template), with `deltas` yielding text per candidate.
   * Breaking out of `deltas` or aborting `options.signal` closes the connection.
   */
  async stream(input: CompletionInput, options: CompletionCallOptions = {}): Promise<StreamingCompletion> {
    const serverUrl = this.deps.settings().serverUrl;
    const sent = await this.withFallbacks(input, options, true, async (gpt, built) => {
      const iterator = gpt.completions.createCompletionStream(built.request, this.requestOptions(options))[Symbol.asyncIterator]();
      return { iterator, first: await iterator.next() };
    });
    const { iterator, first } = sent.value;
    const deltas = streamDeltas(iterator, first, sent.built, {
      onNoLogprobs: () => this.logprobsSupport.markRejected(serverUrl),
      onUsage: (usage) => this.deps.onUsage?.(usage),
    });
    return { model: sent.model, fim: sent.fim, prompt: sent.built.prompt, deltas };
  }

  /**
   * Asks for the continuation after an alternative token chosen in a recorded completion, the way
   * that completion was asked (see {@link branchRequest}); one attempt, like inline requests.
   */
  async branch(source: BranchSource, options: CompletionCallOptions = {}): Promise<BranchAnswer> {
    const settings = this.deps.settings();
    const plan = branchRequest(source, settings);
    const build = (logprobs: number) => {
      const built = buildRequest({ prefix: plan.prefix, suffix: plan.suffix }, settings, plan.model, plan.fim, { ...options, n: 1, logprobs });
      const stopTexts = unique([...plan.extraStop, ...built.stopTexts]);
      if (stopTexts.length > 0) built.request.stop = stopTexts.slice(0, 4);
      return { built, stopTexts };
    };
    let { built, stopTexts } = build(this.logprobsFor(settings));
    const send = () => {
      this.record(built, plan.fim, { ...options, purpose: options.purpose ?? 'probabilities branch' }, false);
      return this.deps.gpt().completions.createCompletion(built.request, this.requestOptions(options));
    };
    let response;
    try {
      response = await send();
    } catch (error) {
      if (!built.request.logprobs || !refuses('logprobs', error)) throw error;
      this.logprobsSupport.markRejected(settings.serverUrl);
      ({ built, stopTexts } = build(0));
      response = await send();
    }
    const { createCompletionResponse } = response;
    const choice = createCompletionResponse.choices.find((c) => (c.index ?? 0) === 0) ?? createCompletionResponse.choices[0];
    const continuation = cutAtStop(choice?.text ?? '', stopTexts);
    this.deps.onUsage?.(usageOf(built, createCompletionResponse.usage, continuation.length));
    return { continuation, logprobs: choice?.logprobs ?? null, prompt: plan.prefix };
  }

  /**
   * Resolves the model and sends with the suffix as `chooseFim` decides, `logprobs` unless the server
   * is known not to give them, and (for a stream) a request for its token count where the server has
   * not refused that. When the server refuses one of those fields (`suffix` only in "auto" mode),
   * remembers it and sends again without it.
   */
  private async withFallbacks<T>(
    input: CompletionInput,
    options: CompletionCallOptions,
    streamed: boolean,
    send: (gpt: Gpt, built: BuiltRequest) => Promise<T>,
  ): Promise<{ value: T; model: string; fim: FimUsed; built: BuiltRequest }> {
    const settings = this.deps.settings();
    const gpt = this.deps.gpt();
    const model = await this.deps.models.resolve(gpt, settings.serverUrl, settings.model, options.signal);
    this.lastModel = { serverUrl: settings.serverUrl, model };
    let plan: SendPlan = {
      fim: this.chooseFim(settings, input),
      includeUsage: streamed && this.streamUsageSupport.accepts(settings.serverUrl),
      logprobs: this.logprobsFor(settings),
    };
    for (;;) {
      const built = buildRequest(input, settings, model, plan.fim, { ...options, logprobs: plan.logprobs, includeUsage: plan.includeUsage });
      try {
        this.record(built, plan.fim, options, streamed);
        return { value: await send(gpt, built), model, fim: plan.fim, built };
      } catch (error) {
        const next = this.plainerPlan(error, settings, plan);
        if (!next) throw error;
        plan = next;
      }
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

  /** The plan without the field the server refused, remembering the refusal; undefined for any other error. */
  private plainerPlan(error: unknown, settings: Settings, plan: SendPlan): SendPlan | undefined {
    if (!(error instanceof SDKError)) return undefined;
    const message = `${error.message} ${error.body ?? ''}`;
    if (plan.includeUsage && isFieldUnsupportedError('stream_options', error.statusCode, message)) {
      this.streamUsageSupport.markRejected(settings.serverUrl);
      return { ...plan, includeUsage: false };
    }
    if (settings.fim === 'auto' && plan.fim === 'suffix' && isSuffixUnsupportedError(error.statusCode, message)) {
      this.deps.suffixSupport.markRejected(settings.serverUrl);
      return { ...plan, fim: 'template' };
    }
    if (plan.logprobs > 0 && refuses('logprobs', error)) {
      this.logprobsSupport.markRejected(settings.serverUrl);
      return { ...plan, logprobs: 0 };
    }
    return undefined;
  }

  /** How many alternatives to ask for: the setting, unless the server is known not to give any. */
  private logprobsFor(settings: Settings): number {
    return settings.logprobs > 0 && this.logprobsSupport.accepts(settings.serverUrl) ? settings.logprobs : 0;
  }

  private chooseFim(settings: Settings, input: CompletionInput): FimUsed {
    if (settings.fim === 'template') return 'template';
    if (settings.fim === 'auto' && !this.deps.suffixSupport.accepts(settings.serverUrl)) return 'template';
    return input.suffix.length > 0 ? 'suffix' : 'none';
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
  listeners: { onNoLogprobs: () => void; onUsage: (usage: RequestUsage) => void },
): AsyncGenerator<StreamDelta> {
  const cutters = new Map<number, StopCutter>();
  const usage = new StreamUsageTally(built, listeners.onUsage);
  // Logprobs of chunks whose text is held back (it might start a stop text) travel with the next text.
  const heldLogprobs = new Map<number, CompletionLogprobs[]>();
  const expected = built.request.n ?? 1;
  let textChunks = 0;
  let logprobsChunks = 0;
  try {
    for (let result = first; !result.done; result = await iterator.next()) {
      usage.see(result.value);
      for (const choice of result.value.choices ?? []) {
        const index = choice.index ?? 0;
        let cutter = cutters.get(index);
        if (!cutter) cutters.set(index, (cutter = new StopCutter(built.stopTexts)));
        if (cutter.stopped) continue;
        if (choice.text) textChunks++;
        if (choice.logprobs && choice.logprobs.tokens.length > 0) {
          logprobsChunks++;
          heldLogprobs.set(index, [...(heldLogprobs.get(index) ?? []), choice.logprobs]);
        }
        const text = cutter.push(choice.text ?? '');
        const finishReason = cutter.stopped ? 'stop' : (choice.finishReason ?? null);
        const tail = finishReason ? cutter.flush() : '';
        if (text || tail || finishReason) {
          yield { index, text: text + tail, finishReason, logprobs: joinLogprobs(heldLogprobs.get(index)) };
          heldLogprobs.delete(index);
        }
      }
      // Every candidate reached a stop text the server ignored: stop paying for tokens nobody will see.
      if (cutters.size >= expected && [...cutters.values()].every((cutter) => cutter.stopped)) return;
    }
    for (const [index, cutter] of cutters) {
      const tail = cutter.flush();
      if (tail) yield { index, text: tail, finishReason: null, logprobs: joinLogprobs(heldLogprobs.get(index)) };
    }
  } finally {
    // Asked for logprobs, given text in several chunks and not one logprob: the server ignores the field.
    if (built.request.logprobs && textChunks >= 2 && logprobsChunks === 0) listeners.onNoLogprobs();
    await usage.close(iterator);
  }
}

/** The logprobs of consecutive chunks as one, or null for none. */
function joinLogprobs(parts: readonly CompletionLogprobs[] | undefined): CompletionLogprobs | null {
  if (!parts || parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  return {
    tokens: parts.flatMap((part) => part.tokens),
    tokenLogprobs: parts.flatMap((part) => part.tokens.map((_, i) => part.tokenLogprobs[i] ?? null)),
    topLogprobs: parts.flatMap((part) => part.tokens.map((_, i) => part.topLogprobs[i] ?? null)),
    textOffset: parts.every((part) => part.textOffset.length === part.tokens.length) ? parts.flatMap((part) => part.textOffset) : [],
  };
}

/** A whole answer's usage: the server's count, or what is known to estimate it. */
function usageOf(built: BuiltRequest, reported: CompletionUsage | undefined, completionChars: number): RequestUsage {
  const usage: RequestUsage = { promptChars: built.prompt.length + (built.request.suffix?.length ?? 0), completionChars };
  if (reported) usage.reported = { promptTokens: reported.promptTokens, completionTokens: reported.completionTokens };
  return usage;
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
 * prefix, in the format `contextFormat` picks for this way of sending and template; with a native
 * `suffix` it still heads the `prompt`.
 */
export function buildRequest(
  input: CompletionInput,
  settings: Settings,
  model: string,
  fim: FimUsed,
  options: CompletionCallOptions & { includeUsage?: boolean } = {},
): BuiltRequest {
  const resolved = resolveFimTemplate(settings.fimTemplate, model, settings.fimCustomTemplate);
  const family = resolved.kind === 'family' ? resolved.family : undefined;
  const { head, prefixHead } = input.context ? renderContext(contextFormat(fim, family), input.context) : { head: '', prefixHead: '' };
  const prefix = prefixHead + input.prefix;
  let prompt = head + prefix;
  let suffix: string | undefined;
  let stop = [...settings.stop];
  if (fim === 'template') {
    const rendered = renderTemplate(resolved.template, prefix, input.suffix);
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
  const logprobs = options.logprobs ?? settings.logprobs;
  if (logprobs > 0) request.logprobs = logprobs;
  if (options.includeUsage) request.streamOptions = { includeUsage: true };
  if (Object.keys(settings.extraRequestFields).length > 0) request.extraFields = settings.extraRequestFields;
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

/** True when the server says it does not take `field`. */
function refuses(field: string, error: unknown): boolean {
  return error instanceof SDKError && isFieldUnsupportedError(field, error.statusCode, `${error.message} ${error.body ?? ''} ${error.details?.param ?? ''}`);
}
