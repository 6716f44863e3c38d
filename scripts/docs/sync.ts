// Docs: find the generated regions under the docs folders and render them anew.
//
// Each doc (doc.ts) flows through one pipeline and carries its own messages:
// discover (read each file once; files without a marker token go to the rules'
// inspector) -> candidates -> classify them (line scanner; remark where the scanner
// is unsure) -> markers -> regions -> render each with its kind, in the page's
// language (page-context.ts) -> splice the new bodies into the text. The docs rules
// (scripts/docs-checks) then add their findings. Nothing is written here: the
// result is the planned content of every doc that may hold a marker.
import { appendAll } from "../lib/append.ts";
import type { Catalog } from "../catalog/model.ts";
import { BASE_LOCALE, wordsFor } from "../catalog/words.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { within } from "../lib/within.ts";
import { contentKey } from "../lib/content-cache.ts";
import { discoverDocs, readDocText, type UnmarkedInspector } from "./discover.ts";
import { hasErrors, newDoc, type Doc, type LineRange, type LocatedDoc, type RegionChange } from "./doc.ts";
import { REGION_KINDS, type RegionKind } from "./kinds/index.ts";
import { DEFAULT_LOCALE, unknownPageLanguage } from "./locale.ts";
import { canonicalMdxMarker, findCandidates, prepareNearMisses, type Candidate } from "./markers.ts";
import { MAX_NESTING, tooDeeplyNested } from "./nesting.ts";
import { RegionNames } from "./names.ts";
import { regionContainerProblems } from "./region-containers.ts";
import { locateMarkers, pairRegions, type Region } from "./regions.ts";
import { excluding } from "./exclude.ts";
import { DocPlaces } from "./doc-places.ts";
import { missingWordWarnings, PageContexts, type PageSettings } from "./page-context.ts";
import type { PageVerdict, PageVerdicts } from "./page-verdicts.ts";
import { renderRegion, type Edit, type PageContext, type RenderCache } from "./render.ts";
import { classifyWithRemark } from "./scan-remark.ts";
import { relevantCandidates, scanContexts, type Classification } from "./scan.ts";
import { applyEdits, countLineBreaks } from "./splice.ts";
import { splitLines, type SourceLine } from "./text.ts";

export interface DocsResult {
  /** The docs that may hold a marker and were planned this run, with their messages (those `keep` kept). */
  docs: Doc[];
  /** The docs without errors: what `gen` would write. */
  files: Doc[];
  /**
   * Messages that belong to no planned doc: about the docs folders (an unreadable folder, a link
   * leading outside), the warnings of docs an earlier run found up to date (page-verdicts.ts),
   * which are not planned again, and the words languages lack.
   */
  runMessages: Diagnostic[];
  /** Every message the engine found (not the rules'), of the run and of each doc; errors make the run exit 2 with nothing written. */
  diagnostics: Diagnostic[];
  stats: { regions: number; docs: number };
  /** The `exclude` patterns (by index) that left out no doc. */
  unusedExcludes: number[];
}

/** The hashes a planned doc's verdict is stored with (page-verdicts.ts). */
export interface DocHashes {
  /** Of its text; computed on first call (a doc that changes leaves no verdict and needs none). */
  hash: () => string;
  /** Of what it depends on in the tree: its language folder and the pages it may translate; null when in no language folder. */
  source: string | null;
}

export interface SyncOptions extends PageSettings {
  /** Sees every doc that holds no marker (see discover.ts). */
  inspectUnmarked?: UnmarkedInspector;
  /** Glob patterns of docs to leave alone, relative to the working directory. */
  exclude?: readonly string[];
  /** Verdicts of earlier runs: a page found up to date on the same bytes and settings is not planned again. */
  verdicts?: PageVerdicts;
  /**
   * Sees each doc as soon as it is planned (the docs rules run here); false drops it
   * from `docs` and `files`, so a run keeps only what it reports or writes; a doc
   * returned is kept in its place (a lighter copy, say). Default: keep.
   */
  keep?: (doc: Doc, hashes: DocHashes) => boolean | Doc | Promise<boolean | Doc>;
}

/**
 * Plans every doc under the folders, one at a time: a doc is read, located,
 * rendered and handed to `keep` before the next is read, so memory holds what is
 * kept, not the tree.
 */
