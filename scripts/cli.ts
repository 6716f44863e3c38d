// Command-line entry: parse arguments, run one command, map the outcome to an exit code.
import { parseArgs } from "node:util";
import { ExitCode } from "./lib/diagnostics.ts";
import { WriteError } from "./lib/write-files.ts";

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const DEFAULT_CATALOG = "schema/catalog.jsonc";
export const DEFAULT_DOCS = "docs";

const USAGE = `Usage:
  kimi-config-sync gen [--check] [--catalog FILE] [--docs DIR]... [--json]
  kimi-config-sync validate FILE... [--catalog FILE] [--env] [--json]

gen        regenerate the JSON Schemas (beside the catalog) and the docs' generated regions
  --check    write nothing; print a diff of what drifted; exit 1 on drift
  --catalog  the model catalog (default ${DEFAULT_CATALOG})
  --docs     a docs folder to sync; repeatable (default ${DEFAULT_DOCS})
  --json     print a machine-readable report
validate   check config files (JSON, JSONC or JSON5) against the config schema
  --env      also report \${VAR} placeholders whose variable is not set

Exit codes: 0 success, 1 drift (gen --check) or invalid config (validate),
2 unusable input (bad catalog, malformed markers, unreadable file, bad arguments).`;

export async function main(argv: readonly string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "gen":
        return await gen(rest, out);
      case "validate": {
        const { runValidateCli } = await import("./commands/validate.ts");
        return await runValidateCli(rest, out);
      }
      case "--help":
      case "-h":
      case "help":
        out.stdout(USAGE);
        return ExitCode.ok;
      default:
        out.stderr(`${command === undefined ? "no command given" : `unknown command "${command}"`}\n\n${USAGE}`);
        return ExitCode.input;
    }
  } catch (error) {
    if (error instanceof WriteError) {
      out.stderr(error.message);
      return ExitCode.input;
    }
    if (isArgumentError(error)) {
      out.stderr(`${(error as Error).message}\n\n${USAGE}`);
      return ExitCode.input;
    }
    throw error;
  }
}

async function gen(args: readonly string[], out: Output): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      check: { type: "boolean", default: false },
      catalog: { type: "string", default: DEFAULT_CATALOG },
      docs: { type: "string", multiple: true },
      json: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const { runGen } = await import("./commands/gen.ts");
  return runGen(
    {
      check: values.check,
      json: values.json,
      catalogFile: values.catalog,
      docDirs: values.docs ?? [DEFAULT_DOCS],
      github: process.env.GITHUB_ACTIONS === "true",
    },
    out,
  );
}

function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

/** Used by the bundled entry point. */
export async function run(): Promise<void> {
  const out: Output = {
    stdout: (text) => text && process.stdout.write(`${text}\n`),
    stderr: (text) => text && process.stderr.write(`${text}\n`),
  };
  // A run validates a few documents once: zod's generated validators (new Function on
  // first use, ~5 ms here, out of reach of V8's code cache) would cost more than they save.
  const { z } = await import("zod");
  z.config({ jitless: true });
  process.exitCode = await main(process.argv.slice(2), out);
}
