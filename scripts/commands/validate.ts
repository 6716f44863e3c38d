// `validate FILE... [--catalog FILE] [--env] [--json]`: check users' config files.
// Exit codes: 0 every file valid (warnings allowed), 1 a file is invalid,
// 2 a file or the catalog cannot be read, or the arguments are wrong.
import { parseArgs } from "node:util";
import { loadCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/model.ts";
import { ExitCode, formatDiagnostic, InputError } from "../lib/diagnostics.ts";
import { validateExitCode, validateJson, validateText } from "../validate/report.ts";
import { validateFiles } from "../validate/validate-files.ts";
import { DEFAULT_CATALOG, type Output } from "../cli.ts";

export async function runValidateCli(args: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      catalog: { type: "string", default: DEFAULT_CATALOG },
      env: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    out.stderr("validate: no file given; pass one or more config files, e.g. `validate openclaw.json`");
    return ExitCode.input;
  }

  let catalog: Catalog;
  try {
    catalog = loadCatalog(values.catalog);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (values.json) out.stdout(JSON.stringify({ exitCode: ExitCode.input, catalog: error.diagnostics, files: [] }, null, 2));
    else out.stderr(`${error.diagnostics.map(formatDiagnostic).join("\n")}\nthe catalog is unusable; nothing was validated`);
    return ExitCode.input;
  }

  const results = validateFiles(positionals, { catalog, ...(values.env ? { environment: process.env } : {}) });
  out.stdout(values.json ? JSON.stringify(validateJson(results), null, 2) : validateText(results));
  return validateExitCode(results);
}
