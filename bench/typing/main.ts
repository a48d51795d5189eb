import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeCodeServer } from '../../test/launchers/code-server-suite';
import { repoRoot } from '../../test/support/paths';
import { focusEditor, openFile } from '../../test/ui/support/editor';
import { computeFigures, type PeerFigures } from './metrics';
import { startOracleServer, type OracleLatency, type OracleServer } from './oracle-server';
import { measureProviderTime } from './provider-time-launch';
import { judgeTargets, peerTable, providerTable, type BenchReport } from './report';
import { HUMAN_RHYTHM } from './rhythm';
import { typeFile, type TypedFile } from './typist';
import { openBenchWorkbench } from './workbench';

/** The oracle's pace: a local model server of the kind people run next to the editor. */
const LATENCY: OracleLatency = { firstTokenMs: 150, perTokenMs: 15 };
const DEBOUNCE_MS = 250;
const FILES_DIR = path.join(repoRoot, 'bench', 'typing', 'files');
const BASELINE_DIR = path.join(repoRoot, 'bench', 'baseline-extension');

interface Peer {
  name: string;
  vsix: string;
  extensionId: string;
}

interface BenchFile {
  name: string;
  text: string;
  /** Where typing starts (after the first line, which the file is opened with) and ends. */
  startAt: number;
  endAt: number;
}

/**
 * `npm run bench:typing`: types the benchmark files in code-server, once with Prompt Complete and once
 * with the plain baseline extension, against the oracle server; then times the provider per call in the
 * extension host; prints the table and PASS/MISS per target. Exits 0 either way: it reports.
 * BENCH_TYPING_LINES (default 30) sets how many lines of each file are typed; BENCH_TYPING_CALLS (200)
 * the calls per provider timing; BENCH_TYPING_VSIX a packaged extension instead of prompt-complete.vsix;
 * BENCH_TYPING_ONLY='features on'|'baseline' types with one peer only and skips the rest (for looking into it).
 */
