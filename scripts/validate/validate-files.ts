// Config files on disk -> one result per file: valid, invalid, unparsable or unreadable.
import { readFileSync } from "node:fs";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { firstNonUtf8, wideEncoding } from "../lib/encoding.ts";
import { checkConfigText, type CheckContext } from "./check-config.ts";
import { NOT_UTF8_WARNING, wideEncodingReason } from "./follow-includes.ts";
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
  // The host reads its config as UTF-8: a wide encoding cannot be read at all, and a
  // byte that is not UTF-8 becomes U+FFFD in whatever value holds it.
  const wide = wideEncoding(bytes);
  if (wide) return unreadable(file, wideEncodingReason(wide));
  const badByte = firstNonUtf8(bytes);
  const encoding = badByte
    ? [{ ...diagnostic(file, badByte, "config/not-utf8", NOT_UTF8_WARNING, "warning"), path: "-" }]
    : [];
  const diagnostics = [...encoding, ...checkConfigText(file, bytes.toString("utf8"), context, onDisk)];
  const status = diagnostics.some((d) => d.rule === "config/syntax" && d.file === file) ? "unparsable" : diagnostics.some((d) => d.severity === "error") ? "invalid" : "valid";
  return { file, status, diagnostics };
}

function unreadable(file: string, reason: string): FileResult {
  const found = diagnostic(file, { line: 1, column: 1 }, "config/unreadable", `cannot read the file: ${reason}`);
  return { file, status: "unreadable", diagnostics: [{ ...found, path: "-" }] };
}
