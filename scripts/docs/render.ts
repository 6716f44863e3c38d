// Renders one region in place: the kind supplies lines or entries; this module
// fits them to where the region stands — the start marker's indentation, blank
// padding in Markdown, the line ending of the file, the region's bullet and
// trailing-comma habit, and a comma after the last entry when more follow.
import type { Catalog } from "../catalog/model.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { DEFAULT_JSON5_STYLE, joinEntries } from "./json5.ts";
import type { RegionOutput } from "./kinds/kind.ts";
import { isCodeCommentLine, parseCodeMarker } from "./markers.ts";
import type { RegionTarget } from "./names.ts";
import type { Region } from "./regions.ts";
import { lineEnding, type SourceLine } from "./text.ts";

export interface Edit {
  from: number;
  to: number;
  text: string;
}

const CLOSING = /^[}\])]/;
const QUOTED_KEY_LANGS = new Set(["json", "jsonc"]);

/** A line's content without the start marker's prefix (or, failing that, its leading white space). */
function relative(line: string, prefix: string): string {
  if (line.startsWith(prefix)) return line.slice(prefix.length);
  // A blank line is written as the prefix without its trailing white space (`>` for `> `).
  if (prefix.startsWith(line.trimEnd())) return "";
  return line.trimStart();
}

/** Code text of a line with indentation and blockquote markers removed. */
function codeText(line: string): string {
  return line.replace(/^[ \t>]*/, "").trimEnd();
}

/** What comes after a code region: a closing bracket (or the block's end), or more entries. */
function followedByEntries(text: string, lines: readonly SourceLine[], region: Region): boolean {
  const last = region.end.fence?.close ?? lines.length;
  for (let i = region.end.line + 1; i < last; i++) {
    const content = text.slice(lines[i]!.start, lines[i]!.end);
    const code = codeText(content);
    if (code === "") continue;
    if (parseCodeMarker(content)?.verb === "start") return true; // another region: entries follow
    if (isCodeCommentLine(code)) continue;
    return !CLOSING.test(code);
  }
  return false;
}

/** Whether the region writes a comma after the last entry even before a closing bracket. */
function trailingCommaHabit(body: readonly string[], entriesFollow: boolean): boolean {
  const code = body.map(codeText).filter((line) => line !== "" && !isCodeCommentLine(line));
  return code.some((line, i) => {
    if (!line.endsWith(",")) return false;
    const next = code[i + 1];
    return next === undefined ? !entriesFollow : CLOSING.test(next);
  });
}

function bulletOf(body: readonly string[]): string {
  for (const line of body) {
    const bullet = /^\s*([-*+])[ \t]/.exec(line);
    if (bullet) return bullet[1]!;
  }
  return "-";
}

function trimBlankEnds(body: readonly string[]): string[] {
  let from = 0;
  let to = body.length;
  while (from < to && body[from]!.trim() === "") from++;
  while (to > from && body[to - 1]!.trim() === "") to--;
  return body.slice(from, to);
}

/**
 * Rendered bodies by everything they depend on, for one run: the same region
 * written the same way on many pages (every translation of a page) is rendered once.
 */
export type RenderCache = Map<string, { text: string } | { error: string }>;

export function renderRegion(
  file: string,
  text: string,
  lines: readonly SourceLine[],
  region: Region,
  target: RegionTarget,
  catalog: Catalog,
  cache: RenderCache = new Map(),
): { edit: Edit } | { problem: Diagnostic } {
  const startLine = lines[region.start.line]!;
  const from = startLine.next;
  const to = lines[region.end.line]!.start;
  const prefix = text.slice(startLine.start, startLine.start + region.start.from);
  const eol = lineEnding(text, startLine);
  const entriesFollow = region.start.fence !== null && followedByEntries(text, lines, region);
  const options = Object.entries(region.start.options).flat();
  const key = [region.name, region.start.fence?.lang ?? "", prefix, eol, entriesFollow, ...options, text.slice(from, to)].join("\u0000");
  let rendered = cache.get(key);
  if (rendered === undefined) {
    const body: string[] = [];
    for (let i = region.start.line + 1; i < region.end.line; i++) body.push(relative(text.slice(lines[i]!.start, lines[i]!.end), prefix));
    rendered = renderBody(region, target, catalog, { prefix, eol, entriesFollow, body });
    cache.set(key, rendered);
  }
  if ("error" in rendered) {
    return {
      problem: diagnostic(file, { line: region.start.line + 1, column: region.start.from + 1 }, "docs/cannot-render",
        `region ${region.name}: ${rendered.error}`),
    };
  }
  return { edit: { from, to, text: rendered.text } };
}

interface Placement {
  /** The start marker's indentation (and blockquote markers), repeated on every line. */
  prefix: string;
  eol: string;
  /** Code: hand-written entries follow the region, so its last entry needs a comma. */
  entriesFollow: boolean;
  /** The current body, without the prefix. */
  body: string[];
}

function renderBody(region: Region, target: RegionTarget, catalog: Catalog, placement: Placement): { text: string } | { error: string } {
  const { prefix, eol, entriesFollow, body } = placement;
  const fence = region.start.fence;
  const habit = fence !== null && trailingCommaHabit(body, entriesFollow);
  const output: RegionOutput = target.kind.render({
    catalog,
    group: target.group,
    context: fence ? "code" : "markdown",
    lang: fence?.lang ?? "",
    options: region.start.options,
    body: trimBlankEnds(body),
    bullet: bulletOf(body),
    json5: {
      ...DEFAULT_JSON5_STYLE,
      indent: prefix.includes("\t") ? "\t" : DEFAULT_JSON5_STYLE.indent,
      quoteKeys: fence !== null && QUOTED_KEY_LANGS.has(fence.lang),
      trailingCommas: habit,
    },
  });
  if ("error" in output) return output;
  let out = "lines" in output ? output.lines : joinEntries(output.entries, habit || entriesFollow);
  if (!fence) out = ["", ...out, ""];
  const blank = prefix.trimEnd();
  return { text: out.map((line) => (line === "" ? blank : prefix + line) + eol).join("") };
}
