// The developer of the context benchmark: opens the other files of a project, makes an edit in one,
// then types the target file from empty, one key at a time, accepting every suggestion (the oracle
// only ever suggests the truth). It feeds the context stores as the editor's gatherers would (open
// editors, visible ranges, edits, saves, definition look-ups after each cursor move) and sends each
// request through the real engine and client to the oracle over HTTP.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Gpt } from '../../src/client';
import { ChunkIndex } from '../../src/core/context/chunk-index';
import { DefinitionStore } from '../../src/core/context/definition-store';
import { linesAround } from '../../src/core/context/excerpt';
import { identifiersAround } from '../../src/core/context/identifiers';
import { WorkingSet } from '../../src/core/context/working-set';
import { CompletionEngine } from '../../src/engine/completion-engine';
import { ContextAssembler } from '../../src/engine/context-assembler';
import { ModelResolver } from '../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../src/engine/settings';
import { SuffixSupport } from '../../src/engine/suffix-support';
import { NameLookup, type ProjectFile } from './language-server';
import type { Scenario } from './scenario';

/** Virtual time between keys, and spent reading each file opened before typing. */
const KEY_MS = 150;
const READ_FILE_MS = 20_000;

export interface TypingRun {
  scenario: string;
  typedChars: number;
  acceptedChars: number;
  requests: number;
  /** Characters of prompt plus suffix, per request. */
  requestChars: number[];
  /** Characters of the context block (prompt minus the prefix), per request. */
  blockChars: number[];
  /** Consecutive request pairs, and those whose context blocks are byte-for-byte the same. */
  pairs: number;
  sameBlockPairs: number;
  /** Wall time of packing the context for each request, in ms. */
  packMs: number[];
}

export async function typeScenario(scenario: Scenario, projectDir: string, serverUrl: string, maxContextChars: number): Promise<TypingRun> {
  const root = path.join(projectDir, scenario.root);
  let now = 1_700_000_000_000;
  const files = new Map<string, ProjectFile>();
  const read = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');
  const keyOf = (relative: string) => `file:///project/${scenario.root}/${relative}`;
  const fileOf = (relative: string, text: string): ProjectFile => ({ documentKey: keyOf(relative), path: relative, languageId: scenario.languageId, text });

  const workingSet = new WorkingSet();
  const openEditors = new ChunkIndex();
  const definitions = new DefinitionStore();
  const lookup = new NameLookup(() => [...files.values()]);
  const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl, model: 'oracle', fim: 'suffix', maxContextChars };
  const assembler = new ContextAssembler({ sources: [definitions, workingSet, openEditors], settings: () => settings, now: () => now });
  const gpt = new Gpt({ serverURL: serverUrl });
  const engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport() });

  const open = (relative: string, text: string) => {
    const file = fileOf(relative, text);
    files.set(relative, file);
    openEditors.set({ ...file, touchedAt: now });
    const lines = text.split('\n');
    const excerpt = linesAround({ lineCount: lines.length, lineAt: (l) => lines[l]! }, 29, 60, 3000);
    if (excerpt) workingSet.touch({ ...file, excerpt, source: 'viewed', at: now });
    now += READ_FILE_MS;
  };

  // Other files first: open them, then make the edit (the file without the edit's text, then with it).
  const edited = read(scenario.edit.file);
  const editAt = edited.indexOf(scenario.edit.text);
  if (editAt < 0) throw new Error(`${scenario.edit.file} does not contain the edit's text`);
  for (const relative of scenario.opens) open(relative, relative === scenario.edit.file ? edited.slice(0, editAt) + edited.slice(editAt + scenario.edit.text.length) : read(relative));
  const editedFile = fileOf(scenario.edit.file, edited);
  files.set(scenario.edit.file, editedFile);
  openEditors.set({ ...editedFile, touchedAt: now });
  const editedLines = edited.split('\n');
  const editLine = edited.slice(0, editAt).split('\n').length - 1;
  for (const source of ['edited', 'saved'] as const) {
    const excerpt = linesAround({ lineCount: editedLines.length, lineAt: (l) => editedLines[l]! }, editLine, 24, 3000);
    if (excerpt) workingSet.touch({ ...editedFile, excerpt, source, at: now });
    now += 5_000;
  }

  // Then the target, typed from empty.
  const truth = read(scenario.target);
  const targetKey = keyOf(scenario.target);
  const run: TypingRun = { scenario: scenario.name, typedChars: 0, acceptedChars: 0, requests: 0, requestChars: [], blockChars: [], pairs: 0, sameBlockPairs: 0, packMs: [] };
  let previousBlock: string | undefined;
  let at = 0;
  try {
    while (at < truth.length) {
      const prefix = truth.slice(0, at);
      files.set(scenario.target, fileOf(scenario.target, prefix));
      const started = process.hrtime.bigint();
      const context = assembler.contextFor({ file: { path: scenario.target, languageId: scenario.languageId }, repoName: scenario.root, documentKey: targetKey, prefix, suffix: '' });
      run.packMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      const outcome = await engine.complete({ prefix, suffix: '', context });
      run.requests++;
      run.requestChars.push(outcome.prompt.length);
      const block = outcome.prompt.slice(0, outcome.prompt.length - prefix.length);
      run.blockChars.push(block.length);
      if (previousBlock !== undefined) {
        run.pairs++;
        if (block === previousBlock) run.sameBlockPairs++;
      }
      previousBlock = block;
      const answer = outcome.candidates[0]?.text ?? '';
      if (answer && truth.startsWith(answer, at)) {
        at += answer.length;
        run.acceptedChars += answer.length;
      } else {
        at += 1;
        run.typedChars += 1;
      }
      now += KEY_MS;
      // The cursor moved: the definition gatherer looks up the names around it, ready for the next request.
      if (maxContextChars > 0) {
        files.set(scenario.target, fileOf(scenario.target, truth.slice(0, at)));
        definitions.invalidate(targetKey);
        lookUpAround(truth.slice(0, at), definitions, lookup, now);
      }
    }
  } finally {
    await gpt.close();
  }
  return run;
}

function lookUpAround(text: string, store: DefinitionStore, lookup: NameLookup, now: number): void {
  const lines = text.split('\n');
  const source = { lineCount: lines.length, lineAt: (l: number) => lines[l]! };
  const cursor = { line: lines.length - 1, character: lines.at(-1)!.length };
  for (const { name } of identifiersAround(source, cursor, { linesAbove: 3, linesBelow: 1, limit: 8 })) {
    if (store.needsLookup(name)) store.set(name, lookup.definitionsOf(name), now);
  }
}
