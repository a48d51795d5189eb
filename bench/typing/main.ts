import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { describeCodeServer } from '../../test/launchers/code-server-suite';
import { repoRoot } from '../../test/support/paths';
import { focusEditor, openFile } from '../../test/ui/support/editor';
import { EventLog, type DocEvent } from './events';
import { takeGhostEvents, watchGhostText } from './ghost-watch';
import { pickHoles, withHolesCut } from './holes';
import { computeFigures, recordsOf, type RunFigures } from './metrics';
import { startOracleServer, type OracleLatency, type OracleServer } from './oracle-server';
import { startProbeServer, type EditorState, type ProbeServer } from './probe-server';
import { measureProviderTime } from './provider-time-launch';
import { judgeGoals, providerTable, runsTable } from './report';
import { HUMAN_RHYTHM, type Rhythm } from './rhythm';
import { DEFAULT_SCENARIOS, editorSettings, SCENARIOS, type Scenario } from './scenarios';
import { commonPrefixLength, type Target } from './truth';
import { typeSpan } from './typist';
import { openBenchWorkbench } from './workbench';

const DEBOUNCE_MS = 250;
const FILES_DIR = path.join(repoRoot, 'bench', 'typing', 'files');
const BASELINE_DIR = path.join(repoRoot, 'bench', 'baseline-extension');
const PROBE_DIR = path.join(repoRoot, 'bench', 'probe-extension');

interface Options {
  scenarios: Scenario[];
  peers: string[];
  lines: number;
  holes: number;
  files: string[] | undefined;
  providerTime: boolean;
  calls: number;
  latency: OracleLatency;
  out: string;
  /** The typist's rhythm (HUMAN_RHYTHM, or with no look pause after the cursor lands: --no-look). */
  rhythm: Rhythm;
  /** Settings for the measured extension on top of the bench's own (--setting key=json, repeatable). */
  extraSettings: Record<string, unknown>;
}

interface Peer {
  name: string;
  vsix: string;
  extensionId: string;
}

interface BenchFile {
  name: string;
  text: string;
}

const USAGE = `npm run bench:typing -- [options]
  --quick              10 lines per file, 2 holes per file, no provider timing (about 3 minutes)
  --scenarios a,b|all  ${SCENARIOS.map((s) => s.name).join(', ')} (default ${DEFAULT_SCENARIOS.join(',')})
  --peers a,b          product, baseline (default product)
  --lines N            lines typed per file when writing (default 30; BENCH_TYPING_LINES)
  --holes N            holes per file when editing (default 4)
  --files a,b          only these benchmark files
  --latency F,T        the oracle's ms to the first token and per token (default 150,10)
  --no-provider-time   skip timing the provider in the extension host
  --out DIR            where the figures and the raw events go (default test-results)
  --no-look            the typist types at once where the cursor lands (default: looks 400-700 ms first)
  --setting key=json   a setting for the measured extension, e.g. promptComplete.inline.suggestWhereCursorStops="off"
BENCH_TYPING_VSIX=file.vsix measures that package instead of prompt-complete.vsix.`;

