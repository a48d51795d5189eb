// Context recall benchmark (`npm run bench:context`): how much of a multi-file project's code the
// extension can complete with context from other files, and without. Plain node, the real engine,
// client and context assembler, an oracle server over HTTP. Prints a table and writes
// test-results/bench-context.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { percentile } from '../typing/metrics';
import { typeScenario, type TypingRun } from './developer';
import { startContextOracle, type OracleAnswer } from './oracle-server';
import { SCENARIOS } from './scenario';

const projectDir = path.join(__dirname, '..', '..', '..', 'bench', 'context', 'project');
const MODES = [
  { name: 'context off', maxContextChars: 0 },
  { name: 'context on (default 4000)', maxContextChars: 4000 },
];

/** An oracle answer, and whether it was cut on a name the project's other files hold (what context could show). */
interface JudgedAnswer extends OracleAnswer {
  cutOnNameFromElsewhere: boolean;
}

interface Row {
  mode: string;
  scenario: string;
  run: TypingRun;
  answers: JudgedAnswer[];
}

/** Every identifier in the scenario's files other than its target. */
function namesElsewhere(root: string, target: string): Set<string> {
  const names = new Set<string>();
  const dir = path.join(projectDir, root);
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, file);
    if (file === target || !fs.statSync(full).isFile()) continue;
    for (const name of fs.readFileSync(full, 'utf8').match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(name);
  }
  return names;
}

async function main(): Promise<void> {
  const targets = new Map(SCENARIOS.map((s) => [`${s.root}/${s.target}`, fs.readFileSync(path.join(projectDir, s.root, s.target), 'utf8')]));
  const rows: Row[] = [];
  for (const mode of MODES) {
    for (const scenario of SCENARIOS) {
      const oracle = await startContextOracle(targets);
      try {
        const run = await typeScenario(scenario, projectDir, oracle.baseUrl, mode.maxContextChars);
        const elsewhere = namesElsewhere(scenario.root, scenario.target);
        const answers = oracle.answers.map((answer) => ({ ...answer, cutOnNameFromElsewhere: answer.cutWord !== undefined && elsewhere.has(answer.cutWord) }));
        rows.push({ mode: mode.name, scenario: scenario.name, run, answers });
      } finally {
        await oracle.close();
      }
    }
  }
  console.log('| mode | project | keystrokes saved | requests | answers cut (any unshown name) | cut on a name from another file | request chars mean / max | context block chars mean | whole block same as previous request | packing p50 / p99 ms |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const modes = MODES.map((m) => m.name);
  for (const mode of modes) {
    const of = rows.filter((r) => r.mode === mode);
    for (const row of [...of, merged(mode, of)]) console.log(line(row));
  }
  const out = path.join(__dirname, '..', '..', '..', 'test-results', 'bench-context.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(rows.map((row) => ({ mode: row.mode, scenario: row.scenario, ...summary(row) })), null, 2));
  console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
}

function merged(mode: string, rows: Row[]): Row {
  const runs = rows.map((r) => r.run);
  const run: TypingRun = {
    scenario: 'all',
    typedChars: sum(runs.map((r) => r.typedChars)),
    acceptedChars: sum(runs.map((r) => r.acceptedChars)),
    requests: sum(runs.map((r) => r.requests)),
    requestChars: runs.flatMap((r) => r.requestChars),
    blockChars: runs.flatMap((r) => r.blockChars),
    pairs: sum(runs.map((r) => r.pairs)),
    sameBlockPairs: sum(runs.map((r) => r.sameBlockPairs)),
    packMs: runs.flatMap((r) => r.packMs),
  };
  return { mode, scenario: 'all', run, answers: rows.flatMap((r) => r.answers) };
}

function summary({ run, answers }: Row) {
  const cut = answers.filter((a) => a.cutForContext).length;
  const cutElsewhere = answers.filter((a) => a.cutOnNameFromElsewhere).length;
  return {
    savedPercent: (100 * run.acceptedChars) / Math.max(1, run.acceptedChars + run.typedChars),
    acceptedChars: run.acceptedChars,
    typedChars: run.typedChars,
    requests: run.requests,
    cutForContext: cut,
    cutPercent: (100 * cut) / Math.max(1, answers.length),
    cutElsewhere,
    cutElsewhereNames: countBy(answers.filter((a) => a.cutOnNameFromElsewhere).map((a) => a.cutWord!)),
    cutElsewherePercent: (100 * cutElsewhere) / Math.max(1, answers.length),
    requestCharsMean: mean(run.requestChars),
    requestCharsMax: Math.max(0, ...run.requestChars),
    blockCharsMean: mean(run.blockChars),
    sameBlockPercent: (100 * run.sameBlockPairs) / Math.max(1, run.pairs),
    packP50: percentile(run.packMs, 0.5),
    packP99: percentile(run.packMs, 0.99),
  };
}

function line(row: Row): string {
  const s = summary(row);
  return `| ${row.mode} | ${row.scenario} | ${s.savedPercent.toFixed(1)}% (${s.acceptedChars} of ${s.acceptedChars + s.typedChars}) | ${s.requests} | ${s.cutForContext} (${s.cutPercent.toFixed(1)}%) | ${s.cutElsewhere} (${s.cutElsewherePercent.toFixed(1)}%) | `
    + `${s.requestCharsMean.toFixed(0)} / ${s.requestCharsMax} | ${s.blockCharsMean.toFixed(0)} | ${s.sameBlockPercent.toFixed(1)}% | ${s.packP50.toFixed(3)} / ${s.packP99.toFixed(3)} |`;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
