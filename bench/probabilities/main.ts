import { runSimulation, runSweep } from './sim-main';
import { runUnlikelyBench } from './unlikely-main';

/**
 * `npm run bench:probabilities -- sim [seeds]`: typing with the noisy oracle, features off and on.
 * `npm run bench:probabilities -- sweep [seeds]`: the threshold and doubt-stop sweep behind the defaults.
 * `npm run bench:probabilities -- unlikely [seeds]`: Check Unlikely Code's precision and recall on
 * files with seeded typos, against the local server.
 */
async function main(): Promise<void> {
  const [what = 'sim', arg] = process.argv.slice(2);
  if (what === 'sim') await runSimulation(Number(arg ?? 5));
  else if (what === 'sweep') await runSweep(Number(arg ?? 3));
  else if (what === 'unlikely') await runUnlikelyBench(Number(arg ?? 3));
  else throw new Error(`unknown benchmark "${what}": sim, sweep or unlikely`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
