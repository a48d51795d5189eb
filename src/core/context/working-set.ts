import type { Excerpt } from './excerpt';
import { candidateOf } from './candidate';
import { isUnder, type CandidateSource, type SnippetCandidate, type SnippetSource } from './snippet';

/** What a gatherer records when the developer views, edits, saves or copies code. */
export interface WorkingSetTouch {
  documentKey: string;
  path: string;
  languageId: string;
  excerpt: Excerpt;
  source: Extract<SnippetSource, 'viewed' | 'edited' | 'saved' | 'copied'>;
  at: number;
}

export const DEFAULT_WORKING_SET_SIZE = 24;

/**
 * The code the developer has been working with, most recent first, at most `capacity` chunks. A new
 * chunk replaces the chunks of the same document whose lines it overlaps, so scrolling or typing in
 * one place keeps one fresh chunk rather than many stale ones.
 */
export class WorkingSet implements CandidateSource {
  private entries: SnippetCandidate[] = [];

  constructor(private readonly capacity = DEFAULT_WORKING_SET_SIZE) {}

  get size(): number {
    return this.entries.length;
  }

  touch(touch: WorkingSetTouch): void {
    const first = touch.excerpt.startLine;
    const last = first + lineCount(touch.excerpt.text) - 1;
    let source: SnippetSource = touch.source;
    this.entries = this.entries.filter((entry) => {
      if (entry.documentKey !== touch.documentKey) return true;
      const entryFirst = entry.snippet.startLine;
      const entryLast = entryFirst + lineCount(entry.snippet.text) - 1;
      if (entryLast < first || entryFirst > last) return true;
      // Looking at code just changed does not make it less of a change.
      if (touch.source === 'viewed' && entry.snippet.source !== 'viewed') source = entry.snippet.source;
      return false;
    });
    this.entries.unshift(candidateOf({ path: touch.path, languageId: touch.languageId, text: touch.excerpt.text, source, startLine: first }, touch.at, touch.documentKey));
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
  }

  /** Drops every chunk of a document, or of every document in a folder (closed unsaved, deleted). */
  forget(documentKey: string): void {
    this.entries = this.entries.filter((entry) => !isUnder(entry.documentKey, documentKey));
  }

  /** Forgets everything (context was turned off). */
  clear(): void {
    this.entries = [];
  }

  candidates(): readonly SnippetCandidate[] {
    return this.entries;
  }
}

function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
