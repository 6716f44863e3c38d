// The command the drift summary tells people to run: the configured one, else
// the one that was run, as `gen` without the flags that only change the report.
import type { RunContext } from "./context.ts";

/** Flags that do not change what `gen` writes, so the fix command leaves them out. */
const REPORT_ONLY = new Set(["--check", "--json", "--verbose", "--watch", "--debug"]);

export function fixCommand(configured: string | undefined, context: RunContext): string {
  if (configured !== undefined) return configured;
  const { npm_lifecycle_event: script, npm_lifecycle_script: scriptText, npm_config_user_agent: agent, npm_command } = context.env;
  const kept = context.argv.filter((arg) => !REPORT_ONLY.has(arg));
  // Run by a package script that calls this tool and is not itself a check (`pnpm gen`,
  // not `pnpm docs:check`); a script that runs something else (a test runner) is not it.
  // `npx kimi-config-sync` sets the same variables, as script `npx`: not a package script.
  const runsThisTool = scriptText !== undefined && /kimi-config-sync|scripts\/bin\.mjs/.test(scriptText);
  if (script && scriptText && runsThisTool && !scriptText.includes("--check") && npm_command !== "exec" && script !== "npx") {
    const own = new Set(scriptText.split(/\s+/));
    const extra = kept.filter((arg) => !own.has(arg));
    const manager = agent?.split("/")[0] ?? "npm";
    const run = manager === "pnpm" || manager === "yarn" ? `${manager} ${script}` : `${manager} run ${script}`;
    return [run, ...(extra.length > 0 ? (manager === "npm" ? ["--", ...extra] : extra) : [])].join(" ");
  }
  return ["npx kimi-config-sync", ...kept.map(quoted)].join(" ");
}

function quoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
