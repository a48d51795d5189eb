import { candidateOf } from './candidate';
import { isUnder, type CandidateSource, type IdentifierQuery, type SnippetCandidate } from './snippet';

/** Lines per chunk: long enough to hold a function, short enough that one spends little of the budget. */
export const CHUNK_LINES = 30;
/** A line longer than this is minified or data: it is left out of chunks. */
const MAX_LINE_CHARS = 400;
/** Chunks over all documents; the oldest documents leave first beyond it. */
export const MAX_CHUNKS = 6000;
/** How many chunks one request looks at, at most, after the index has narrowed them down. */
const MAX_CANDIDATES = 24;
/** A name in more chunks than this is too common to narrow anything down, and costly to walk. */
const MAX_POSTINGS = 400;

interface IndexedDocument {
  touchedAt: number;
  chunks: SnippetCandidate[];
}

/** A document's identity and text, as the open-editors gatherer hands it over. */
export interface IndexedText {
  documentKey: string;
  path: string;
  languageId: string;
  text: string;
  touchedAt: number;
}

/**
 * The open editors' code cut into chunks of whole lines, with an inverted index from identifier to
 * chunks, so a request finds the chunks that share names with the cursor without reading them all.
 * Built in the background when documents open or change; a request only looks names up.
 */
export class ChunkIndex implements CandidateSource {
  private readonly documents = new Map<string, IndexedDocument>();
  private readonly postings = new Map<string, Set<SnippetCandidate>>();
  private chunkCount = 0;

  get size(): number {
    return this.chunkCount;
  }

  has(documentKey: string): boolean {
    return this.documents.has(documentKey);
  }

  /** Indexes (or re-indexes) one document; re-indexing keeps when it was last used if that was later. */
  set(document: IndexedText): void {
    const touchedAt = Math.max(document.touchedAt, this.documents.get(document.documentKey)?.touchedAt ?? 0);
    this.remove(document.documentKey);
    const chunks = chunksOf({ ...document, touchedAt });
    this.documents.set(document.documentKey, { touchedAt, chunks });
    for (const chunk of chunks) {
      for (const name of chunk.identifiers) {
        let list = this.postings.get(name);
        if (!list) this.postings.set(name, (list = new Set()));
        list.add(chunk);
      }
    }
    this.chunkCount += chunks.length;
    this.evictBeyond(MAX_CHUNKS, document.documentKey);
  }

  remove(documentKey: string): void {
    const document = this.documents.get(documentKey);
    if (!document) return;
    for (const chunk of document.chunks) {
      for (const name of chunk.identifiers) {
        const list = this.postings.get(name);
        list?.delete(chunk);
        if (list?.size === 0) this.postings.delete(name);
      }
    }
    this.chunkCount -= document.chunks.length;
    this.documents.delete(documentKey);
  }

  /** Removes a document, or every document in a folder (deleted). */
  forget(documentKey: string): void {
    for (const key of [...this.documents.keys()]) if (isUnder(key, documentKey)) this.remove(key);
  }

  /** Forgets everything (context was turned off). */
  clear(): void {
    for (const key of [...this.documents.keys()]) this.remove(key);
  }

  /** Marks a document as just used (it became the active editor), for recency. */
  touch(documentKey: string, at: number): void {
    const document = this.documents.get(documentKey);
    if (!document) return;
    document.touchedAt = at;
    for (const chunk of document.chunks) chunk.touchedAt = at;
  }

  /** The chunks sharing the most (rarer names weigh more) with `query`, at most MAX_CANDIDATES. */
  candidates(query: IdentifierQuery): readonly SnippetCandidate[] {
    const scores = new Map<SnippetCandidate, number>();
    for (const [name, weight] of query) {
      const list = this.postings.get(name);
      if (!list || list.size > MAX_POSTINGS) continue;
      const rarity = Math.log(1 + this.chunkCount / list.size);
      for (const chunk of list) scores.set(chunk, (scores.get(chunk) ?? 0) + weight * rarity);
    }
    if (scores.size <= MAX_CANDIDATES) return [...scores.keys()];
    return [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES).map(([chunk]) => chunk);
  }

  private evictBeyond(limit: number, keep: string): void {
    if (this.chunkCount <= limit) return;
    const oldestFirst = [...this.documents.entries()].filter(([key]) => key !== keep).sort((a, b) => a[1].touchedAt - b[1].touchedAt);
    for (const [key] of oldestFirst) {
      if (this.chunkCount <= limit) break;
      this.remove(key);
    }
  }
}

function chunksOf(document: IndexedText): SnippetCandidate[] {
  const lines = document.text.split(/\r?\n/);
  const chunks: SnippetCandidate[] = [];
  for (let start = 0; start < lines.length; start += CHUNK_LINES) {
    const window = lines.slice(start, start + CHUNK_LINES);
    // A chunk keeps whole lines only up to its first overlong one (minified code, data).
    const overlong = window.findIndex((line) => line.length > MAX_LINE_CHARS);
    const kept = overlong < 0 ? window : window.slice(0, overlong);
    let first = 0;
    while (first < kept.length && !kept[first].trim()) first++;
    let last = kept.length;
    while (last > first && !kept[last - 1].trim()) last--;
    if (last <= first) continue;
    const text = kept.slice(first, last).join('\n');
    const snippet = { path: document.path, languageId: document.languageId, text, source: 'openEditor' as const, startLine: start + first };
    chunks.push(candidateOf(snippet, document.touchedAt, document.documentKey));
  }
  return chunks;
}
