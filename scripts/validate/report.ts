// Validation results -> what people and tools read. Nothing here prints.
import { counted } from "../lib/plural.ts";
import { printablePath } from "../lib/printable-path.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { FileResult } from "./validate-files.ts";

/** How many files are in each state. */
function counts(results: readonly FileResult[]) {
  const count = (status: FileResult["status"]) => results.filter((r) => r.status === status).length;
  return { valid: count("valid"), invalid: count("invalid"), unparsable: count("unparsable"), unreadable: count("unreadable") };
}

/** 2 if a file could not be read or parsed, else 1 if one is invalid, else 0 (warnings do not fail). */
export function validateExitCode(results: readonly FileResult[]): number {
  if (results.some((r) => r.status === "unreadable" || r.status === "unparsable")) return ExitCode.input;
  if (results.some((r) => r.status === "invalid")) return ExitCode.failed;
  return ExitCode.ok;
}

/** `file:line:column  path  message`, warnings marked as such. */
export function diagnosticLine(d: Diagnostic): string {
  return `${printablePath(d.file)}:${d.line}:${d.column}  ${d.path ?? "-"}  ${d.severity === "warning" ? "warning: " : ""}${d.message}`;
}

export function validateText(results: readonly FileResult[]): string {
  const lines = results.flatMap((r) => r.diagnostics.map(diagnosticLine));
  lines.push(summaryLine(results));
  return lines.join("\n");
}

export function summaryLine(results: readonly FileResult[]): string {
  const { valid, invalid, unparsable: notParsed, unreadable } = counts(results);
  const { errors, warnings } = totals(results);
  const parts = [`${valid} valid`, `${invalid} invalid`];
  if (notParsed > 0) parts.push(`${notParsed} not parsed`);
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  return `${counted(results.length, "file")} checked: ${parts.join(", ")} (${counted(errors, "error")}, ${counted(warnings, "warning")})`;
}

export function validateJson(results: readonly FileResult[]) {
  return {
    exitCode: validateExitCode(results),
    summary: { files: results.length, ...counts(results), ...totals(results) },
    files: results,
  };
}

/**
 * The same shape when the catalog or the configuration file is unusable, so nothing was
 * validated: no file counted, and the problems that stopped the run under `diagnostics`.
 */
export function unusableInputJson(diagnostics: readonly Diagnostic[]) {
  return {
    exitCode: ExitCode.input,
    summary: { files: 0, ...counts([]), errors: diagnostics.filter((d) => d.severity === "error").length, warnings: 0 },
    files: [],
    diagnostics,
  };
}

function totals(results: readonly FileResult[]): { errors: number; warnings: number } {
  const all = results.flatMap((r) => r.diagnostics);
  return { errors: all.filter((d) => d.severity === "error").length, warnings: all.filter((d) => d.severity === "warning").length };
}

