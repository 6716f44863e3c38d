// Problems are collected as data and shown by a reporter; nothing here prints.
import { printablePath } from "./printable-path.ts";

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path as given or relative to the working directory. */
  file: string;
  /** 1-based line and column of the problem's start. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  message: string;
  /** A stable id for the kind of problem, e.g. `catalog/duplicate-id`. */
  rule: string;
  /** JSON path of the value, where the problem is in a JSON document. */
  path?: string;
}

/** Input the tool cannot work from; always exit code 2 (see exit-codes.ts), and nothing is written. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "InputError";
  }
}

export function diagnostic(
  file: string,
  at: { line: number; column: number; endLine?: number; endColumn?: number },
  rule: string,
  message: string,
  severity: Severity = "error",
): Diagnostic {
  // Only the position's own fields: `at` may be an error or a parser node carrying more.
  const { line, column, endLine, endColumn } = at;
  return { file, line, column, ...(endLine === undefined ? {} : { endLine }), ...(endColumn === undefined ? {} : { endColumn }), rule, message, severity };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${printablePath(d.file)}:${d.line}:${d.column}`;
  const level = d.severity === "warning" ? "warning: " : "";
  return `${where}: ${level}${d.message}`;
}

export function byPosition(a: Pick<Diagnostic, "file" | "line" | "column">, b: Pick<Diagnostic, "file" | "line" | "column">): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