export async function syncDocs(catalog: Catalog, docDirs: readonly string[], options: SyncOptions = {}): Promise<DocsResult> {
  // Asked only when there are patterns: exclude.ts and its glob library are then loaded (DEFERRED_MODULES in build.mjs).
  const included = options.exclude?.length ? excluding(options.exclude) : undefined;
  const hashes = new Map<string, string>();
  const known = new Map<string, PageVerdict>();
  const toPlan: string[] = [];
  // The pages to plan are read again when planned, one at a time, rather than kept from discovery:
  // a copy costs more than the read (see lib/scratch-read.ts), and memory holds one page, not thousands.
  const found = discoverDocs(
    docDirs,
    options.inspectUnmarked,
    (path, bytes) => {
      const hash = contentKey(bytes);
      hashes.set(path, hash);
      const verdict = options.verdicts?.lookup(path, hash);
      if (verdict) {
        known.set(path, verdict);
        return;
      }
      toPlan.push(path);
    },
    included,
  );
  const places = new DocPlaces(docDirs, [BASE_LOCALE, ...catalog.words.locales.keys()], options.defaultLocale ?? DEFAULT_LOCALE, (path) => hashes.has(path));
  // Which folders are language folders depends on the tree around them (language-folders.ts).
  const sourceHash = (path: string) => {
    const language = places.pathLanguage(path);
    if (language === undefined) return null;
    return [language, ...places.sourcesOf(path).map((source) => hashes.get(source) ?? "-")].join(" ");
  };
  // A verdict reached in another language folder, or with another text of a page it may translate, no longer holds.
  for (const [path, verdict] of known) {
    if (verdict.source === sourceHash(path)) continue;
    known.delete(path);
    toPlan.push(path);
  }
  toPlan.sort(); // by UTF-16 code unit, as discovery orders its files

  const runMessages = [...found.diagnostics, ...[...known.values()].flatMap((v) => v.warnings)];
  const names = new RegionNames(catalog, REGION_KINDS);
  const read = async (path: string): Promise<LocatedDoc | undefined> => {
    const text = readDocText(path);
    if (typeof text !== "string") {
      runMessages.push(text);
      return undefined;
    }
    return locateRegions(path, text, names);
  };
  // A page that may be a translation's source: read where discovery found markers in it; a page of the run without
  // any holds no region; one the run leaves out (excluded, or outside its docs folders) is not read.
  const inRun = (path: string) => docDirs.some((dir) => within(path, dir)) && (included?.(path) ?? true);
  const pages = new PageContexts(catalog, places, options, (path) =>
    hashes.has(path) ? read(path) : Promise.resolve(inRun(path) ? undefined : null));
  const cache: RenderCache = new Map();
  const docs: Doc[] = [];
  const engineMessages: Diagnostic[] = [];
  const fallbacks = [...known].map(([file, v]) => ({ file, fallbacks: v.fallbacks }));
  let regions = [...known.values()].reduce((n, v) => n + v.regions, 0);
  for (const path of toPlan) {
    const located = await read(path);
    if (!located) continue;
    let page = pages.for(located);
    let doc = planDoc(located, catalog, names, { cache, page });
    if (page.sourceWanted !== undefined) {
      // A region needs the page this one translates: read the pages it may be, and plan this doc again.
      await pages.loadSources(page.sourceWanted);
      page = pages.for(located);
      doc = planDoc(located, catalog, names, { cache, page });
    }
    regions += doc.regionCount;
    fallbacks.push({ file: doc.path, fallbacks: doc.fallbacks });
    appendAll(engineMessages, doc.messages);
    // Of the text planned: the file may have changed since discovery hashed it.
    const hash = () => contentKey(located.text);
    const kept = (await options.keep?.(doc, { hash, source: sourceHash(path) })) ?? true;
    if (kept !== false) docs.push(kept === true ? doc : kept);
  }
  appendAll(runMessages, missingWordWarnings(catalog, fallbacks));
  return {
    docs,
    files: docs.filter((d) => !hasErrors(d)),
    runMessages,
    diagnostics: [...runMessages, ...engineMessages].sort(byPosition),
    stats: { regions, docs: found.docs },
    unusedExcludes: included ? included.unused() : [],
  };
}

export interface DocOptions {
  cache?: RenderCache;
  /** The page's language and settings; English and no settings when left out. */
  page?: PageContext;
}

