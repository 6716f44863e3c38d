// Renders one region in place: the kind supplies lines or entries; this module
// fits them to where the region stands — the start marker's indentation, blank
// padding in Markdown, the line ending of the file, the region's bullet and
// trailing-comma habit, and a comma after the last entry when more follow.
import { appendAll } from "../lib/append.ts";
import type { Catalog } from "../catalog/model.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { DEFAULT_JSON5_STYLE, joinEntries } from "./json5.ts";
import { recordingLookups, type WordKey, type Words } from "../catalog/words.ts";
import { droppedEntries, droppedLines } from "./dropped-text.ts";
import { catalogFieldFor, entryKeys } from "./hand-written.ts";
import type { BodyPosition, RegionOutput, RegionSettings, RenderContext, RenderNote, SourceLookup } from "./kinds/kind.ts";
import { codeCommentStart, isCodeCommentLine, parseCodeMarker } from "./markers.ts";
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
/** Languages whose multi-line lists need a comma after the last element (Go's composite literals). */
const TRAILING_COMMA_REQUIRED = new Set(["go", "golang"]);
/**
 * Code blocks whose language reads JSON5 entries (object literals, properties); "" is a block without one.
 * Entries that are strings alone (a list of ids) read the same in most languages (Python, Ruby, Go…) and go anywhere.
 */
const ENTRY_LANGS = new Set(["", "json", "jsonc", "json5", "js", "javascript", "mjs", "cjs", "jsx", "ts", "typescript", "mts", "cts", "tsx", "text", "txt", "plaintext"]);

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

/** A line of code without the comment at its end (`primary: "kimi/k3", // recommended`). */
function withoutEndComment(code: string): string {
  if (isCodeCommentLine(code)) return code;
  const at = codeCommentStart(code);
  return at === -1 ? code : code.slice(0, at).trimEnd();
}

/** Whether the region writes a comma after the last entry even before a closing bracket. */
function trailingCommaHabit(body: readonly string[], entriesFollow: boolean): boolean {
  const code = body.map((line) => withoutEndComment(codeText(line))).filter((line) => line !== "" && !isCodeCommentLine(line));
  return code.some((line, i) => {
    if (!line.endsWith(",")) return false;
    const next = code[i + 1];
    return next === undefined ? !entriesFollow : CLOSING.test(next);
  });
}

/** How the region's list marks its items: a bullet (`-`, `*`, `+`), or numbers (`1.`, `1)`) counting up or all alike. */
interface ListStyle {
  bullet: string;
  numbers?: { start: number; delimiter: string; alike: boolean };
}

/** A list item's first line: its bullet, or its number and delimiter. */
const LIST_ITEM = /^\s*(?:([-*+])|(\d{1,9})([.)]))[ \t]/;

/** Whether a line is a list item's first line. */
function isListItem(line: string | undefined): boolean {
  return line !== undefined && LIST_ITEM.test(line);
}

function listStyleOf(body: readonly string[]): ListStyle {
  const numbers: Array<{ n: number; delimiter: string }> = [];
  for (const line of body) {
    const item = LIST_ITEM.exec(line);
    if (!item) continue;
    if (item[1] !== undefined) {
      if (numbers.length === 0) return { bullet: item[1] };
      continue;
    }
    numbers.push({ n: Number(item[2]), delimiter: item[3]! });
  }
  if (numbers.length === 0) return { bullet: "-" };
  const [first] = numbers as [{ n: number; delimiter: string }];
  const alike = numbers.length > 1 && numbers.every((x) => x.n === first.n);
  return { bullet: `${first.n}${first.delimiter}`, numbers: { start: first.n, delimiter: first.delimiter, alike } };
}

/** A numbered list's items numbered as the written list numbers them: each rendering writes its first number on every item. */
function numbered(lines: readonly string[], style: ListStyle): string[] {
  const numbers = style.numbers;
  if (!numbers) return [...lines];
  let i = 0;
  return lines.map((line) =>
    line.startsWith(`${style.bullet} `) ? `${numbers.start + (numbers.alike ? 0 : i++)}${numbers.delimiter}${line.slice(style.bullet.length)}` : line);
}

/** The body without blank lines at either end, and how many were dropped at the start. */
function trimBlankEnds(body: readonly string[]): { lines: string[]; first: number } {
  let from = 0;
  let to = body.length;
  while (from < to && body[from]!.trim() === "") from++;
  while (to > from && body[to - 1]!.trim() === "") to--;
  return { lines: body.slice(from, to), first: from };
}

/** What a region's rendering depends on beyond its own text: the page's language and settings. */
export interface PageContext {
  words: Words;
  settings(region: string): RegionSettings;
  /** The region of this name in the page this one translates. */
  source?(region: string): SourceLookup;
}

