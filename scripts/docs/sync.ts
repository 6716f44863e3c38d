// Docs: find the generated regions under the docs folders and render them anew.
//
// discover (read each file once, keep those with a marker token) -> candidates ->
// classify them (line scanner; remark where the scanner is unsure) -> markers ->
// regions -> render each with its kind -> splice the new bodies into the text.
// Nothing is written here: the result is the planned content of every file.
import type { Catalog } from "../catalog/model.ts";
import type { PlannedFile, RegionChange } from "../gen/plan.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { discoverDocs, type UnmarkedInspector } from "./discover.ts";
import { MAX_NESTING, tooDeeplyNested } from "./nesting.ts";
import { REGION_KINDS, type RegionKind } from "./kinds/index.ts";
import { canonicalMdxMarker, findCandidates, prepareNearMisses, type Candidate } from "./markers.ts";
import { RegionNames } from "./names.ts";
import { locateMarkers, pairRegions, type Region } from "./regions.ts";
import { renderRegion, type Edit, type RenderCache } from "./render.ts";
import { classifyWithRemark } from "./scan-remark.ts";
import { relevantCandidates, scanContexts, type Classification } from "./scan.ts";
import { applyEdits, countLineBreaks } from "./splice.ts";
import { splitLines, type SourceLine } from "./text.ts";

export interface DocsResult {
  files: PlannedFile[];
  /** Errors make the run exit 2 with nothing written; warnings are shown. */
  diagnostics: Diagnostic[];
  stats: { regions: number; docs: number };
}

/** `inspectUnmarked` sees every doc that holds no marker (see discover.ts). */
export async function syncDocs(
  catalog: Catalog,
  docDirs: readonly string[],
  inspectUnmarked?: UnmarkedInspector,
): Promise<DocsResult> {
  const found = discoverDocs(docDirs, inspectUnmarked);
  const names = new RegionNames(catalog, REGION_KINDS);
  const cache: RenderCache = new Map();
  const files: PlannedFile[] = [];
  const diagnostics = [...found.diagnostics];
  let regions = 0;
  for (const doc of found.files) {
    const result = await syncDoc(doc.path, doc.text, catalog, names, cache);
    diagnostics.push(...result.diagnostics);
    regions += result.regions;
    if (result.file) files.push(result.file);
  }
  return { files, diagnostics: diagnostics.sort(byPosition), stats: { regions, docs: found.docs } };
}

export interface DocSync {
  /** Null when the file holds no region. */
  file: PlannedFile | null;
  regions: number;
  diagnostics: Diagnostic[];
}