/**
 * \`npm run bench:typing\`: types the benchmark files in code-server with the product (and, when asked,
 * the plain baseline) against the oracle server, in each scenario; prints the figures and PASS/MISS per
 * goal. Exits 0 either way: it reports. Every key, ghost-text change, document state and request goes to
 * <out>/bench-typing-events.jsonl; \`node out/bench/typing/trace.js\` reads it back pause by pause.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-bench-typing-'));
  process.once('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
  const loadBefore = os.loadavg();
  const started = Date.now();
  const files = benchFiles(options.files);
  const probeVsix = packageExtension(PROBE_DIR, path.join(temp, 'typing-probe.vsix'));
  const peers: Peer[] = [];
  if (options.peers.includes('product')) peers.push({ name: 'product', vsix: productVsix(temp), extensionId: 'prompt-complete.prompt-complete' });
  if (options.peers.includes('baseline')) peers.push({ name: 'baseline', vsix: packageExtension(BASELINE_DIR, path.join(temp, 'baseline.vsix')), extensionId: 'bench.baseline-completion' });

  fs.mkdirSync(options.out, { recursive: true });
  const eventsFile = path.join(options.out, 'bench-typing-events.jsonl');
  const log = new EventLog(eventsFile);
  console.log(machineLine(loadBefore));
  console.log(`VS Code: ${describeCodeServer()}`);
  console.log(`Oracle server: ${options.latency.firstTokenMs} ms to the first token + ${options.latency.perTokenMs} ms per token (4 characters, a newline ends one); `
    + `debounce setting ${DEBOUNCE_MS} ms; max_tokens 64 (the default)`);
  const { rhythm } = options;
  console.log(`Typist: ${rhythm.charGap.join('-')} ms per character, ${rhythm.linePause.join('-')} ms after a line or an accept, `
    + `${rhythm.blockPause.join('-')} ms after an empty line, ${rhythm.lookPause.join('-')} ms after landing at a span's start, `
    + `Tab once a suggestion has shown ${rhythm.reactionMs} ms and accepting it keeps the true text`);
  if (Object.keys(options.extraSettings).length > 0) console.log(`Extension settings: ${JSON.stringify(options.extraSettings)}`);
  console.log(`Files: ${files.map((file) => file.name).join(', ')}; ${options.lines} lines each when writing, ${options.holes} holes each when editing\n`);
  for (const file of files) log.add({ type: 'truth', file: file.name, text: file.text });

  const oracle = await startOracleServer(files.map((file) => file.text), options.latency);
  try {
    for (const scenario of options.scenarios) {
      for (const peer of peers) {
        const run = peer.name === 'product' ? scenario.name : `${scenario.name}/${peer.name}`;
        const runStarted = Date.now();
        await runScenario(run, scenario, peer, files, options, oracle, probeVsix, log);
        console.log(`${run}: ${((Date.now() - runStarted) / 1000).toFixed(0)} s (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
      }
    }
  } finally {
    await oracle.close();
  }

  const figures: RunFigures[] = recordsOf(log.events).map(computeFigures);
  console.log(`\n${runsTable(figures)}\n`);
  for (const run of recordsOf(log.events)) {
    for (const span of run.spans) for (const wrong of span.span.wrongAccepts.slice(0, 3)) console.log(`${run.run} ${span.span.file}: wrong accept ${JSON.stringify(wrong)}`);
    for (const span of run.spans) for (const off of span.span.offShownSamples.slice(0, 3)) console.log(`${run.run} ${span.span.file}: accept not as shown ${JSON.stringify(off)}`);
    for (const span of run.spans) if (span.span.stuck) console.log(`${run.run} ${span.span.file}: typing stopped: ${span.span.stuck}`);
  }
  for (const goal of judgeGoals(figures)) console.log(`${goal.pass ? 'PASS' : 'MISS'}  ${goal.run.padEnd(16)} ${goal.name}: ${goal.detail}`);

  let providerTimes;
  if (options.providerTime) {
    console.log('\nTiming the provider in the extension host...');
    try {
      providerTimes = await measureProviderTime(options.calls);
      console.log(providerTable(providerTimes));
    } catch (error) {
      console.log(`provider timing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const loadAfter = os.loadavg();
  console.log(`\nLoad average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}; `
    + `whole bench ${((Date.now() - started) / 1000).toFixed(0)} s; raw events in ${path.relative(process.cwd(), eventsFile)}`);
  fs.writeFileSync(path.join(options.out, 'bench-typing.json'), JSON.stringify({
    date: new Date().toISOString(), machine: machineLine(loadBefore), loadBefore, loadAfter, options: { ...options, scenarios: options.scenarios.map((s) => s.name) },
    figures, providerTimes,
  }, null, 2));
}

/** Types every file in one scenario with one peer installed; one workbench for all files. */
async function runScenario(
  run: string, scenario: Scenario, peer: Peer, files: readonly BenchFile[], options: Options, oracle: OracleServer, probeVsix: string, log: EventLog,
): Promise<void> {
  oracle.reset();
  const probe = await startProbeServer();
  const settings = {
    ...editorSettings(scenario),
    'promptComplete.serverUrl': oracle.baseUrl,
    'promptComplete.model': 'oracle',
    'promptComplete.inline.debounceMs': DEBOUNCE_MS,
    'benchProbe.url': probe.url,
    ...options.extraSettings,
  };
  log.add({ type: 'run', run, peer: peer.name, scenario: scenario.name, description: scenario.description, at: Date.now(), settings });
  const plans = files.map((file, index) => planFile(file, scenario, options, index));
  const workbench = await openBenchWorkbench({
    vsix: peer.vsix,
    extraVsix: [probeVsix],
    extensionId: peer.extensionId,
    settings,
    files: Object.fromEntries(plans.map((plan) => [plan.file.name, plan.initialText])),
  });
  let spanIndex = 0;
  try {
    if (!(await probe.next(-1, undefined, 30_000))) throw new Error('the probe extension did not report');
    for (const plan of plans) {
      await openFile(workbench.page, plan.file.name);
      await focusEditor(workbench.page);
      await watchGhostText(workbench.page);
      for (const [index, target] of plan.targets.entries()) {
        const at = await placeCursor(workbench.page, probe, plan.file.name, target);
        await takeGhostEvents(workbench.page);
        probe.takeHistory();
        const span = spanIndex++;
        const startedAt = Date.now();
        const typed = at
          ? await typeSpan(workbench.page, probe, at, target, options.rhythm, 1000 + plan.index * 10 + index)
          : undefined;
        const endedAt = Date.now();
        const ghosts = await takeGhostEvents(workbench.page);
        const docs = [at, ...probe.takeHistory()].filter((state): state is EditorState => state !== undefined && state.file === plan.file.name);
        log.add({
          type: 'span', run, span, file: plan.file.name, from: target.from, to: target.to, after: target.after, startedAt, endedAt,
          acceptedChars: typed?.acceptedChars ?? 0, keys: typed?.keys ?? 0, acceptsOffShown: typed?.acceptsOffShown ?? 0, offShownSamples: typed?.offShownSamples ?? [],
          wrongAccepts: typed?.wrongAccepts ?? [], finalMatches: typed?.finalMatches ?? false, stuck: typed ? typed.stuck : 'the cursor could not be placed',
        });
        for (const action of typed?.actions ?? []) log.add({ type: 'action', run, span, ...action });
        for (const doc of docs) log.add(docEvent(run, span, doc, target));
        for (const ghost of ghosts) log.add({ type: 'ghost', run, span, ...ghost });
      }
    }
  } finally {
    await workbench.close();
    await probe.close();
    for (const request of oracle.requests) log.add({ type: 'request', run, ...request });
  }
}