/** A region's body lines, without the start marker's indentation. */
export function regionBody(text: string, lines: readonly SourceLine[], region: Region): string[] {
  const startLine = lines[region.start.line]!;
  const prefix = markerIndent(text.slice(startLine.start, startLine.start + region.start.from));
  const body: string[] = [];
  for (let i = region.start.line + 1; i < region.end.line; i++) body.push(relative(text.slice(lines[i]!.start, lines[i]!.end), prefix));
  return body;
}

/** A rendered body, or why it cannot be; positions are in the body (see BodyPosition). */
type Rendered = { text: string; notes: RenderNote[]; fallbacks?: WordKey[] } | { error: string; at?: BodyPosition };

/**
 * Rendered bodies by everything they depend on, for one run: the same region
 * written the same way on many pages (every translation of a page) is rendered once.
 */
export type RenderCache = Map<string, Rendered | { needs: RenderNeeds }>;

/** What beyond the region's own text a rendering asked for. */
interface RenderNeeds {
  words: boolean;
  source: boolean;
}

function sourceKey(source: SourceLookup | undefined): string {
  if (source === undefined) return "-";
  // Where the region was not found, the message names the pages tried: they are part of the key.
  if (!("region" in source)) return `tried\u0000${JSON.stringify(source.tried)}`;
  // A source region serves every translation of its page: its key is built once.
  let key = sourceKeys.get(source.region);
  if (key === undefined) {
    key = ["region", source.region.columns ?? "", ...source.region.body].join("\u0000");
    sourceKeys.set(source.region, key);
  }
  return key;
}

const sourceKeys = new WeakMap<object, string>();

export interface RenderResult {
  edit?: Edit;
  /** Words the body needed that the page's language lacks, so English stands in. */
  fallbacks: readonly WordKey[];
  /** Errors stop the run; warnings name what a person wrote that the new text does not keep. */
  diagnostics: Diagnostic[];
}

