import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Property tests read FC_RUNS / FC_SEED; see test/support/fc.ts.
    pool: "forks",
  },
});
