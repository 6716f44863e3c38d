// The page-level context of rendering, for one run: each doc's language (see
// locale.ts), the project's region settings, the region of the same name in the
// page a translation stands for, and the words each language lacked, reported
// once per word and language at the first place they were needed.
import { join, relative } from "node:path";
import type { Catalog } from "../catalog/model.ts";
import { wordsFor, type Words } from "../catalog/words.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import type { LocatedDoc, WordFallback } from "./doc.ts";
import type { RegionSettings, SourceRegion } from "./kinds/kind.ts";
import { DEFAULT_LOCALE, pageLocale, sourcePagePath } from "./locale.ts";
import { regionBody, type PageContext } from "./render.ts";

export interface PageSettings {
  /** Settings of regions by name. */
  regions?: Readonly<Record<string, RegionSettings>>;
  /** The language of pages whose path and front matter name none. */
  defaultLocale?: string;
}

/** A doc's path relative to the docs folder holding it: folders above it never name a language. */
function placeInDocs(docDirs: readonly string[], path: string): { root?: string; inRoot: string } {
  const root = docDirs.find((d) => !relative(d, path).startsWith(".."));
  return { root, inRoot: root === undefined ? path : relative(root, path) };
}

/** The page a translation stands for (`docs/pt-BR/x.md` -> `docs/x.md`); undefined for a page in the source language. */
export function sourcePageOf(docDirs: readonly string[], path: string): string | undefined {
  const { root, inRoot } = placeInDocs(docDirs, path);
  const source = sourcePagePath(inRoot);
  return source === undefined || root === undefined ? undefined : join(root, source);
}

/**
 * The language, region settings and source-language page of each doc, and the
 * words each language lacked, for one run.
 */
export class PageContexts {
  private readonly words = new Map<string, Words>();
  private readonly byPath: Map<string, LocatedDoc>;

  constructor(
    private readonly catalog: Catalog,
    private readonly docDirs: readonly string[],
    docs: readonly LocatedDoc[],
    private readonly options: PageSettings,
  ) {
    this.byPath = new Map(docs.map((d) => [d.path, d]));
  }

  for(doc: LocatedDoc): PageContext {
    const { inRoot, root } = placeInDocs(this.docDirs, doc.path);
    const locale = pageLocale(inRoot, doc.text, this.options.defaultLocale ?? DEFAULT_LOCALE);
    let words = this.words.get(locale);
    if (!words) this.words.set(locale, (words = wordsFor(this.catalog.words, locale)));
    const sourcePath = sourcePageOf(this.docDirs, doc.path);
    const settings = (name: string) => this.options.regions?.[name] ?? {};
    return {
      words,
      settings,
      source: sourcePath === undefined ? undefined : (name) => this.sourceRegion(sourcePath, name),
    };
  }

  /** Makes a source-language page known that is not among the docs being planned. */
  addSource(doc: LocatedDoc): void {
    this.byPath.set(doc.path, doc);
  }

  private sourceRegion(path: string, name: string): SourceRegion | undefined {
    const doc = this.byPath.get(path);
    const region = doc?.regions.find((r) => r.name === name);
    if (!doc || !region) return undefined;
    return { body: regionBody(doc.text, doc.lines, region), columns: region.start.options.columns };
  }

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
      `no ${locale} text for the word "${key}", so English "${catalog.words.base[key] ?? key}" is used; ` +
        `add "${key}" to locales/${locale}.jsonc beside the catalog`, "warning"));
}