/** One document: its planned content, or the problems that stop it from being generated. */
export async function syncDoc(
  path: string,
  text: string,
  catalog: Catalog,
  names: RegionNames,
  cache: RenderCache = new Map(),
): Promise<DocSync> {
  const lines = splitLines(text);
  const found = findCandidates(text, lines);
  if (found.length === 0) return { file: null, regions: 0, diagnostics: [] };
  await prepareNearMisses(text, lines, found);
  const candidates = relevantCandidates(text, lines, found, (name) => names.looksLikeRegion(name));
  if (candidates.length === 0) return { file: null, regions: 0, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const loneCr = candidates.find((c) => text.slice(lines[c.line]!.start, lines[c.line]!.end).includes("\r"));
  if (loneCr) {
    const column = text.slice(lines[loneCr.line]!.start, lines[loneCr.line]!.end).indexOf("\r") + 1;
    const problem = "this line holds a lone carriage return (CR, the line ending of classic Mac OS), which is not read as a " +
      "line break, so the markers on it do not stand on lines of their own; save the file with LF or CRLF line endings";
    return { file: null, regions: 0, diagnostics: [diagnostic(path, { line: loneCr.line + 1, column }, "docs/lone-cr", problem)] };
  }
  const classification = await classify(path, text, lines, candidates, diagnostics);
  if (classification === null) return { file: null, regions: 0, diagnostics };

  const located = locateMarkers(path, text, lines, candidates, classification, names);
  const paired = pairRegions(path, located.markers, names);
  diagnostics.push(...located.problems, ...paired.problems);

  const edits: Edit[] = [];
  for (const marker of located.markers) {
    if (marker.syntax !== "mdx-mangled") continue;
    const start = lines[marker.line]!.start;
    edits.push({ from: start + marker.from, to: start + marker.to, text: canonicalMdxMarker(marker) });
  }
  for (const region of paired.regions) {
    const target = names.resolve(region.name);
    if (!target) {
      diagnostics.push(diagnostic(path, at(region.start), "docs/unknown-region", names.unknownMessage(region.name)));
      continue;
    }
    const problem = misuse(path, region, target.kind);
    if (problem) {
      diagnostics.push(problem);
      continue;
    }
    const rendered = renderRegion(path, text, lines, region, target, catalog, cache);
    if ("problem" in rendered) diagnostics.push(rendered.problem);
    else edits.push(rendered.edit);
  }
  if (diagnostics.some((d) => d.severity === "error")) return { file: null, regions: paired.regions.length, diagnostics };
  if (paired.regions.length === 0 && edits.length === 0) return { file: null, regions: 0, diagnostics };

  edits.sort((a, b) => a.from - b.from || a.to - b.to);
  const after = applyEdits(text, edits);
  return {
    file: { path, kind: "doc", before: text, after, regions: regionChanges(text, lines, after, paired.regions, edits) },
    regions: paired.regions.length,
    diagnostics,
  };
}

async function classify(
  path: string,
  text: string,
  lines: readonly SourceLine[],
  candidates: readonly Candidate[],
  diagnostics: Diagnostic[],
): Promise<Classification | null> {
  const scanned = scanContexts(text, lines, candidates);
  if (scanned.certain) return scanned;
  const deep = tooDeeplyNested(text);
  if (deep) {
    diagnostics.push(diagnostic(path, { line: deep.line, column: 1 }, "docs/too-deep",
      `cannot be read: blockquotes or lists nest ${deep.depth} levels deep here, more than the ${MAX_NESTING} the Markdown parser is given; flatten the nesting`));
    return null;
  }
  let parsed;
  try {
    parsed = await classifyWithRemark(text, lines, candidates);
  } catch (error) {
    // Other nesting (JSX elements, say) can exhaust the parser's stack too.
    if (!(error instanceof RangeError)) throw error;
    diagnostics.push(diagnostic(path, { line: 1, column: 1 }, "docs/too-deep",
      "cannot be read: it nests too deeply for the Markdown parser; flatten the nesting"));
    return null;
  }
  if (parsed.mdxError && path.toLowerCase().endsWith(".mdx")) {
    diagnostics.push(
      diagnostic(path, parsed.mdxError, "docs/not-mdx",
        `not valid MDX (${parsed.mdxError.message}); its regions were located by plain Markdown rules`, "warning"),
    );
  }
  return parsed;
}

function at(marker: Region["start"]): { line: number; column: number } {
  return { line: marker.line + 1, column: marker.from + 1 };
}

/** A region of a known kind standing where its kind cannot go, or with options it does not take. */
function misuse(path: string, region: Region, kind: RegionKind): Diagnostic | null {
  const context = region.start.fence ? "code" : "markdown";
  if (!kind.contexts.includes(context)) {
    const where = kind.contexts.map((c) => (c === "code" ? "a code block" : "Markdown text")).join(" or ");
    return diagnostic(path, at(region.start), "docs/wrong-context",
      `region ${region.name} is ${context === "code" ? "in a code block" : "in Markdown text"}, but regions of its kind belong in ${where}`);
  }
  const allowed = kind.options ?? [];
  const unknown = Object.keys(region.start.options).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    const takes = allowed.length > 0 ? `it takes ${allowed.join(", ")}` : "it takes none";
    return diagnostic(path, at(region.start), "docs/unknown-option", `unknown option "${unknown}" on region ${region.name}; ${takes}`);
  }
  if (Object.keys(region.end.options).length > 0) {
    return diagnostic(path, at(region.end), "docs/end-options", `options belong on the start marker; \`${region.name}:end\` takes none`);
  }
  return null;
}

/** The regions whose text changes (body or marker spelling), with their old and new lines. */
function regionChanges(
  before: string,
  lines: readonly SourceLine[],
  after: string,
  regions: readonly Region[],
  edits: readonly Edit[],
): RegionChange[] {
  const changes: RegionChange[] = [];
  // Regions and edits are both in text order: one pass keeps what earlier edits added.
  let next = 0;
  let shift = 0;
  let lineShift = 0;
  for (const region of regions) {
    const from = lines[region.start.line]!.start;
    const to = lines[region.end.line]!.end;
    const newLine = region.start.line + lineShift;
    let grown = 0;
    for (; next < edits.length && edits[next]!.from < to; next++) {
      const edit = edits[next]!;
      const delta = edit.text.length - (edit.to - edit.from);
      if (edit.from >= from) grown += delta;
      else shift += delta;
      lineShift += countLineBreaks(edit.text) - countLineBreaks(before.slice(edit.from, edit.to));
    }
    const oldText = before.slice(from, to);
    const newText = after.slice(from + shift, to + shift + grown);
    shift += grown;
    if (oldText === newText) continue;
    changes.push({
      name: region.name,
      line: region.start.line + 1,
      column: region.start.from + 1,
      endLine: region.end.line + 1,
      newLine: newLine + 1,
      before: oldText.replace(/\r\n/g, "\n"),
      after: newText.replace(/\r\n/g, "\n"),
    });
  }
  return changes;
}
