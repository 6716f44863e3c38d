// Which docs can skip the MDX compile. Only `<`, `{` and ESM lines (`import` or
// `export` at the start of a line) can make Markdown fail as MDX; where every one
// of them stands in code (a fenced block or a code span), the doc compiles. The
// region engine's line scanner tells where they stand; when it is unsure, the doc
// is compiled. JSON blocks are checked from the compile's parse, so a doc with a
// ```json* fence is always compiled.
import type { Candidate } from "../docs/markers.ts";
import { scanContexts } from "../docs/scan.ts";
import { splitLines } from "../docs/text.ts";

const MDX_SYNTAX = /[<{]|^(?:import|export)\b/gm;
const JSON_FENCE = /^[ \t>]*(?:`{3,}|~{3,})[ \t]*json/im;

export function needsMdxCompile(content: string): boolean {
  if (JSON_FENCE.test(content)) return true;
  const lines = splitLines(content);
  const candidates: Candidate[] = [];
  let line = 0;
  for (const match of content.matchAll(MDX_SYNTAX)) {
    while (line + 1 < lines.length && lines[line + 1]!.start <= match.index) line++;
    // The scanner places candidates by position only; name and verb do not matter here.
    candidates.push({ offset: match.index, line, column: match.index - lines[line]!.start, name: match[0], verb: "start" });
  }
  if (candidates.length === 0) return false;
  const scanned = scanContexts(content, lines, candidates);
  return !scanned.certain || scanned.contexts.some((c) => c.kind === "markdown" || c.kind === "comment");
}