export function renderRegion(
  file: string,
  text: string,
  lines: readonly SourceLine[],
  region: Region,
  target: RegionTarget,
  catalog: Catalog,
  page: PageContext,
  cache: RenderCache = new Map(),
): RenderResult {
  const startLine = lines[region.start.line]!;
  const from = startLine.next;
  const to = lines[region.end.line]!.start;
  const prefix = markerIndent(text.slice(startLine.start, startLine.start + region.start.from));
  const eol = lineEnding(text, startLine);
  const entriesFollow = region.start.fence !== null && followedByEntries(text, lines, region);
  const options = Object.entries(region.start.options).flat();
  const settings = page.settings(region.name);
  const key = [
    region.name, region.start.fence?.lang ?? "", prefix, eol, entriesFollow,
    ...options, "", ...(settings.columns ?? []), "", text.slice(from, to),
  ].join("\u0000");
  const body = regionBody(text, lines, region);
  // The page's language and the source-language page's region join the key only for
  // bodies whose rendering asked for them (most JSON5 bodies use no word): the plain
  // key then holds which of the two to add.
  const fullKey = (needs: RenderNeeds) =>
    `${key}\u0000${needs.words ? page.words.locale : ""}\u0000${needs.source ? sourceKey(page.source?.(region.name)) : ""}`;
  let cached = cache.get(key);
  if (cached !== undefined && "needs" in cached) cached = cache.get(fullKey(cached.needs));
  let rendered = cached as Rendered | undefined;
  if (rendered === undefined) {
    let consulted = false;
    const source = page.source && (() => ((consulted = true), page.source!(region.name)));
    const lookups = recordingLookups(page.words);
    rendered = renderBody(region, target, catalog, { prefix, eol, entriesFollow, body }, { words: lookups.words, settings, source });
    if (!("error" in rendered)) rendered.fallbacks = [...lookups.fallbacks];
    const needs = { words: lookups.asked(), source: consulted };
    if (needs.words || needs.source) cache.set(key, { needs }).set(fullKey(needs), rendered);
    else cache.set(key, rendered);
  }

  const first = trimBlankEnds(body).first;
  const at = (position?: BodyPosition) => {
    if (!position) return { line: region.start.line + 1, column: region.start.from + 1 };
    return { line: region.start.line + 2 + first + position.line, column: prefix.length + position.column + 1 };
  };
  if ("error" in rendered) {
    return { fallbacks: [], diagnostics: [diagnostic(file, at(rendered.at), "docs/cannot-render", `region ${region.name}: ${rendered.error}`)] };
  }
  const notes = rendered.notes.map((note) => diagnostic(file, at(note.at), "docs/hand-written", note.message, "warning"));
  return { edit: { from, to, text: rendered.text }, fallbacks: rendered.fallbacks ?? [], diagnostics: notes };
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

type PageSpecifics = Pick<RenderContext, "words" | "settings" | "source">;

function renderBody(region: Region, target: RegionTarget, catalog: Catalog, placement: Placement, page: PageSpecifics): Rendered {
  const { prefix, eol, entriesFollow, body } = placement;
  const fence = region.start.fence;
  const habit = fence !== null && (TRAILING_COMMA_REQUIRED.has(fence.lang) || trailingCommaHabit(body, entriesFollow));
  const trimmed = trimBlankEnds(body).lines;
  const written = listStyleOf(body);
  const list = fence && written.numbers ? { bullet: "-" } : written; // numbered lists are Markdown's
  const context: RenderContext = {
    catalog,
    group: target.group,
    region: region.name,
    ...page,
    context: fence ? "code" : "markdown",
    lang: fence?.lang ?? "",
    options: region.start.options,
    body: trimmed,
    bullet: list.bullet,
    json5: {
      ...DEFAULT_JSON5_STYLE,
      indent: prefix.includes("\t") ? "\t" : DEFAULT_JSON5_STYLE.indent,
      quoteKeys: fence !== null && QUOTED_KEY_LANGS.has(fence.lang),
      trailingCommas: habit,
    },
  };
  const output: RegionOutput = target.kind.render(context);
  if ("error" in output) return output;
  if ("entries" in output && !ENTRY_LANGS.has(context.lang) && !output.entries.every(isStringEntry)) {
    return { error: `writes JSON5 entries, which do not belong in a \`${context.lang}\` code block; put the region in a json5, jsonc, json, JavaScript or TypeScript one` };
  }
  const notes = [...(output.notes ?? [])];
  if ("entries" in output) appendAll(notes, handWrittenKeys(target, context));
  let out = "lines" in output ? numbered(output.lines, list) : joinEntries(output.entries, habit || entriesFollow);
  if (target.kind.listsModels && !sameLines(trimmed, out)) {
    // A body that is not JSON5 is judged line by line where its language is another (a Python list of ids);
    // in a JSON block the JSON checks report it.
    const entries = "entries" in output ? droppedEntries(trimmed, out, region.name, catalog) : undefined;
    const byLine = !("entries" in output) || (entries === undefined && !ENTRY_LANGS.has(context.lang));
    appendAll(notes, entries ?? [], byLine ? droppedLines(trimmed, out, region.name, catalog) : []);
  }
  // A blank line after the start marker and before the end marker, except where the written list ran straight
  // into the marker (a list nested under an item, or a marker a formatter indented under the last item): a blank
  // line there would make a tight list a loose one.
  if (!fence) {
    const tightStart = isListItem(body[0]) && isListItem(out[0]);
    const tightEnd = isListItem(body[body.length - 1]) && isListItem(out[out.length - 1]);
    out = [...(tightStart ? [] : [""]), ...out, ...(tightEnd ? [] : [""])];
  }
  const blank = prefix.trimEnd();
  return { text: out.map((line) => (line === "" ? blank : prefix + line) + eol).join(""), notes };
}

function isStringEntry(entry: readonly string[]): boolean {
  return entry.length === 1 && /^(["']).*\1$/.test(entry[0]!);
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/**
 * Keys in the region's entries that the kind does not render for the entry's model
 * (or, for an entry of no catalog model, for any model of the provider).
 */
function handWrittenKeys(target: RegionTarget, context: RenderContext): RenderNote[] {
  const written = entryKeys(context.body);
  if (!written || written.every((e) => e.keys.length === 0)) return [];
  const byEntry = new Map<string, Set<string>>();
  const any = new Set<string>();
  for (const model of context.group.provider.models) {
    const output = target.kind.render({ ...context, group: { ...context.group, models: [model] }, body: [] });
    if (!("entries" in output)) return [];
    for (const entry of entryKeys(joinEntries(output.entries, false)) ?? []) {
      const paths = new Set(entry.keys.map((k) => k.path));
      if (entry.entry !== undefined) byEntry.set(entry.entry, paths);
      for (const path of paths) any.add(path);
    }
  }
  const notes: RenderNote[] = [];
  for (const { entry, keys } of written) {
    const producible = (entry !== undefined && byEntry.get(entry)) || any;
    // One warning per key path in an entry; keys inside a hand-written key are part of it.
    const reported: string[] = [];
    for (const key of keys) {
      if (producible.has(key.path) || reported.some((r) => key.path.startsWith(`${r}.`))) continue;
      reported.push(key.path);
      notes.push({
        message:
          `\`${key.path}\`${entry === undefined ? "" : ` in the entry of \`${entry}\``} in region ${context.region} is written by hand: ` +
          `the catalog does not produce it${entry !== undefined && byEntry.has(entry) ? " for this model" : ""}, so \`gen\` drops it; ` +
          `record ${catalogFieldFor(key.path)} in the catalog to keep it`,
        at: key.at,
      });
    }
  }
  return notes;
}

/** What stands before a start marker, less the invisible format characters a marker line may carry: the indentation generated lines repeat. */
function markerIndent(beforeMarker: string): string {
  return beforeMarker.replace(/[\u200b-\u200f\u2060\ufeff]/g, "");
}
