import * as path from 'node:path';
import { repoRoot } from '../../test/support/paths';
import { readEvents, type RequestEvent } from './events';
import { computeFigures, firstRightGhost, isPause, recordsOf, type RunRecord, type SpanRecord } from './metrics';
import { runsTable } from './report';

/**
 * `node out/bench/typing/trace.js [events.jsonl] [--run NAME] [--all] [--wrong N] [--figures]`: reads a typing benchmark's raw
 * events back and goes through every pause: what the typist had just done, whether a suggestion that is
 * how the file goes on showed and when, and, when none did, which request could have answered (one
 * already finished, whose answer covers the spot: the cache's; one in flight; one sent in the pause) and
 * why it did not. Ends with the count of each cause. --all lists answered pauses too; --figures prints
 * the figures table worked out again from the record instead.
 */
function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--run' && args[i - 1] !== '--wrong')
    ?? path.join(repoRoot, 'test-results', 'bench-typing-events.jsonl');
  const only = args.includes('--run') ? args[args.indexOf('--run') + 1] : undefined;
  const all = args.includes('--all');
  const showWrong = args.includes('--wrong') ? Number(args[args.indexOf('--wrong') + 1]) : 10;
  const runs = recordsOf(readEvents(file));
  if (args.includes('--figures')) {
    console.log(runsTable(runs.map(computeFigures)));
    return;
  }
  for (const run of runs) {
    if (only && run.run !== only) continue;
    traceRun(run, all, showWrong);
  }
}

type Cause =
  | 'answered'
  | 'a finished answer covered it (cache) but nothing showed'
  | 'shown only after the pause'
  | 'a request in flight covered it, too slow'
  | 'sent in the pause, too late'
  | 'sent in the pause, answer does not cover it'
  | 'a wrong suggestion showed'
  | 'no request for this spot';

function traceRun(run: RunRecord, all: boolean, showWrong: number): void {
  console.log(`\n=== ${run.run} (${run.requests.length} requests)`);
  const causes = new Map<Cause, number>();
  for (const span of run.spans) {
    console.log(`--- ${span.span.file} [${span.span.from}, ${span.span.to}) accepted ${span.span.acceptedChars}, keys ${span.span.keys}`);
    span.actions.forEach((action, index) => {
      if (!isPause(action, span)) return;
      const end = span.actions[index + 1]?.startedAt ?? action.startedAt + action.gapMs;
      const pos = action.posAfter;
      const answeredIn = firstRightGhost(span, action.doneAt, end);
      const { cause, notes } = answeredIn !== undefined ? { cause: 'answered' as const, notes: [`ghost after ${answeredIn} ms`] } : diagnose(run, span, pos, action.doneAt, end);
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
      if (cause === 'answered' && !all) return;
      const where = JSON.stringify(span.truth.slice(Math.max(0, pos - 25), pos)) + '|' + JSON.stringify(span.truth.slice(pos, pos + 20));
      console.log(`${action.kind === 'accept' ? 'after accept' : `after ${JSON.stringify(action.text)}`} at ${pos} ${where}, pause ${end - action.doneAt} ms: ${cause}`);
      for (const note of notes) console.log(`    ${note}`);
    });
  }
  const wrong = run.spans.flatMap((span) => span.ghosts.filter((ghost) => ghost.verdict === 'wrong').map((ghost) => ({ span, ghost })));
  if (wrong.length > 0) console.log(`wrong ghost texts (${wrong.length}), the first ${Math.min(wrong.length, showWrong)}:`);
  for (const { span, ghost } of wrong.slice(0, showWrong)) {
    const offset = ghost.doc!.offset;
    const before = span.truth.slice(0, offset);
    console.log(`  ${span.span.file} at ${offset} ${JSON.stringify(before.slice(before.lastIndexOf('\n') + 1))}: shown ${JSON.stringify(ghost.shown.slice(0, 70))}`);
    console.log(`  ${' '.repeat(span.span.file.length)}    true ${JSON.stringify(span.truth.slice(offset, offset + 70))}`);
  }
  console.log('causes:');
  for (const [cause, count] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(4)}  ${cause}`);
}

/** Why no suggestion that is how the file goes on showed in the pause at `pos` between `from` and `to`. */
function diagnose(run: RunRecord, span: SpanRecord, pos: number, from: number, to: number): { cause: Cause; notes: string[] } {
  const notes: string[] = [];
  const wrong = span.ghosts.filter((ghost) => ghost.event.at > from && ghost.event.at < to && ghost.verdict === 'wrong');
  for (const ghost of wrong.slice(0, 2)) notes.push(`wrong ghost at +${ghost.event.at - from} ms: ${JSON.stringify(ghost.shown.slice(0, 60))} (truth ${JSON.stringify(span.truth.slice(pos, pos + 40))})`);
  const later = firstRightGhost(span, from, to + 5000);
  const covering = run.requests.filter((request) => covers(request, span.truth, pos));
  const finished = covering.filter((request) => request.endedAt !== undefined && request.endedAt <= from && !request.aborted);
  const inFlight = covering.filter((request) => request.arrivedAt <= from && (request.endedAt === undefined || request.endedAt > from));
  const sent = run.requests.filter((request) => request.arrivedAt > from && request.arrivedAt < to);
  for (const request of [...finished.slice(-1), ...inFlight, ...sent]) notes.push(describe(request, from, span.truth, pos));
  if (wrong.length > 0) return { cause: 'a wrong suggestion showed', notes };
  if (later !== undefined) {
    notes.unshift(`a matching suggestion showed ${later} ms after the pause began (the pause lasted ${to - from} ms)`);
    return { cause: 'shown only after the pause', notes };
  }
  if (finished.length > 0) return { cause: 'a finished answer covered it (cache) but nothing showed', notes };
  if (inFlight.length > 0) return { cause: 'a request in flight covered it, too slow', notes };
  if (sent.some((request) => covers(request, span.truth, pos))) return { cause: 'sent in the pause, too late', notes };
  if (sent.length > 0) return { cause: 'sent in the pause, answer does not cover it', notes };
  return { cause: 'no request for this spot', notes };
}

/** Whether a request's answer, as planned, runs through `pos` of the true text from a true prompt. */
function covers(request: RequestEvent, truth: string, pos: number): boolean {
  if (!truth.startsWith(request.prompt) || request.prompt.length > pos) return false;
  const needed = truth.slice(request.prompt.length, pos);
  return request.planned.length > needed.length && request.planned.startsWith(needed);
}

function describe(request: RequestEvent, from: number, truth: string, pos: number): string {
  const rel = (at: number | undefined) => (at === undefined ? '-' : `${at - from >= 0 ? '+' : ''}${at - from}`);
  const prompt = truth.startsWith(request.prompt) ? `true prompt at ${request.prompt.length} (${request.prompt.length - pos >= 0 ? '+' : ''}${request.prompt.length - pos})` : `prompt off the truth: ...${JSON.stringify(request.prompt.slice(-30))}`;
  return `request arrived ${rel(request.arrivedAt)} ms, first token ${rel(request.firstTokenAt)}, first line ${rel(request.firstLineAt)}, ended ${rel(request.endedAt)}`
    + `${request.aborted ? ' (left early)' : ''}; ${prompt}; ${request.generatedTokens}/${request.plannedTokens} tokens; covers: ${covers(request, truth, pos)}`;
}

main();
