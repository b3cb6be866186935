// A run's seed when none is configured: printed with the run, so any run replays. In a module of its own:
// the runner needs it at start, without loading faker (helpers/run/random.ts) into its process.
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
