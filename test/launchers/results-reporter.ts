import * as fs from 'node:fs';
import Mocha from 'mocha';

/** What a mocha run reports to the test orchestrator. */
export interface LayerCounts {
  passed: number;
  failed: number;
  pending: number;
  failures: Array<{ title: string; message: string }>;
}

const { EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;

/**
 * The spec reporter, plus a JSON file with the counts and failures when run ends. The file path is
 * the reporter option `resultsFile` (or the MOCHA_RESULTS_FILE variable), so a parent process reads
 * the counts without parsing console output.
 */
export class ResultsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions & { reporterOption?: Record<string, string> }) {
    super(runner, options);
    const resultsFile = options.reporterOption?.resultsFile ?? options.reporterOptions?.resultsFile
      ?? process.env.MOCHA_RESULTS_FILE;
    const failures: LayerCounts['failures'] = [];
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      failures.push({ title: test.fullTitle(), message: String(err?.stack ?? err) });
    });
    runner.once(EVENT_RUN_END, () => {
      if (!resultsFile) return;
      const stats = runner.stats ?? { passes: 0, failures: failures.length, pending: 0 };
      const counts: LayerCounts = { passed: stats.passes, failed: stats.failures, pending: stats.pending, failures };
      fs.writeFileSync(resultsFile, JSON.stringify(counts, null, 2));
    });
  }
}
