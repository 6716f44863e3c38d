// Run settings for property tests. `pnpm test` uses a fixed seed and a small
// number of cases per property; `pnpm test:fuzz` sets FC_RUNS (and optionally
// FC_SEED) for a long run with a fresh seed that fast-check prints on failure.
import fc from "fast-check";

const runsFromEnv = process.env.FC_RUNS === undefined ? undefined : Number(process.env.FC_RUNS);
const seedFromEnv = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

if (runsFromEnv !== undefined && !(Number.isInteger(runsFromEnv) && runsFromEnv > 0)) {
  throw new Error(`FC_RUNS must be a positive integer, not "${process.env.FC_RUNS}"`);
}
if (seedFromEnv !== undefined && !Number.isInteger(seedFromEnv)) {
  throw new Error(`FC_SEED must be an integer, not "${process.env.FC_SEED}"`);
}

/** True in the long run (`pnpm test:fuzz`), where slower checks such as time ratios are made. */
export const fuzzing = runsFromEnv !== undefined;

const FIXED_SEED = 20260716;

/** fast-check parameters: `defaultRuns` cases in `pnpm test`, FC_RUNS cases when it is set. */
export function runs<T>(defaultRuns: number): fc.Parameters<T> {
  return {
    numRuns: runsFromEnv ?? defaultRuns,
    seed: seedFromEnv ?? (fuzzing ? Date.now() ^ (process.pid << 8) : FIXED_SEED),
  };
}

/** Test timeout (ms) for a property whose one case takes up to about `msPerCase`. */
export function timeoutFor(defaultRuns: number, msPerCase: number): number {
  return Math.max(30_000, (runsFromEnv ?? defaultRuns) * msPerCase * 4);
}
