import { defineConfig } from "vitest/config";
import PlainSummaryReporter from "./test/support/summary-reporter.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    globalSetup: ["test/support/global-setup.ts"],
    reporters: ["default", new PlainSummaryReporter()],
  },
});
