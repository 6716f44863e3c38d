// What a person wrote inside a region that lists models and that `gen` would drop
// without a word: a bullet for a model the catalog does not have, a note or a
// paragraph between the items, a JSON5 entry of a private model, a comment. Each is
// named in a warning at its line, so the loss shows before it happens.
//
// A line (or JSON5 entry) of the current body is accounted for when the new text
// holds it as it is, when it is blank, or when it names a model of the catalog,
// whichever provider's and whatever its state (then it is an earlier rendering of
// that model: a price or a name that changed, a model that was retired), unless it
// is a list item with words after its model, which no rendering writes. Only the
// rest is reported, so a catalog change never raises a warning.
import { tokenize, type AnyNode } from "@humanwhocodes/momoa";
import type { Catalog } from "../catalog/model.ts";
import { bodyPosition, keyName, objectId, parseBodyEntries } from "./body-entries.ts";
import type { RenderNote } from "./kinds/kind.ts";
import { codeListItem, splitRow } from "./kinds/markdown.ts";

/** The words by which text can name a catalog model. */
interface ModelNames {
  /**
   * A model id (or another id the host accepts for it) standing alone, in any case, with
   * whatever `provider/` path is written before it (group 1, checked against `providers`).
   */
  id: RegExp;
  /** Ids and aliases of the catalog's providers, lower-cased: `moonshot/…` and `kimi-code/…` name its models, `openrouter/…` does not. */
  providers: Set<string>;
  /** A display name or alias as a whole phrase: "Kimi K3" in "| Kimi K3 |", not in "Kimi K3 custom". */
  name: RegExp;
}

const namesByCatalog = new WeakMap<Catalog, ModelNames>();

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Longest first, so that `kimi-k3.1-pro` is tried before `kimi-k3`. */
const alternatives = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => b.length - a.length).map(escaped).join("|");

function modelNames(catalog: Catalog): ModelNames {
  let names = namesByCatalog.get(catalog);
  if (!names) {
    const models = catalog.providers.flatMap((p) => p.models);
    const ids = alternatives(models.flatMap((m) => [m.id, ...(m.hostIds ?? []), ...(m.anthropicModel ? [m.anthropicModel] : [])]));
    names = {
      // Not part of a longer id on either side: `kimi-k3` is not in `kimi-k3-custom` or `kimi-k3.1-pro`.
      id: new RegExp(`(?<![A-Za-z0-9./-])((?:[A-Za-z0-9][A-Za-z0-9._-]*/)*)(${ids})(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`, "gi"),
      providers: new Set(catalog.providers.flatMap((p) => [p.id, ...(p.aliases ?? [])]).map((id) => id.toLowerCase())),
      name: new RegExp(`(?<![A-Za-z0-9])(?:${alternatives(models.flatMap((m) => [m.name, m.alias]))})(?![ \\t]*[A-Za-z0-9]|\\.[A-Za-z0-9])`, "i"),
    };
    namesByCatalog.set(catalog, names);
  }
  return names;
}

/** Whether the text names a catalog model by its id or ref (of a catalog provider), or by its name. */
function namesAModel(text: string, names: ModelNames): boolean {
  return namesAModelById(text, names) || names.name.test(text);
}

function namesAModelById(text: string, names: ModelNames): boolean {
  for (const [, path] of text.matchAll(names.id)) if (isCatalogPath(path!, names)) return true;
  return false;
}

/** No `provider/` path before the id, or a catalog provider's. */
function isCatalogPath(path: string, names: ModelNames): boolean {
  return path === "" || names.providers.has(path.slice(0, -1).toLowerCase());
}

/** Whether a JSON5 entry's own key or id (`"moonshot/kimi-k3": {…}`, `{ id: "kimi-k3", … }`, `"kimi-k3"`) is a catalog model's. */
function isModelKey(key: string, names: ModelNames): boolean {
  const [match] = key.matchAll(names.id);
  return match !== undefined && match.index === 0 && match[0].length === key.length && isCatalogPath(match[1]!, names);
}

const DROPPED = "`gen` drops it: move it out of the region, or add the model to the catalog";

/**
 * Lines of the body (without its blank padding) that the new lines do not hold and
 * that name no catalog model: Markdown lists and tables, YAML lists.
 */