/** Finds a document's regions: candidates -> where each stands -> markers -> pairs. */
export async function locateRegions(path: string, text: string, names: RegionNames): Promise<LocatedDoc> {
  const lines = splitLines(text);
  const located: LocatedDoc = { path, text, lines, markers: [], regions: [], diagnostics: [] };
  const found = findCandidates(text, lines);
  if (found.length === 0) return located;
  await prepareNearMisses(text, lines, found);
  const candidates = relevantCandidates(text, lines, found, (name) => names.looksLikeRegion(name));
  if (candidates.length === 0) return located;
  const loneCr = candidates.find((c) => text.slice(lines[c.line]!.start, lines[c.line]!.end).includes("\r"));
  if (loneCr) {
    const column = text.slice(lines[loneCr.line]!.start, lines[loneCr.line]!.end).indexOf("\r") + 1;
    const problem = "this line holds a lone carriage return (CR, the line ending of classic Mac OS), which is not read as a " +
      "line break, so the markers on it do not stand on lines of their own; save the file with LF or CRLF line endings";
    located.diagnostics.push(diagnostic(path, { line: loneCr.line + 1, column }, "docs/lone-cr", problem));
    return located;
  }
  const classification = await classify(path, text, lines, candidates, located.diagnostics);
  if (classification === null) return located;
  const markers = locateMarkers(path, text, lines, candidates, classification, names);
  const paired = pairRegions(path, markers.markers, names, markers.nearMisses);
  appendAll(located.diagnostics, markers.problems, paired.problems, regionContainerProblems(path, text, lines, paired.regions));
  return { ...located, markers: markers.markers, regions: paired.regions };
}

/** One document: its planned content, or the problems that stop it from being generated. */
export async function syncDoc(
  path: string,
  text: string,
  catalog: Catalog,
  names: RegionNames,
  options: DocOptions = {},
): Promise<Doc> {
  return planDoc(await locateRegions(path, text, names), catalog, names, options);
}

/** Renders a located document's regions and splices them in. */
export function planDoc(located: LocatedDoc, catalog: Catalog, names: RegionNames, options: DocOptions = {}): Doc {
  const { path, text, lines } = located;
  const doc = newDoc(path, text);
  doc.regionCount = located.regions.length;
  appendAll(doc.messages, located.diagnostics);
  if (located.markers.length === 0) return doc;
  const diagnostics = doc.messages;
  const language = unknownPageLanguage(text, lines);
  if (language) diagnostics.push(diagnostic(path, language, "docs/unknown-language", language.message, "warning"));
  const page = options.page ?? englishPage(catalog);
  const cache = options.cache ?? new Map();
  const edits: Edit[] = [];
  const groups = new Set<string>();
  for (const marker of located.markers) {
    if (marker.syntax !== "mdx-mangled") continue;
    const start = lines[marker.line]!.start;
    edits.push({ from: start + marker.from, to: start + marker.to, text: canonicalMdxMarker(marker) });
  }
  for (const region of located.regions) {
    const target = names.resolve(region.name);
    if (!target) {
      diagnostics.push(diagnostic(path, at(region.start), "docs/unknown-region", names.unknownMessage(region.name)));
      continue;
    }
    groups.add(target.group.id);
    const problem = misuse(path, region, target.kind);
    if (problem) {
      diagnostics.push(problem);
      continue;
    }
    const rendered = renderRegion(path, text, lines, region, target, catalog, page, cache);
    for (const key of rendered.fallbacks) {
      if (!doc.fallbacks.some((f) => f.key === key)) doc.fallbacks.push({ locale: page.words.locale, key, ...at(region.start) });
    }
    appendAll(diagnostics, rendered.diagnostics);
    if (rendered.edit) edits.push(rendered.edit);
  }
  doc.groups = [...groups];
  if (hasErrors(doc)) return doc;

  edits.sort((a, b) => a.from - b.from || a.to - b.to);
  doc.after = applyEdits(text, edits);
  const changes = regionChanges(text, lines, doc.after, located.regions, edits);
  doc.regions = changes.changed;
  doc.generated = changes.bodies;
  return doc;
}

function englishPage(catalog: Catalog): PageContext {
  return { words: wordsFor(catalog.words, DEFAULT_LOCALE), settings: () => ({}) };
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

/**
 * The regions whose text changes (body or marker spelling), with their old and new
 * lines, and the lines of every region's body in the new text.
 */
function regionChanges(
  before: string,
  lines: readonly SourceLine[],
  after: string,
  regions: readonly Region[],
  edits: readonly Edit[],
): { changed: RegionChange[]; bodies: LineRange[] } {
  const changes: RegionChange[] = [];
  const bodies: LineRange[] = [];
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
    const endLine = newLine + countLineBreaks(newText);
    if (endLine > newLine + 1) bodies.push({ from: newLine + 2, to: endLine });
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
  return { changed: changes, bodies };
}
