// `validate FILE...`: check users' config files; `-` reads standard input.
// Relative paths are from the folder the user ran the command in (see userFolder).
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { loadCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/model.ts";
import { formatDiagnostic, InputError } from "../lib/diagnostics.ts";
import { ExitCode, UsageError } from "../lib/exit-codes.ts";
import { within } from "../lib/within.ts";
import { unusableInputJson, validateExitCode, validateJson, validateText } from "../validate/report.ts";
import { withDotEnvFiles } from "../validate/dotenv-files.ts";
import { includeRoots } from "../validate/follow-includes.ts";
import { validateBytes, validateFile, type FileResult } from "../validate/validate-files.ts";
import { settingsFor, userFolder, type Output, type RunContext } from "./context.ts";
import { parseCommand, usageText } from "./spec.ts";
import { VALIDATE } from "./specs.ts";

/** The name standard input is reported under. */
const STDIN_NAME = "<stdin>";

export async function runValidateCommand(args: readonly string[], out: Output, context: RunContext): Promise<number> {
  const { values, positionals } = parseCommand(VALIDATE, args);
  if (values.help) {
    out.stdout(usageText(VALIDATE));
    return ExitCode.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError("validate: no file given; pass one or more config files, e.g. `validate openclaw.json`, or `-` for standard input", usageText(VALIDATE));
  }
  if (positionals.filter((p) => p === "-").length > 1) {
    throw new UsageError("validate: `-` (standard input) is given more than once; it can be read once", usageText(VALIDATE));
  }
  const from = userFolder(context);
  const json = values.json === true;

  let catalog: Catalog;
  try {
    const catalogFlag = typeof values.catalog === "string" ? { catalog: resolve(from, values.catalog) } : {};
    catalog = loadCatalog(settingsFor(values as { config?: string; "no-config"?: boolean }, catalogFlag, context).catalogFile);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (json) out.stdout(JSON.stringify(unusableInputJson(error.diagnostics), null, 2));
    else out.stderr(`${error.diagnostics.map(formatDiagnostic).join("\n")}\nthe catalog or configuration is unusable; nothing was validated`);
    return ExitCode.input;
  }

  const environment = values.env ? { environment: withDotEnvFiles(context.env, from) } : {};
  const checkContext = { catalog, includeRoots: includeRoots(context.env.OPENCLAW_INCLUDE_ROOTS), ...environment };
  const results = positionals.map((given): FileResult => {
    if (given === "-") {
      // Read as a `.json` file is: JSONC, and failing that JSON5.
      const result = validateBytes(`${STDIN_NAME}.json`, context.readStdin(), checkContext);
      return { ...result, file: STDIN_NAME, diagnostics: result.diagnostics.map((d) => ({ ...d, file: STDIN_NAME })) };
    }
    // Read from the user's folder, reported under the name they typed; a file it includes, as they named the config:
    // by its absolute path, or relative to their folder when it is inside that folder or the config's.
    const absolute = resolve(from, given);
    const result = validateFile(absolute, checkContext);
    const named = (file: string) =>
      file === absolute ? given : !isAbsolute(given) && (within(file, from) || within(file, dirname(absolute))) ? relative(from, file) : file;
    return { ...result, file: given, diagnostics: result.diagnostics.map((d) => ({ ...d, file: named(d.file) })) };
  });
  out.stdout(json ? JSON.stringify(validateJson(results), null, 2) : validateText(results));
  return validateExitCode(results);
}
