import { defineConfig } from "vitest/config";
import PlainSummaryReporter from "./test/support/summary-reporter.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    globalSetup: ["test/support/global-setup.ts"],
    reporters: ["default", new PlainSummaryReporter()],
    // The test files share one process and its loaded modules instead of each starting
    // a fresh one: starting and importing again per file was a third of the run's time.
    // The code under test keeps no state between runs but caches keyed by content, as
    // in a `gen --watch` process; environment variables a test sets with vi.stubEnv are
    // put back after it, and child processes still start afresh.
    isolate: false,
    unstubEnvs: true,
  },
});