export function droppedLines(body: readonly string[], next: readonly string[], region: string, catalog: Catalog): RenderNote[] {
  const kept = new Set(next.map((line) => line.trim()));
  // A table's header and delimiter rows padded again to wider columns hold the same cells.
  const keptCells = new Set(next.flatMap((line) => (line.includes("|") ? [rowCells(line)] : [])));
  const names = modelNames(catalog);
  const notes: RenderNote[] = [];
  body.forEach((line, i) => {
    const text = line.trim();
    if (text === "" || kept.has(text) || (text.includes("|") && keptCells.has(rowCells(text)))) return;
    const at = { line: i, column: line.length - line.trimStart().length };
    if (!namesAModel(text, names)) {
      notes.push({ message: `this line of region ${region} is not generated from the catalog and names none of its models; ${DROPPED}`, at });
      return;
    }
    // An item with words after its model was written by a person, not by an earlier rendering; the new list may
    // hold it under another number.
    const item = codeListItem(text);
    const note = item?.note;
    if (note && !next.some((other) => codeListItem(other)?.value === item.value && codeListItem(other)?.note === note)) {
      notes.push({
        message: `this item of region ${region} is about a model the region no longer lists, and holds words of its own ("${note.trim()}"); ` +
          "`gen` drops it: move the words out of the region",
        at,
      });
    }
  });
  return notes;
}

/** A table row's cells, as compared: a delimiter cell's dashes however many there are. */
function rowCells(line: string): string {
  return splitRow(line).map((cell) => (/^:?-+:?$/.test(cell) ? cell.replace(/-+/, "-") : cell)).join("|");
}

/**
 * JSON5 entries (array elements or object members) of the body that the new entries
 * do not hold and that name no catalog model, and comments the new text does not
 * hold. Undefined when the body does not parse as JSON5 (it may be Python, say).
 */
export function droppedEntries(body: readonly string[], next: readonly string[], region: string, catalog: Catalog): RenderNote[] | undefined {
  const text = body.join("\n");
  const parsed = parseEntries(text);
  if (!parsed) return undefined;
  const joined = squeeze(next.join("\n"));
  const names = modelNames(catalog);
  const notes: RenderNote[] = [];
  const judge = (node: AnyNode, written: string) => {
    if (joined.includes(squeeze(written))) return;
    // An entry with a key or id is judged by it alone: its other values (a name such as "Kimi K3 custom") say nothing.
    const key = entryKey(node);
    if (key === undefined ? namesAModel(written, names) : isModelKey(key, names)) return;
    notes.push({ message: `this entry of region ${region} names none of the catalog's models; ${DROPPED}`, at: bodyPosition(node.loc.start) });
  };
  for (const entry of parsed.entries) {
    const node = entry.node;
    // A property that holds models rather than being one (`fallbacks: [refs]`, `primary: "ref"`): each is judged.
    const held = node.type === "Member" ? node.value : undefined;
    if (held && (held.type === "Array" || held.type === "String")) {
      for (const value of held.type === "Array" ? held.elements.map((e) => e.value) : [held]) judge(value, parsed.source.slice(...value.range!));
      continue;
    }
    judge(node, parsed.source.slice(...entry.range!));
  }
  for (const comment of parsed.comments) {
    const written = parsed.source.slice(...comment.range!);
    if (joined.includes(squeeze(written))) continue;
    notes.push({
      message: `this comment in region ${region} is not generated from the catalog; \`gen\` drops it: move it out of the region`,
      at: bodyPosition(comment.loc.start),
    });
  }
  return notes;
}

interface Located {
  range?: [number, number];
  loc: { start: { line: number; column: number } };
}

/** The body's entries and comments, each with its range in the parsed text. */
function parseEntries(text: string): { source: string; entries: Array<Located & { node: AnyNode }>; comments: Located[] } | undefined {
  const body = parseBodyEntries(text);
  if (!body) return undefined;
  const nodes: AnyNode[] = body.root.type === "Array" ? body.root.elements.map((e) => e.value) : body.root.members;
  const entries = nodes.map((node) => ({ range: node.range, loc: node.loc, node }));
  const comments = tokenize(body.source, { mode: "json5", ranges: true }).filter((t) => t.type === "LineComment" || t.type === "BlockComment");
  return { source: body.source, entries, comments };
}

/** What an entry is keyed by: a member's key, an array element's `id` (or Continue's `model`), a string element itself. */
function entryKey(node: AnyNode): string | undefined {
  if (node.type === "Member") return keyName(node.name);
  if (node.type === "String") return node.value;
  return objectId(node, "id", "model");
}

/** The text without white space, so that indentation and line breaks do not count. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}
