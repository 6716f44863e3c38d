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
import type { Json5Style } from "../json5.ts";

/** Where a region stands: in Markdown text, or inside a fenced code block. */
export type RegionContext = "markdown" | "code";

export interface RenderContext {
  catalog: Catalog;
  group: ResolvedGroup;
  context: RegionContext;
  /** In a code block: the fence's language (`json5`, `jsonc`, `ts`, …), lower-cased; otherwise "". */
  lang: string;
  /** Options given on the start marker (`NAME:start key=value`). */
  options: Readonly<Record<string, string>>;
  /** The region's current lines, without the start marker's indentation (and without the blank padding). */
  body: readonly string[];
  /** Markdown: the bullet the region's list already uses (`-`, `*` or `+`); `-` for a new one. */
  bullet: string;
  /** Code: how JSON5 is written here (indent unit, key quoting, the region's trailing-comma habit). */
  json5: Json5Style;
}

export type RegionOutput =
  /** Lines, relative to the start marker's indentation. */
  | { lines: string[] }
  /** Code: the entries of an object or array, each a group of lines; the engine adds the commas. */
  | { entries: string[][] }
  /** The region cannot be rendered as written; reported at its start marker. */
  | { error: string };

export interface RegionKind {
  /** The end of region names this kind fills, e.g. `ids` for `moonshot-kimi-k2-ids`. */
  suffix: string;
  /** Contexts a region of this kind may stand in. */
  contexts: readonly RegionContext[];
  /** Option names the start marker may carry. */
  options?: readonly string[];
  render(context: RenderContext): RegionOutput;
}
