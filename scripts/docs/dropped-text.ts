// What a person wrote inside a region that lists models and that `gen` would drop
// without a word: a bullet for a model the catalog does not have, a note or a
// paragraph between the items, a JSON5 entry of a private model, a comment. Each is
// named in a warning at its line, so the loss shows before it happens.
//
// A line (or JSON5 entry) of the current body is accounted for when the new text
// holds it as it is, when it is blank, or when it names a model of the catalog,
// whichever provider's and whatever its state (then it is an earlier rendering of
// that model: a price or a name that changed, a model that was retired). Only the
// rest is reported, so a catalog change never raises a warning.
import { tokenize } from "@humanwhocodes/momoa";
import type { Catalog } from "../catalog/model.ts";
import { bodyPosition, parseBodyEntries } from "./body-entries.ts";
import type { RenderNote } from "./kinds/kind.ts";

/** The words by which text can name a catalog model. */
interface ModelNames {
  /** Model ids and the host's other ids for them; a ref (`provider/id`) is matched by its id. */
  ids: Set<string>;
  /** Display names and aliases, lower-cased: matched anywhere in the text. */
  names: string[];
}

const namesByCatalog = new WeakMap<Catalog, ModelNames>();

function modelNames(catalog: Catalog): ModelNames {
  let names = namesByCatalog.get(catalog);
  if (!names) {
    const models = catalog.providers.flatMap((p) => p.models);
    names = {
      ids: new Set(models.flatMap((m) => [m.id, ...(m.hostIds ?? []), ...(m.anthropicModel ? [m.anthropicModel] : [])])),
      names: [...new Set(models.flatMap((m) => [m.name, m.alias]).map((n) => n.toLowerCase()))],
    };
    namesByCatalog.set(catalog, names);
  }
  return names;
}

/** Runs of the characters a model id or ref is made of. */
const ID_LIKE = /[A-Za-z0-9][\w.:[\]/-]*/g;

function namesAModel(text: string, names: ModelNames): boolean {
  for (const [token] of text.matchAll(ID_LIKE)) {
    const id = token.slice(token.lastIndexOf("/") + 1).replace(/[.:]+$/, "");
    if (names.ids.has(id) || names.ids.has(token)) return true;
  }
  const lower = text.toLowerCase();
  return names.names.some((name) => lower.includes(name));
}

const DROPPED = "`pnpm gen` drops it: move it out of the region, or add the model to the catalog";

/**
 * Lines of the body (without its blank padding) that the new lines do not hold and
 * that name no catalog model: Markdown lists and tables, YAML lists.
 */
export function droppedLines(body: readonly string[], next: readonly string[], region: string, catalog: Catalog): RenderNote[] {
  const kept = new Set(next.map((line) => line.trim()));
  const names = modelNames(catalog);
  const notes: RenderNote[] = [];
  body.forEach((line, i) => {
    const text = line.trim();
    if (text === "" || kept.has(text) || namesAModel(text, names)) return;
    notes.push({
      message: `this line of region ${region} is not generated from the catalog and names none of its models; ${DROPPED}`,
      at: { line: i, column: line.length - line.trimStart().length },
    });
  });
  return notes;
}

/**
 * JSON5 entries (array elements or object members) of the body that the new entries
 * do not hold and that name no catalog model, and comments the new text does not
 * hold. Nothing when the body does not parse: the JSON checks report that.
 */
export function droppedEntries(body: readonly string[], next: readonly string[], region: string, catalog: Catalog): RenderNote[] {
  const text = body.join("\n");
  const parsed = parseEntries(text);
  if (!parsed) return [];
  const joined = squeeze(next.join("\n"));
  const names = modelNames(catalog);
  const notes: RenderNote[] = [];
  for (const entry of parsed.entries) {
    const written = parsed.source.slice(...entry.range!);
    if (joined.includes(squeeze(written)) || namesAModel(written, names)) continue;
    notes.push({ message: `this entry of region ${region} names none of the catalog's models; ${DROPPED}`, at: bodyPosition(entry.loc.start) });
  }
  for (const comment of parsed.comments) {
    const written = parsed.source.slice(...comment.range!);
    if (joined.includes(squeeze(written))) continue;
    notes.push({
      message: `this comment in region ${region} is not generated from the catalog; \`pnpm gen\` drops it: move it out of the region`,
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
function parseEntries(text: string): { source: string; entries: Located[]; comments: Located[] } | undefined {
  const body = parseBodyEntries(text);
  if (!body) return undefined;
  const entries: Located[] = body.root.type === "Array" ? body.root.elements.map((e) => e.value) : body.root.members;
  const comments = tokenize(body.source, { mode: "json5", ranges: true }).filter((t) => t.type === "LineComment" || t.type === "BlockComment");
  return { source: body.source, entries, comments };
}

/** The text without white space, so that indentation and line breaks do not count. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}
