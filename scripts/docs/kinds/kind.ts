// What a kind of generated region is. A region named `<group>-<suffix>` (say
// `moonshot-kimi-k2-ids`) is filled by the kind with that suffix, from the doc
// group `<group>` of the catalog.
//
// Adding a kind: write one file in this folder that exports a `RegionKind`, and
// add it to the list in `index.ts`. Nothing else: the engine finds regions by the
// registered suffixes, checks that each stands in a context its kind allows and
// that its options are ones the kind declares, indents the output like the start
// marker, pads Markdown output with blank lines, and writes the commas between
// (and after) code entries to suit what follows the region.
import type { Catalog, ResolvedGroup } from "../../catalog/model.ts";
import type { Words } from "../../catalog/words.ts";
import type { Json5Style } from "../json5.ts";

/** Where a region stands: in Markdown text, or inside a fenced code block. */
export type RegionContext = "markdown" | "code";

export interface RenderContext {
  catalog: Catalog;
  group: ResolvedGroup;
  /** The region's name, e.g. `moonshot-kimi-k2-ids`. */
  region: string;
  /** Words in the page's language (see scripts/docs/locale.ts). */
  words: Words;
  /** The region's settings in the project configuration. */
  settings: RegionSettings;
  /** The region of the same name in the page this one translates; absent for a page in no language folder. */
  source?: () => SourceLookup;
  context: RegionContext;
  /** In a code block: the fence's language (`json5`, `jsonc`, `ts`, …), lower-cased; otherwise "". */
  lang: string;
  /** Options given on the start marker (`NAME:start key=value`). */
  options: Readonly<Record<string, string>>;
  /** The region's current lines, without the start marker's indentation (and without the blank padding). */
  body: readonly string[];
  /**
   * Markdown: the bullet the region's list already uses (`-`, `*` or `+`), or its first number
   * (`1.`, `1)`: the items are then numbered as the list numbers them); `-` for a new one.
   */
  bullet: string;
  /** Code: how JSON5 is written here (indent unit, key quoting, the region's trailing-comma habit). */
  json5: Json5Style;
}

export interface RegionSettings {
  /** Table columns (see table.ts). */
  columns?: readonly string[];
}

export interface SourceRegion {
  /** Its lines, as `RenderContext.body`. */
  body: readonly string[];
  /** `columns=` on its start marker. */
  columns?: string;
}

/** The region of the same name on the page a translation stands for, or the pages tried for it in vain. */
export type SourceLookup = { region: SourceRegion } | { tried: readonly PassedOver[] };

/** A page that may have been the one translated, and why it was not taken. */
export interface PassedOver {
  path: string;
  /**
   * It does not exist, is not among the docs the run reads (an exclude pattern leaves it out, or it lies outside
   * the docs folders), holds no region of the name, or is in another language than the default one.
   */
  why: "missing" | "outside" | "no-region" | { language: string };
}

/** A place in the region's body: an index into `RenderContext.body` and a 0-based column in that line. */
export interface BodyPosition {
  line: number;
  column: number;
}

/** Something a person wrote that the region's new text does not keep as such; shown as a warning. */
export interface RenderNote {
  message: string;
  /** Where it is; the start marker when left out. */
  at?: BodyPosition;
}

export type RegionOutput =
  /** Lines, relative to the start marker's indentation. */
  | { lines: string[]; notes?: RenderNote[] }
  /** Code: the entries of an object or array, each a group of lines; the engine adds the commas. */
  | { entries: string[][]; notes?: RenderNote[] }
  /** The region cannot be rendered as written; reported at `at`, or at its start marker. */
  | { error: string; at?: BodyPosition };

export interface RegionKind {
  /** The end of region names this kind fills, e.g. `ids` for `moonshot-kimi-k2-ids`. */
  suffix: string;
  /** Contexts a region of this kind may stand in. */
  contexts: readonly RegionContext[];
  /** Option names the start marker may carry. */
  options?: readonly string[];
  render(context: RenderContext): RegionOutput;
  /**
   * Each line or entry it writes is about one model: a line or entry of the current
   * body that names no catalog model was written by a person, and is named in a
   * warning when the new text drops it (see dropped-text.ts).
   */
  listsModels?: boolean;
}
