// The provider's own cost per request for context (`node out/bench/context/packing-time.js`): the
// text around the cursor, packing the context from full stores, and rendering it, timed per call.
// The stores hold what the gatherers would have gathered from 50 open editors (49 of this
// repository's source files and a 10 MB file, which the size check keeps out), a full working set
// and a full definition store. Nothing on this path reads the workspace's files, so its size (5,000
// files or 50) does not enter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractContext } from '../../src/core/context';
import { ChunkIndex } from '../../src/core/context/chunk-index';
import { DefinitionStore } from '../../src/core/context/definition-store';
import { linesAround } from '../../src/core/context/excerpt';
import { identifierSet } from '../../src/core/context/identifiers';
import { contextFormat, renderContext } from '../../src/core/context/render';
import { WorkingSet } from '../../src/core/context/working-set';
import { ContextAssembler } from '../../src/engine/context-assembler';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { percentile } from '../typing/metrics';
import { NameLookup, type ProjectFile } from './language-server';

const repo = path.join(__dirname, '..', '..', '..');
const MAX_DOCUMENT_CHARS = 1_000_000;
const CALLS = 5000;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(dir, f));
}

function main(): void {
  const files: ProjectFile[] = sourceFiles(path.join(repo, 'src')).slice(0, 49).map((file) => ({
    documentKey: `file://${file}`, path: path.relative(repo, file), languageId: 'typescript', text: fs.readFileSync(file, 'utf8'),
  }));
  const huge = 'export const row = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];\n'.repeat(Math.ceil(10_000_000 / 52));
  const openEditors = new ChunkIndex();
  const workingSet = new WorkingSet();
  const definitions = new DefinitionStore();
  const indexStarted = process.hrtime.bigint();
  for (const file of [...files, { documentKey: 'file:///huge.ts', path: 'huge.ts', languageId: 'typescript', text: huge }]) {
    if (file.text.length > MAX_DOCUMENT_CHARS) continue;
    openEditors.set({ ...file, touchedAt: Date.now() });
  }
  const indexMs = Number(process.hrtime.bigint() - indexStarted) / 1e6;
  for (const file of files.slice(0, 24)) {
    const lines = file.text.split('\n');
    const excerpt = linesAround({ lineCount: lines.length, lineAt: (l) => lines[l]! }, Math.floor(lines.length / 2), 60, 3000);
    if (excerpt) workingSet.touch({ ...file, excerpt, source: 'edited', at: Date.now() });
  }
  const lookup = new NameLookup(() => files);
  const names = [...new Set(files.flatMap((f) => [...identifierSet(f.text)]))].filter((n) => n.length > 4).slice(0, 400);
  for (const name of names) definitions.set(name, lookup.definitionsOf(name), Date.now());

  const settings = { ...DEFAULT_SETTINGS };
  const assembler = new ContextAssembler({ sources: [definitions, workingSet, openEditors], settings: () => settings });
  const current = fs.readFileSync(path.join(repo, 'src', 'engine', 'inline-session.ts'), 'utf8').split('\n');
  const lines = { lineCount: current.length, lineAt: (l: number) => current[l]! };
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const floor: number[] = [];
  let blockChars = 0;
  let sink = 0;
  for (let call = 0; call < CALLS + 500; call++) {
    const line = (call * 7) % current.length;
    // The noise floor: a fixed workload of about the same length, timed the same way between calls.
    const floorStarted = process.hrtime.bigint();
    for (let i = 0; i < 150_000; i++) sink += i % 7;
    if (call >= 500) floor.push(Number(process.hrtime.bigint() - floorStarted) / 1e6);
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    const { prefix, suffix } = extractContext(lines, { line, character: current[line]!.length }, settings);
    const context = assembler.contextFor({ file: { path: 'src/engine/inline-session.ts', languageId: 'typescript' }, repoName: 'prompt-complete', documentKey: 'file:///current', prefix, suffix });
    const { head, prefixHead } = renderContext(contextFormat('suffix', undefined), context!);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuStarted);
    if (call >= 500) {
      times.push(elapsed);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    blockChars += head.length + prefixHead.length;
  }
  console.log(`stores: ${openEditors.size} open-editor chunks from ${files.length} files (the 10 MB file skipped by size), ${workingSet.size} working-set chunks, ${names.length} names looked up; indexing took ${indexMs.toFixed(0)} ms in the background`);
  const figures = (values: number[]) => `p50 ${percentile(values, 0.5).toFixed(3)} ms, p99 ${percentile(values, 0.99).toFixed(3)} ms, max ${Math.max(...values).toFixed(3)} ms`;
  console.log(`per call (text around the cursor + packing + rendering), ${CALLS} calls after 500 warm-up; mean block ${(blockChars / (CALLS + 500)).toFixed(0)} chars`);
  console.log(`  wall time:        ${figures(times)}`);
  console.log(`  CPU time:         ${figures(cpuTimes)} (process CPU, so time the process waited for a core does not count)`);
  console.log(`  noise floor wall: ${figures(floor)} (a fixed loop timed the same way: what the machine adds)`);
  if (sink < 0) console.log(sink);
}

main();
