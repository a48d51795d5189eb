import { runSimulation, runStopSweep, runSweep } from './sim-main';

/**
 * `npm run bench:probabilities -- sim [seeds]`: the typing simulation with the noisy oracle (see
 * sim-main.ts). `npm run bench:probabilities -- unlikely`: Check Unlikely Code's precision and recall
 * on files with seeded typos, against the local server.
 */
async function main(): Promise<void> {
  const [what = 'sim', arg] = process.argv.slice(2);
  if (what === 'sim') await runSimulation(Number(arg ?? 5));
  else if (what === 'sweep') await runSweep(Number(arg ?? 3));
  else if (what === 'stops') await runStopSweep(Number(arg ?? 3));
  else throw new Error(`unknown benchmark "${what}": sim or unlikely`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
