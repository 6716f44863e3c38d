// The command the drift summary tells people to run: the configured one, else
// the one that was run, as `gen` without the flags that only change the report.
import { readFileSync } from "node:fs";
import type { RunContext } from "./context.ts";

/** Flags that do not change what `gen` writes, so the fix command leaves them out. */
const REPORT_ONLY = new Set(["--check", "--json", "--verbose", "--watch", "--debug"]);

export function fixCommand(configured: string | undefined, context: RunContext): string {
  if (configured !== undefined) return configured;
  const { npm_lifecycle_event: script, npm_lifecycle_script: scriptText, npm_config_user_agent: agent, npm_command } = context.env;
  if (script && scriptText && npm_command !== "exec" && script !== "npx") {
    const { own, extra } = splitScript(context.env.npm_package_json, script, scriptText, context.argv);
    // Run by a package script that calls this tool and is not itself a check (`pnpm gen`,
    // not `pnpm docs:check`); a script that runs something else (a test runner) is not it.
    if (/kimi-config-sync|scripts\/bin\.cjs/.test(own) && !own.includes("--check")) {
      const added = extra.filter((arg) => !REPORT_ONLY.has(arg));
      const manager = agent?.split("/")[0] ?? "npm";
      const run = manager === "pnpm" || manager === "yarn" ? `${manager} ${script}` : `${manager} run ${script}`;
      const args = added.map(quoted);
      return [run, ...(args.length > 0 && manager === "npm" ? ["--"] : []), ...args].join(" ");
    }
  }
  return ["npx kimi-config-sync", ...context.argv.filter((arg) => !REPORT_ONLY.has(arg)).map(quoted)].join(" ");
}

/**
 * The script's own text, as package.json holds it (pnpm appends the user's arguments
 * to npm_lifecycle_script, so that variable cannot tell `pnpm gen --check` from a
 * script that checks), and the arguments the user added after the script name.
 */
function splitScript(packageJson: string | undefined, script: string, scriptText: string, argv: readonly string[]): { own: string; extra: readonly string[] } {
  let own = scriptText;
  try {
    const scripts = (JSON.parse(readFileSync(packageJson ?? "", "utf8")) as { scripts?: Record<string, string> }).scripts;
    own = scripts?.[script] ?? scriptText;
  } catch {
    // No readable package.json: the variable is all there is.
  }
  const words = new Set(own.split(/\s+/));
  return { own, extra: argv.filter((arg) => !words.has(arg)) };
}

function quoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
