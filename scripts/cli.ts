// Command-line entry: pick the command, run it, map the outcome to an exit code
// (scripts/lib/exit-codes.ts). Nothing below this module prints on its own.
import { didYouMeanSuffix } from "./lib/did-you-mean.ts";
import { InputError } from "./lib/diagnostics.ts";
import { EXIT_CODE_HELP, ExitCode, exitCodeFor, UsageError } from "./lib/exit-codes.ts";
import { packageVersion } from "./lib/package-root.ts";
import { WriteError } from "./lib/write-files.ts";
import { processContext, type Output, type RunContext } from "./commands/context.ts";
import { COMMANDS } from "./commands/specs.ts";
import { colourWanted, painter } from "./report/colour.ts";

export type { Output } from "./commands/context.ts";

export const USAGE = `Usage: kimi-config-sync <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join("\n")}

Options:
  -h, --help     show this help; \`kimi-config-sync <command> --help\` shows a command's
  -V, --version  print the version (as JSON with --json)

${EXIT_CODE_HELP}`;

/** Runs one command line; returns the exit code. Every error ends here, mapped to its code. */
export async function main(argv: readonly string[], out: Output, context: RunContext = { ...processContext(), argv }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "gen":
        return await (await import("./commands/gen.ts")).runGenCommand(rest, out, context);
      case "validate":
        return await (await import("./commands/validate.ts")).runValidateCommand(rest, out, context);
      case "--help":
      case "-h":
      case "help":
        out.stdout(USAGE);
        return ExitCode.ok;
      case "--version":
      case "-V":
        // `--version --json` (a script asking which version it runs) gets data, as every command's `--json` does.
        out.stdout(rest.includes("--json") ? JSON.stringify({ version: packageVersion() }) : packageVersion());
        return ExitCode.ok;
      default: {
        const names = COMMANDS.map((c) => c.name);
        const problem = command === undefined ? "no command given" : `unknown command "${command}"${didYouMeanSuffix(command, names)}`;
        throw new UsageError(problem, USAGE);
      }
    }
  } catch (error) {
    return report(error, out, argv);
  }
}

function report(error: unknown, out: Output, argv: readonly string[]): number {
  const code = exitCodeFor(error);
  const red = painter(out.colour?.stderr === true);
  const message = error instanceof UsageError || error instanceof WriteError || error instanceof InputError ? error.message
    : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A caller that asked for JSON reads standard output: it gets the failure there too, as data.
  if (argv.includes("--json")) {
    const kind = error instanceof UsageError ? "usage" : error instanceof WriteError ? "write" : error instanceof InputError ? "input" : "internal";
    try {
      out.stdout(JSON.stringify({ exitCode: code, error: { kind, message } }, null, 2));
    } catch {
      // Standard output is what failed: the message still goes to standard error below.
    }
  }
  if (error instanceof UsageError) out.stderr(`${red("red", error.message)}${error.usage ? `\n\n${error.usage}` : ""}`);
  else if (error instanceof WriteError || error instanceof InputError) out.stderr(red("red", error.message));
  else {
    const debug = argv.includes("--debug");
    out.stderr(
      `${red("red", `internal error: ${message}`)}\n` +
        (debug && error instanceof Error ? `${error.stack}\n` : "run again with --debug for the stack trace; ") +
        `this is a bug in kimi-config-sync (exit code ${ExitCode.internal})`,
    );
  }
  return code;
}

/** The process entry point, used by the bundle (scripts/bin.cjs). */
export async function run(): Promise<void> {
  // A reader that goes away (`gen --check | head -1`) is not an error: stop writing
  // to that stream, and finish with the exit code the run earns.
  const closed = { stdout: false, stderr: false };
  for (const name of ["stdout", "stderr"] as const) {
    process[name].on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      closed[name] = true;
    });
  }
  const out: Output = {
    stdout: (text) => void (text && !closed.stdout && process.stdout.write(`${text}\n`)),
    stderr: (text) => void (text && !closed.stderr && process.stderr.write(`${text}\n`)),
    colour: { stdout: colourWanted(process.stdout, process.env), stderr: colourWanted(process.stderr, process.env) },
  };
  const argv = process.argv.slice(2);
  // Anything thrown outside main's reach (a callback, a stray promise) is still an
  // internal error with its own exit code; Node's default would exit 1, which reads as drift.
  const crash = (error: unknown) => process.exit(report(error, out, argv));
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  // Ctrl-C ends `gen --watch` cleanly; any other command stops at once, as usual.
  const stop = new AbortController();
  if (argv.includes("--watch")) {
    process.once("SIGINT", () => stop.abort());
    process.once("SIGTERM", () => stop.abort());
  }
  // zod, where a run needs it, runs jitless (see LIBRARY_SETUP in scripts/build.mjs).
  process.exitCode = await main(argv, out, processContext(stop.signal));
}
