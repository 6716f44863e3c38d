import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import PlainSummaryReporter from "./test/support/summary-reporter.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    globalSetup: ["test/support/global-setup.ts"],
    reporters: ["default", new PlainSummaryReporter()],
    // The test files a worker runs share its process and loaded modules instead of each
    // starting a fresh one: starting and importing again per file was a third of the run's time.
    // The code under test keeps no state between runs but caches keyed by content, as
    // in a `gen --watch` process; environment variables a test sets with vi.stubEnv are
    // put back after it, and child processes still start afresh.
    isolate: false,
    unstubEnvs: true,
    // vitest's default is one worker fewer than the cores, so a single one on 2 cores. Much of
    // a test's time is spent waiting for a CLI process it started, so two workers overlap
    // well there: 25-28 s against 31-32 s, with other work running on the machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
