// The page-level context of rendering, for one run: each doc's language (see
// locale.ts), the project's region settings, the region of the same name in the
// page a translation stands for, and the words each language lacked, reported
// once per word and language at the first place they were needed.
import { basename, dirname, join, relative } from "node:path";
import type { Catalog } from "../catalog/model.ts";
import { wordsFor, type Words } from "../catalog/words.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import type { LocatedDoc, WordFallback } from "./doc.ts";
import type { RegionSettings, SourceRegion } from "./kinds/kind.ts";
import { DEFAULT_LOCALE, pageLocale, sourcePagePath } from "./locale.ts";
import { regionBody, type PageContext } from "./render.ts";
import { addWordAdvice } from "./word-advice.ts";

export interface PageSettings {
  /** Settings of regions by name. */
  regions?: Readonly<Record<string, RegionSettings>>;
  /** The language of pages whose path and front matter name none. */
  defaultLocale?: string;
}

/** Where docs stand in the docs folders, worked out once per folder and run. */
export class DocPlaces {
  private readonly folders = new Map<string, { root?: string; inRoot: string; source?: string }>();

  constructor(private readonly docDirs: readonly string[]) {}

  /** The doc's path relative to the docs folder holding it: folders above it never name a language. */
  inRoot(path: string): { root?: string; inRoot: string } {
    const folder = this.folder(dirname(path));
    return { root: folder.root, inRoot: join(folder.inRoot, basename(path)) };
  }

  /** The page a translation stands for (`docs/pt-BR/x.md` -> `docs/x.md`); undefined for a page in the source language. */
  sourceOf(path: string): string | undefined {
    const { source } = this.folder(dirname(path));
    return source === undefined ? undefined : join(source, basename(path));
  }

  private folder(dir: string): { root?: string; inRoot: string; source?: string } {
    let folder = this.folders.get(dir);
    if (!folder) {
      const root = this.docDirs.find((d) => !relative(d, dir).startsWith(".."));
      const inRoot = root === undefined ? dir : relative(root, dir);
      // Only folders name a language, so the source of any page here is in one folder.
      const source = root === undefined ? undefined : sourcePagePath(join(inRoot, "page"));
      folder = { root, inRoot, source: source === undefined ? undefined : dirname(join(root!, source)) };
      this.folders.set(dir, folder);
    }
    return folder;
  }
}

/**
 * The language, region settings and source-language page of each doc, and the
 * words each language lacked, for one run.
 */
export class PageContexts {
  private readonly words = new Map<string, Words>();
  /** The regions of each source-language page asked for so far, by name; null for a page that is not there. */
  private readonly sources = new Map<string, Map<string, SourceRegion> | null>();

  constructor(
    private readonly catalog: Catalog,
    private readonly places: DocPlaces,
    private readonly options: PageSettings,
    /** Reads and locates a doc that may be another's source page; undefined when it holds no marker or is left out. */
    private readonly locate: (path: string) => Promise<LocatedDoc | undefined>,
  ) {}

  /**
   * The context of one doc. Its source-language page is read only when a region asks
   * for it: until then the source answers nothing and `sourceWanted` names the page,
   * which `loadSource` reads; the doc is then planned again with a new context.
   */
  for(doc: LocatedDoc): PageContext & { readonly sourceWanted?: string } {
    const { inRoot } = this.places.inRoot(doc.path);
    const locale = pageLocale(inRoot, doc.text, this.options.defaultLocale ?? DEFAULT_LOCALE, doc.lines);
    let words = this.words.get(locale);
    if (!words) this.words.set(locale, (words = wordsFor(this.catalog.words, locale)));
    const sourcePath = this.places.sourceOf(doc.path);
    const settings = (name: string) => this.options.regions?.[name] ?? {};
    const context: PageContext & { sourceWanted?: string } = { words, settings };
    if (sourcePath === undefined) return context;
    const sources = this.sources;
    context.source = (name) => {
      const regions = sources.get(sourcePath);
      if (regions === undefined) context.sourceWanted = sourcePath;
      return regions?.get(name) ?? undefined;
    };
    return context;
  }

  /** Reads the source-language page a context asked for (once per run). */
  async loadSource(path: string): Promise<void> {
    if (this.sources.has(path)) return;
    const source = await this.locate(path);
    this.sources.set(path, source === undefined ? null : regionsByName(source));
  }
}

/** What a translation may take from a source page: each region's body and `columns=`. */
function regionsByName(doc: LocatedDoc): Map<string, SourceRegion> {
  const regions = new Map<string, SourceRegion>();
  for (const region of doc.regions) {
    if (!regions.has(region.name)) regions.set(region.name, { body: regionBody(doc.text, doc.lines, region), columns: region.start.options.columns });
  }
  return regions;
}

/**
 * One warning per word and language that fell back to English, at the first place
 * (by file, line and column) any page needed it.
 */
export function missingWordWarnings(catalog: Catalog, pages: ReadonlyArray<{ file: string; fallbacks: readonly WordFallback[] }>): Diagnostic[] {
  const first = new Map<string, { file: string } & WordFallback>();
  for (const { file, fallbacks } of pages) {
    for (const fallback of fallbacks) {
      const id = `${fallback.locale}\u0000${fallback.key}`;
      const earlier = first.get(id);
      const place = { file, ...fallback };
      if (!earlier || byPosition(place, earlier) < 0) first.set(id, place);
    }
  }
  return [...first.values()].map(({ file, locale, key, line, column }) =>
    diagnostic(file, { line, column }, "docs/missing-word",
      `no ${locale} text for the word "${key}", so English "${catalog.words.base[key] ?? key}" is used; to translate it, ${addWordAdvice(catalog.file, locale, `"${key}"`)}`,
      "warning"));
}
