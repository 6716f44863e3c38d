// Config files on disk -> one result per file: valid, invalid, unparsable or unreadable.
import { readFileSync } from "node:fs";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { checkConfigText, type CheckContext } from "./check-config.ts";
import { configEncoding, NOT_UTF8_WARNING } from "./config-encoding.ts";
import { readFailureReason } from "./read-failure.ts";

/** `unparsable`: not JSON, JSONC or JSON5; `invalid`: it parses and breaks a rule. */
export type FileStatus = "valid" | "invalid" | "unparsable" | "unreadable";

export interface FileResult {
  file: string;
  status: FileStatus;
  diagnostics: Diagnostic[];
}

export function validateFiles(files: readonly string[], context: CheckContext): FileResult[] {
  return files.map((file) => validateFile(file, context));
}

export function validateFile(file: string, context: CheckContext): FileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return unreadable(file, readFailureReason(error));
  }
  return validateBytes(file, bytes, context, true);
}

/**
 * A config's bytes, from a file or standard input; `file` names it and its ending picks the syntax.
 * `onDisk`: the files its `$include`s name are read, relative to it (follow-includes.ts).
 */
export function validateBytes(file: string, bytes: Buffer, context: CheckContext, onDisk = false): FileResult {
  const read = configEncoding(bytes);
  if ("unreadable" in read) return unreadable(file, read.unreadable);
  const encoding = read.notUtf8
    ? [{ ...diagnostic(file, read.notUtf8, "config/not-utf8", NOT_UTF8_WARNING, "warning"), path: "-" }]
    : [];
  const diagnostics = [...encoding, ...checkConfigText(file, read.text, context, onDisk)];
  const status = diagnostics.some((d) => d.rule === "config/syntax" && d.file === file) ? "unparsable" : diagnostics.some((d) => d.severity === "error") ? "invalid" : "valid";
  return { file, status, diagnostics };
}

function unreadable(file: string, reason: string): FileResult {
  const found = diagnostic(file, { line: 1, column: 1 }, "config/unreadable", `cannot read the file: ${reason}`);
  return { file, status: "unreadable", diagnostics: [{ ...found, path: "-" }] };
}
