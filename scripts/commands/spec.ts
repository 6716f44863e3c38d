// Command specs: each command's options are declared once, and both the parser
// and the usage text are made from that declaration, so they cannot disagree.
import { parseArgs } from "node:util";
import { didYouMeanSuffix } from "../lib/did-you-mean.ts";
import { EXIT_CODE_HELP, UsageError } from "../lib/exit-codes.ts";

export interface OptionSpec {
  type: "boolean" | "string";
  multiple?: boolean;
  short?: string;
  /** The placeholder shown for a string option's value, e.g. `FILE`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments as shown in the usage line, e.g. `FILE...`. */
  operands?: string;
  summary: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Lines shown after the options. */
  notes?: readonly string[];
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  config: { type: "string", value: "FILE", description: "the configuration file (default: kimi-config-sync.config.jsonc, found upwards)" },
  "no-config": { type: "boolean", description: "ignore any configuration file" },
  debug: { type: "boolean", description: "on an internal error, print the stack trace" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export function usageText(spec: CommandSpec): string {
  const options = Object.entries({ ...spec.options, ...COMMON_OPTIONS });
  const label = ([name, option]: [string, OptionSpec]) =>
    `${option.short ? `-${option.short}, ` : ""}--${name}${option.value ? ` ${option.value}` : ""}${option.multiple ? " (repeatable)" : ""}`;
  const width = Math.max(...options.map((entry) => label(entry).length));
  return [
    `Usage: kimi-config-sync ${spec.name}${spec.operands ? ` ${spec.operands}` : ""} [options]`,
    "",
    spec.summary,
    "",
    "Options:",
    ...options.map((entry) => `  ${label(entry).padEnd(width)}  ${entry[1].description}`),
    ...(spec.notes && spec.notes.length > 0 ? ["", ...spec.notes] : []),
    "",
    EXIT_CODE_HELP,
  ].join("\n");
}

export interface ParsedCommand {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments; a wrong one is a UsageError naming it, with a did-you-mean. */
export function parseCommand(spec: CommandSpec, args: readonly string[]): ParsedCommand {
  const all = { ...spec.options, ...COMMON_OPTIONS };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, o]) => [name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]),
  );
  // Asked for help, the rest of the line does not matter (after `--`, `-h` is a file's name).
  const options_ = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (options_.includes("--help") || options_.includes("-h")) return { values: { help: true }, positionals: [] };
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: spec.operands !== undefined });
    // `--docs=` gives an empty value, which would mean the working folder or nothing at all.
    for (const [name, value] of Object.entries(values)) {
      if (value === "" || (Array.isArray(value) && value.includes(""))) {
        throw new UsageError(`${spec.name}: --${name} takes a value (--${name} ${all[name]?.value ?? "VALUE"}); an empty one was given`, usageText(spec));
      }
    }
    return { values: values as ParsedCommand["values"], positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS")) throw error;
    const text = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(text)?.[1];
    // Node's words for an option whose value is missing: "argument missing", or "ambiguous" when the next word is an option.
    const valueless = /Option '(-{1,2}[\w-]+)(?: <value>)?' argument (?:missing|is ambiguous)/.exec(text)?.[1];
    const stray = /Unexpected argument '([^']*)'/.exec(text)?.[1];
    const flagWithValue = /Option '(-{1,2}[\w-]+)' does not take an argument/.exec(text)?.[1];
    const message = unknown
      ? `${spec.name}: unknown option ${unknown}${didYouMeanSuffix(unknown, Object.keys(all).map((n) => `--${n}`))}`
      : valueless
        ? `${spec.name}: ${valueless} takes a value (${valueless} ${all[valueless.replace(/^-+/, "")]?.value ?? "VALUE"}); none was given`
        : stray !== undefined
          ? `${spec.name}: unexpected argument "${stray}": ${spec.name} takes ${spec.operands ? `${spec.operands} and ` : "no file names, only "}options`
          : flagWithValue
            ? `${spec.name}: ${flagWithValue} is a switch and takes no value; write ${flagWithValue} alone`
            : `${spec.name}: ${text.split("\n")[0]}`;
    throw new UsageError(message, usageText(spec));
  }
}
