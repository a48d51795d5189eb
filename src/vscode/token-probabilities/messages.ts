// The message protocol between the Token Probabilities panel (extension side) and its webview script
// (media/token-probabilities.js). Both sides validate what they receive: the webview is a separate
// document, so its messages are untrusted input.
import type { ProbabilityView } from '../../core/probabilities/view-model';

/** The branch: the completion re-asked from a chosen alternative. */
export interface BranchView {
  status: 'asking' | 'ready' | 'failed';
  /** The token the alternative replaces. */
  tokenIndex: number;
  /** The completion's text before that token, kept as it was. */
  kept: string;
  alternative: string;
  /** What the server wrote after the alternative ('' until it answers). */
  continuation: string;
  error?: string;
  /** What Insert does, in words ('' when it cannot: then the button is disabled). */
  insertLabel: string;
  /** True once the branch went into the editor. */
  inserted?: boolean;
}

/**
 * Extension -> webview. `viewId` changes with each new completion, so the page keeps its place within
 * one; `strings` are the page's texts in the user's language, keyed by their English.
 */
export type ToWebview = { type: 'show'; viewId: number; view: ProbabilityView; branch: BranchView | null; strings: Record<string, string> };

/** What the webview says it rendered, for tests and nothing else: the DOM, read back. */
export interface RenderedSummary {
  kind: ProbabilityView['kind'];
  tokens: { text: string; probabilityLabel: string; band: string }[];
  confidenceLabel: string;
  branchText: string;
}

/** Webview -> extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'choose'; tokenIndex: number; alternative: string }
  | { type: 'insert' }
  | { type: 'openSettings' }
  | { type: 'rendered'; summary: RenderedSummary };

/** Narrows an untrusted webview message to the protocol, or undefined. */
export function parseWebviewMessage(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'insert':
    case 'openSettings':
      return { type: message.type };
    case 'choose':
      if (!Number.isInteger(message.tokenIndex) || typeof message.alternative !== 'string') return undefined;
      return { type: 'choose', tokenIndex: message.tokenIndex as number, alternative: message.alternative };
    case 'rendered':
      return typeof message.summary === 'object' && message.summary !== null ? { type: 'rendered', summary: message.summary as RenderedSummary } : undefined;
    default:
      return undefined;
  }
}