interface FilePlan {
  file: BenchFile;
  index: number;
  initialText: string;
  targets: Target[];
}

/** What the file is opened with and the spans to type: its lines after the first (write), or its holes (edit). */
function planFile(file: BenchFile, scenario: Scenario, options: Options, index: number): FilePlan {
  const { text } = file;
  if (scenario.mode === 'write') {
    const from = text.indexOf('\n') + 1;
    return { file, index, initialText: text.slice(0, from), targets: [{ truth: text, from, to: lineEnd(text, options.lines + 1), after: '' }] };
  }
  const holes = pickHoles(text, options.holes, 7 + index);
  return {
    file,
    index,
    initialText: withHolesCut(text, holes),
    targets: holes.map((hole, i) => ({ truth: text, from: hole.from, to: hole.to, after: withHolesCut(text, holes, i + 1).slice(hole.to) })),
  };
}

/**
 * Puts the cursor at the start of the span: the document's end when writing, the hole through Go to Line
 * (line:column) when editing. Returns the state there, or undefined when the cursor did not get there.
 */
async function placeCursor(page: Page, probe: ProbeServer, file: string, target: Target): Promise<EditorState | undefined> {
  const seq = probe.latest()?.seq ?? -1;
  if (target.after === '') {
    await page.keyboard.press('Control+End');
  } else {
    const before = target.truth.slice(0, target.from);
    const line = before.split('\n').length;
    const column = target.from - (before.lastIndexOf('\n') + 1) + 1;
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
  }
  const deadline = Date.now() + 5000;
  let state = await probe.next(seq, file, 2000);
  while (state && state.offset !== target.from && Date.now() < deadline) state = await probe.next(state.seq, file, 500);
  return state && state.offset === target.from ? state : undefined;
}

function docEvent(run: string, span: number, state: EditorState, target: Target): DocEvent {
  const afterKept = state.text.endsWith(target.after);
  const body = afterKept ? state.text.slice(0, state.text.length - target.after.length) : state.text;
  const same = commonPrefixLength(body, target.truth);
  return { type: 'doc', run, span, at: state.at, seq: state.seq, offset: state.offset, same, rest: body.slice(same), afterKept };
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const scenarioNames = (value('--scenarios') ?? DEFAULT_SCENARIOS.join(',')).split(',');
  const scenarios = scenarioNames[0] === 'all' ? [...SCENARIOS] : scenarioNames.map((name) => {
    const scenario = SCENARIOS.find((s) => s.name === name);
    if (!scenario) throw new Error(`unknown scenario ${name}\n${USAGE}`);
    return scenario;
  });
  const [firstTokenMs, perTokenMs] = (value('--latency') ?? '150,10').split(',').map(Number);
  return {
    scenarios,
    peers: (value('--peers') ?? 'product').split(','),
    lines: Number(value('--lines') ?? process.env.BENCH_TYPING_LINES ?? (quick ? 10 : 30)),
    holes: Number(value('--holes') ?? (quick ? 2 : 4)),
    files: value('--files')?.split(','),
    providerTime: !quick && !argv.includes('--no-provider-time'),
    calls: Number(process.env.BENCH_TYPING_CALLS ?? 200),
    latency: { firstTokenMs: firstTokenMs ?? 150, perTokenMs: perTokenMs ?? 10 },
    out: path.resolve(value('--out') ?? path.join(repoRoot, 'test-results')),
    rhythm: argv.includes('--no-look') ? { ...HUMAN_RHYTHM, lookPause: [0, 0] } : HUMAN_RHYTHM,
    extraSettings: Object.fromEntries(argv.flatMap((arg, i) => {
      if (arg !== '--setting') return [];
      const pair = argv[i + 1] ?? '';
      const eq = pair.indexOf('=');
      if (eq < 1) throw new Error(`--setting wants key=json, not ${pair}\n${USAGE}`);
      return [[pair.slice(0, eq), JSON.parse(pair.slice(eq + 1))]];
    })),
  };
}

function benchFiles(only: string[] | undefined): BenchFile[] {
  return fs.readdirSync(FILES_DIR).sort()
    .filter((name) => !only || only.some((wanted) => name.startsWith(wanted)))
    .map((name) => ({ name, text: fs.readFileSync(path.join(FILES_DIR, name), 'utf8') }));
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

/** Packages a bench extension folder the same way as the product. */
function packageExtension(dir: string, out: string): string {
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(bin, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package in ${dir} failed:\n${result.stdout}${result.stderr}`);
  return out;
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
