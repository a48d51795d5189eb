import { selectContext } from '../core/context/select';
import type { CandidateSource, ContextFile, PromptContext } from '../core/context/snippet';
import { StableOrder } from '../core/context/stable-order';
import type { Settings } from './settings';

/** What the assembler needs to know about the request being built. */
export interface ContextRequest {
  file: ContextFile;
  repoName?: string;
  /** Identifies the document being completed (its own chunks are left out). */
  documentKey?: string;
  prefix: string;
  suffix: string;
}

interface AssemblerDeps {
  /** The gatherers' stores; read, never waited on. */
  sources: readonly CandidateSource[];
  settings: () => Settings;
  now?: () => number;
}

/**
 * Builds the context a request carries from what the gatherers have ready, on the request's own
 * path: identifier look-ups and a sort over a few dozen candidates, no I/O and no waiting. Keeps the
 * block order stable from one request to the next (one assembler per completion pipeline).
 */
export class ContextAssembler {
  private readonly order = new StableOrder();

  constructor(private readonly deps: AssemblerDeps) {}

  contextFor(request: ContextRequest): PromptContext | undefined {
    return selectContext({
      ...request,
      sources: this.deps.sources,
      maxChars: this.deps.settings().maxContextChars,
      now: (this.deps.now ?? Date.now)(),
      order: this.order,
    });
  }
}
