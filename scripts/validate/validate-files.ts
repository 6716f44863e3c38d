// Config files on disk -> one result per file: valid, invalid or unreadable.
import { readFileSync } from "node:fs";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { checkConfigText, type CheckContext } from "./check-config.ts";

export type FileStatus = "valid" | "invalid" | "unreadable";

export interface FileResult {
  file: string;
  status: FileStatus;
  diagnostics: Diagnostic[];
}

export function validateFiles(files: readonly string[], context: CheckContext): FileResult[] {
  return files.map((file) => validateFile(file, context));
}

export function validateFile(file: string, context: CheckContext): FileResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, not a file" : (error as Error).message;
    const unreadable = diagnostic(file, { line: 1, column: 1 }, "config/unreadable", `cannot read the file: ${reason}`);
    return { file, status: "unreadable", diagnostics: [{ ...unreadable, path: "-" }] };
  }
  const diagnostics = checkConfigText(file, text, context);
  return { file, status: diagnostics.some((d) => d.severity === "error") ? "invalid" : "valid", diagnostics };
}
