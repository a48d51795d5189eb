import * as fs from 'node:fs';
import type { RenderedPart } from './ghost-watch';
import type { OracleRequestRecord } from './oracle-server';
import type { TypistAction, WrongAccept } from './typist';

// The raw record of a benchmark: one JSON object per line (JSONL), every run, span, key, ghost-text
// change, document state and request, so that any figure can be traced back to what happened.

/** A run: one peer, one scenario, one workbench. */
export interface RunEvent {
  type: 'run';
  run: string;
  peer: string;
  scenario: string;
  description: string;
  at: number;
  settings: Record<string, unknown>;
}

/** One stretch the typist typed: a file's lines (write) or one hole (edit). */
export interface SpanEvent {
  type: 'span';
  run: string;
  span: number;
  file: string;
  from: number;
  to: number;
  /** The document's text after the typed part ('' when writing at the end). */
  after: string;
  startedAt: number;
  endedAt: number;
  acceptedChars: number;
  keys: number;
  acceptsOffShown: number;
  offShownSamples: WrongAccept[];
  wrongAccepts: WrongAccept[];
  finalMatches: boolean;
  stuck?: string;
}

export interface ActionEvent extends TypistAction {
  type: 'action';
  run: string;
  span: number;
}

export interface GhostChangeEvent {
  type: 'ghost';
  run: string;
  span: number;
  at: number;
  ghost: string;
  line: RenderedPart[];
  zone: RenderedPart[][];
}

/**
 * A state of the document as the probe reported it, stored against the true file: its text is the true
 * file up to `same`, then `rest`, then (when `afterKept`) the span's `after` text.
 */
export interface DocEvent {
  type: 'doc';
  run: string;
  span: number;
  at: number;
  seq: number;
  offset: number;
  same: number;
  rest: string;
  afterKept: boolean;
}

export interface RequestEvent extends OracleRequestRecord {
  type: 'request';
  run: string;
}

/** A benchmark file's true text, once per file. */
export interface TruthEvent {
  type: 'truth';
  file: string;
  text: string;
}

export type BenchEvent = RunEvent | SpanEvent | ActionEvent | GhostChangeEvent | DocEvent | RequestEvent | TruthEvent;

/** Appends events to a JSONL file as they come. */
export class EventLog {
  readonly events: BenchEvent[] = [];

  constructor(private readonly file: string) {
    fs.writeFileSync(file, '');
  }

  add(event: BenchEvent): void {
    this.events.push(event);
    fs.appendFileSync(this.file, `${JSON.stringify(event)}\n`);
  }
}

/** Reads a JSONL record back. */
export function readEvents(file: string): BenchEvent[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as BenchEvent);
}

/** The document text a doc event stands for. */
export function docText(event: DocEvent, truth: string, after: string): string {
  return truth.slice(0, event.same) + event.rest + (event.afterKept ? after : '');
}
