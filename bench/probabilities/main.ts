import { runSimulation, runSweep } from './sim-main';

/**
 * `npm run bench:probabilities -- sim [seeds]`: typing with the noisy oracle, features off and on.
 * `npm run bench:probabilities -- sweep [seeds]`: the threshold and doubt-stop sweep behind the defaults.
 */
async function main(): Promise<void> {
  const [what = 'sim', arg] = process.argv.slice(2);
  if (what === 'sim') await runSimulation(Number(arg ?? 5));
  else if (what === 'sweep') await runSweep(Number(arg ?? 3));
  else throw new Error(`unknown benchmark "${what}": sim or sweep`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
