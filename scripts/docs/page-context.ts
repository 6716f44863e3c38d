// The page-level context of rendering, for one run: each doc's language (see
// locale.ts), the project's region settings, the region of the same name in the
// page a translation stands for (the first of the places doc-places.ts gives that
// exists, is in the default language and holds the region), and the words each
// language lacked, reported once per word and language at the first place they
// were needed.
import { existsSync } from "node:fs";
import type { Catalog } from "../catalog/model.ts";
import { wordsFor, type Words } from "../catalog/words.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import type { DocPlaces } from "./doc-places.ts";
import type { LocatedDoc, WordFallback } from "./doc.ts";
import type { PassedOver, RegionSettings, SourceLookup, SourceRegion } from "./kinds/kind.ts";
import { DEFAULT_LOCALE, pageLocale, sameLanguage } from "./locale.ts";
import { addWordAdvice } from "./word-advice.ts";
import { regionBody, type PageContext } from "./render.ts";

export interface PageSettings {
  /** Settings of regions by name. */
  regions?: Readonly<Record<string, RegionSettings>>;
  /** The language of pages whose path and front matter name none. */
  defaultLocale?: string;
}

/**
 * The language, region settings and source-language page of each doc, and the
 * words each language lacked, for one run.
 */
export class PageContexts {
  private readonly words = new Map<string, Words>();
  /**
   * Each page asked for as a translation's source so far: its language and regions by name, or that it is outside
   * the run; null for a page that is not there.
   */
  private readonly sources = new Map<string, { locale: string; regions: Map<string, SourceRegion> } | "outside" | null>();

  constructor(
    private readonly catalog: Catalog,
    private readonly places: DocPlaces,
    private readonly options: PageSettings,
    /** Reads and locates a doc that may be another's source page; undefined when it holds no marker, null when the run leaves it out. */
    private readonly locate: (path: string) => Promise<LocatedDoc | undefined | null>,
  ) {}

  /**
   * The context of one doc. The pages it may translate are read only when a region asks
   * for them: until then the source answers nothing and `sourceWanted` names the pages,
   * which `loadSources` reads; the doc is then planned again with a new context.
   */
  for(doc: LocatedDoc): PageContext & { readonly sourceWanted?: readonly string[] } {
    const locale = this.localeOf(doc);
    let words = this.words.get(locale);
    if (!words) this.words.set(locale, (words = wordsFor(this.catalog.words, locale)));
    const candidates = this.places.sourcesOf(doc.path);
    const settings = (name: string) => this.options.regions?.[name] ?? {};
    const context: PageContext & { sourceWanted?: readonly string[] } = { words, settings };
    if (candidates.length === 0) return context;
    context.source = (name) => {
      const unread = candidates.filter((path) => !this.sources.has(path));
      if (unread.length === 0) return this.lookup(candidates, name);
      context.sourceWanted = unread;
      return { tried: [] };
    };
    return context;
  }

  /** Reads the pages a context asked for (each once per run). */
  async loadSources(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      if (this.sources.has(path)) continue;
      const source = await this.locate(path);
      if (!existsSync(path)) this.sources.set(path, null);
      // A page outside the run is not read; one holding no marker holds no region.
      else if (source === null) this.sources.set(path, "outside");
      else if (source === undefined) this.sources.set(path, { locale: this.defaultLocale, regions: new Map() });
      else this.sources.set(path, { locale: this.localeOf(source), regions: regionsByName(source) });
    }
  }

  /** The region from the first candidate that exists, is in the default language and holds it; else why each was passed over. */
  private lookup(candidates: readonly string[], name: string): SourceLookup {
    const tried: PassedOver[] = [];
    for (const path of candidates) {
      const source = this.sources.get(path);
      if (source === "outside") {
        tried.push({ path, why: "outside" });
        continue;
      }
      const region = source?.regions.get(name);
      if (!source) tried.push({ path, why: "missing" });
      else if (!sameLanguage(source.locale, this.defaultLocale)) tried.push({ path, why: { language: source.locale } });
      else if (!region) tried.push({ path, why: "no-region" });
      else return { region };
    }
    return { tried };
  }

  private localeOf(doc: LocatedDoc): string {
    return pageLocale(this.places.pathLanguage(doc.path), doc.text, this.defaultLocale, doc.lines);
  }

  private get defaultLocale(): string {
    return this.options.defaultLocale ?? DEFAULT_LOCALE;
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
