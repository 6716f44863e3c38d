// The command the drift summary names: the configured one, else the one that was run.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixCommand } from "../scripts/commands/fix-command.ts";
import type { RunContext } from "../scripts/commands/context.ts";
import { tempDir } from "./support/run-cli.ts";

function packageScripts(scripts: Record<string, string>): string {
  const file = join(tempDir(), "package.json");
  writeFileSync(file, JSON.stringify({ name: "site", scripts }));
  return file;
}

function context(argv: string[], env: NodeJS.ProcessEnv = {}): RunContext {
  return { cwd: "/", env, argv, readStdin: () => Buffer.alloc(0) };
}

/** What pnpm sets for `pnpm <script> <args>`: the script text with the arguments appended. */
function pnpmRun(packageJson: string, script: string, text: string, args: string[]): NodeJS.ProcessEnv {
  return {
    npm_lifecycle_event: script,
    npm_lifecycle_script: [text, ...args].join(" "),
    npm_package_json: packageJson,
    npm_command: "run-script",
    npm_config_user_agent: "pnpm/10.34.9 npm/? node/v20.20.2 linux x64",
  };
}

describe("the fix command", () => {
  it("is the configured one when there is one", () => {
    expect(fixCommand("make docs", context(["gen", "--check"]))).toBe("make docs");
  });

  it("is the package script that was run, without --check, with the other arguments", () => {
    const pkg = packageScripts({ gen: "node scripts/bin.cjs gen" });
    expect(fixCommand(undefined, context(["gen", "--check"], pnpmRun(pkg, "gen", "node scripts/bin.cjs gen", ["--check"])))).toBe("pnpm gen");
    const withDocs = pnpmRun(pkg, "gen", "node scripts/bin.cjs gen", ["--check", "--docs", "site"]);
    expect(fixCommand(undefined, context(["gen", "--check", "--docs", "site"], withDocs))).toBe("pnpm gen --docs site");
    const npm = { ...pnpmRun(pkg, "gen", "node scripts/bin.cjs gen", []), npm_config_user_agent: "npm/10.8.2 node/v20.20.2" };
    expect(fixCommand(undefined, context(["gen", "--check", "--docs", "site"], npm))).toBe("npm run gen -- --docs site");
  });

  it("is not a script that itself checks, nor one that runs something else", () => {
    const pkg = packageScripts({ "docs:check": "kimi-config-sync gen --check", test: "vitest run" });
    const check = pnpmRun(pkg, "docs:check", "kimi-config-sync gen --check", []);
    expect(fixCommand(undefined, context(["gen", "--check"], check))).toBe("npx kimi-config-sync gen");
    const tests = pnpmRun(pkg, "test", "vitest run", []);
    expect(fixCommand(undefined, context(["gen", "--check", "--docs", "my docs"], tests))).toBe("npx kimi-config-sync gen --docs 'my docs'");
  });

  it("is `npx kimi-config-sync gen` under npx", () => {
    const env = { npm_lifecycle_event: "npx", npm_lifecycle_script: "kimi-config-sync", npm_command: "exec" };
    expect(fixCommand(undefined, context(["gen", "--check", "--json"], env))).toBe("npx kimi-config-sync gen");
  });
});
