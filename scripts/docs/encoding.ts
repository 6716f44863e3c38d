// Docs that are not UTF-8. Their regions cannot be updated without changing
// other bytes, so they are never synced, and never silently skipped: a page in
// UTF-16 or UTF-32 (found by its byte-order mark), or with bytes that are not
// UTF-8 (often Latin-1 or Windows-1252), is named with what it is when it holds
// marker-like text. Only a page with a marker line of its own stops the run (its
// regions would go stale unseen); marker-like prose (`dev:start`) is a warning.
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { firstNonUtf8, NOT_UTF8, wideEncoding } from "../lib/encoding.ts";
import { findCandidates, MARKER_TOKEN, parseCodeMarker, parseMarkdownMarker } from "./markers.ts";
import { splitLines } from "./text.ts";

const SAVE_AS_UTF8 = "save it as UTF-8 to have its regions generated";

/** An error when the text (decoded as well as can be) holds a marker line, else a warning. */
function problem(path: string, at: { line: number; column: number }, what: string, text: string): Diagnostic {
  const lines = splitLines(text);
  const marked = findCandidates(text, lines).some((c) => {
    const line = text.slice(lines[c.line]!.start, lines[c.line]!.end);
    return (parseMarkdownMarker(line) ?? parseCodeMarker(line))?.verb.match(/^(start|end)$/);
  });
  return marked
    ? diagnostic(path, at, "docs/not-utf8", `${what}, and holds region markers, which cannot be updated without changing its other bytes; ${SAVE_AS_UTF8}`)
    : diagnostic(path, at, "docs/not-utf8", `${what}; its marker-like text is not read as region markers (${SAVE_AS_UTF8} if it holds any)`, "warning");
}

/**
 * A page whose byte-order mark says UTF-16 or UTF-32: a warning when it holds
 * marker-like text (the cheap byte search for markers cannot see it), else null.
 */
export function wideEncodingProblem(path: string, bytes: Uint8Array): Diagnostic | null {
  const found = wideEncoding(bytes);
  if (!found) return null;
  // UTF-32 has no decoder in Node; its ASCII letters are their own bytes with zeros between.
  const text = found.decoder
    ? new TextDecoder(found.decoder).decode(bytes)
    : Buffer.from(bytes).toString("latin1").replaceAll("\u0000", "");
  if (!MARKER_TOKEN.test(text)) return null;
  return problem(path, { line: 1, column: 1 }, `the file is encoded as ${found.encoding}, not UTF-8`, text);
}

/** A page with marker-like bytes that is not valid UTF-8: a problem at its first invalid byte, else null. */
export function notUtf8Problem(path: string, bytes: Uint8Array): Diagnostic | null {
  const at = firstNonUtf8(bytes);
  if (!at) return null;
  return problem(path, at, NOT_UTF8, Buffer.from(bytes).toString("latin1"));
}