async function main(): Promise<void> {
  const lines = Number(process.env.BENCH_TYPING_LINES ?? 30);
  const calls = Number(process.env.BENCH_TYPING_CALLS ?? 200);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-bench-typing-'));
  process.once('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
  const loadBefore = os.loadavg();
  const started = Date.now();

  const files = benchFiles(lines);
  const peers: Peer[] = [
    { name: 'features on', vsix: productVsix(temp), extensionId: 'prompt-complete.prompt-complete' },
    { name: 'baseline', vsix: packageBaseline(temp), extensionId: 'bench.baseline-completion' },
  ].filter((peer) => !process.env.BENCH_TYPING_ONLY || peer.name === process.env.BENCH_TYPING_ONLY);
  console.log(machineLine(loadBefore));
  console.log(`VS Code: ${describeCodeServer()}`);
  console.log(`Oracle server: ${LATENCY.firstTokenMs} ms to the first token + ${LATENCY.perTokenMs} ms per token (4 characters, a newline ends one); `
    + `debounce setting ${DEBOUNCE_MS} ms; max_tokens 64 (the default)`);
  console.log(`Typist: ${HUMAN_RHYTHM.charGap.join('-')} ms per character, ${HUMAN_RHYTHM.linePause.join('-')} ms after a line or an accept, `
    + `${HUMAN_RHYTHM.blockPause.join('-')} ms after an empty line, Tab once ghost text has shown ${HUMAN_RHYTHM.reactionMs} ms and matches the file`);
  console.log(`Files: ${files.map((file) => `${file.name} (lines 2-${lines + 1}, ${file.endAt - file.startAt} chars)`).join(', ')}\n`);

  const oracle = await startOracleServer(files.map((file) => file.text), LATENCY);
  const figures = new Map<string, PeerFigures>();
  const raw: Record<string, unknown> = {};
  try {
    for (const peer of peers) {
      const peerStarted = Date.now();
      const typed = await runPeer(peer, files, oracle);
      figures.set(peer.name, computeFigures(typed, oracle.requests, DEBOUNCE_MS));
      raw[peer.name] = { typed, requests: [...oracle.requests] };
      const mismatched = typed.filter((file) => !file.finalTextMatches).map((file) => file.file);
      for (const sample of typed.flatMap((file) => file.mismatches)) console.log(`  undone accept: ${JSON.stringify(sample)}`);
      console.log(`${peer.name}: typed in ${((Date.now() - peerStarted) / 1000).toFixed(0)} s`
        + (mismatched.length ? `; editor text differs from the true file in ${mismatched.join(', ')}` : ''));
    }
  } finally {
    await oracle.close();
  }

  const resultsDir = path.join(repoRoot, 'test-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  // Every action, ghost-text change and request, for looking into a figure.
  fs.writeFileSync(path.join(resultsDir, 'bench-typing-raw.json'), JSON.stringify(raw));
  if (process.env.BENCH_TYPING_ONLY) {
    console.log(JSON.stringify(Object.fromEntries(figures), null, 2));
    return;
  }

  console.log('Timing the provider in the extension host...');
  const providerTimes = await measureProviderTime(calls);
  const loadAfter = os.loadavg();

  const report: BenchReport = { on: figures.get('features on')!, baseline: figures.get('baseline')!, providerTimes, debounceMs: DEBOUNCE_MS, latency: LATENCY };
  console.log(`\n${peerTable(report.on, report.baseline)}\n\n${providerTable(providerTimes)}\n`);
  for (const target of judgeTargets(report)) console.log(`${target.pass ? 'PASS' : 'MISS'}  ${target.name}: ${target.detail}`);
  console.log(`\nLoad average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}; `
    + `whole bench ${((Date.now() - started) / 1000).toFixed(0)} s`);
  fs.writeFileSync(path.join(resultsDir, 'bench-typing.json'), JSON.stringify({ report, loadBefore, loadAfter, lines }, null, 2));
}

/** Types every file with one peer installed; one workbench for all files. */
async function runPeer(peer: Peer, files: readonly BenchFile[], oracle: OracleServer): Promise<TypedFile[]> {
  oracle.reset();
  const workbench = await openBenchWorkbench({
    vsix: peer.vsix,
    extensionId: peer.extensionId,
    settings: {
      'promptComplete.serverUrl': oracle.baseUrl,
      'promptComplete.model': 'oracle',
      'promptComplete.inline.debounceMs': DEBOUNCE_MS,
    },
    files: Object.fromEntries(files.map((file) => [file.name, file.text.slice(0, file.startAt)])),
  });
  try {
    const typed: TypedFile[] = [];
    for (const [index, file] of files.entries()) {
      await openFile(workbench.page, file.name);
      await focusEditor(workbench.page);
      await workbench.page.keyboard.press('Control+End');
      const result = await typeFile(workbench.page, file.name, file.text, { from: file.startAt, to: file.endAt }, HUMAN_RHYTHM, 1000 + index);
      typed.push(result);
    }
    return typed;
  } finally {
    await workbench.close();
  }
}

function benchFiles(lines: number): BenchFile[] {
  return fs.readdirSync(FILES_DIR).sort().map((name) => {
    const text = fs.readFileSync(path.join(FILES_DIR, name), 'utf8');
    const startAt = text.indexOf('\n') + 1;
    return { name, text, startAt, endAt: lineEnd(text, lines + 1) };
  });
}

/** The offset just after the n-th line's newline (or the text's end). */
function lineEnd(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

/**
 * The extension as users install it: BENCH_TYPING_VSIX or the repository's prompt-complete.vsix (which
 * `npm run bench:typing` packages first), copied, since other builds may rewrite it meanwhile.
 */
function productVsix(temp: string): string {
  const source = process.env.BENCH_TYPING_VSIX ?? path.join(repoRoot, 'prompt-complete.vsix');
  if (!fs.existsSync(source)) throw new Error(`${source} is missing: run \`npm run package\` first`);
  const target = path.join(temp, 'prompt-complete.vsix');
  fs.copyFileSync(source, target);
  return target;
}

/** Packages bench/baseline-extension/ the same way as the product. */
function packageBaseline(temp: string): string {
  const target = path.join(temp, 'baseline-completion.vsix');
  vsce(BASELINE_DIR, target, ['--allow-missing-repository', '--skip-license']);
  return target;
}

function vsce(dir: string, out: string, extra: string[] = []): void {
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(bin, ['package', '--no-dependencies', ...extra, '--out', out], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package in ${dir} failed:\n${result.stdout}${result.stderr}`);
}

function machineLine(load: number[]): string {
  const cpus = os.cpus();
  return `Machine: ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, `
    + `${os.type()} ${os.release()}, node ${process.version}; load average ${load.map((l) => l.toFixed(2)).join(' ')}`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
