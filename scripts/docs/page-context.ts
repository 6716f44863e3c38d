// The page-level context of rendering, for one run: each doc's language (see
// locale.ts), the project's region settings, the region of the same name in the
// page a translation stands for, and the words each language lacked, reported
// once per word and language at the first place they were needed.
import { join, relative } from "node:path";
import type { Catalog } from "../catalog/model.ts";
import { wordsFor, type Words } from "../catalog/words.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import type { LocatedDoc } from "./doc.ts";
import type { RegionSettings, SourceRegion } from "./kinds/kind.ts";
import { DEFAULT_LOCALE, pageLocale, sourcePagePath } from "./locale.ts";
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
  /** Where each language first fell back to English for each word. */
  private readonly fallbacks = new Map<string, { file: string; line: number; column: number }>();
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
    // Paths are read relative to the docs folder: folders above it never name a language.
    const root = this.docDirs.find((d) => !relative(d, doc.path).startsWith(".."));
    const inRoot = root === undefined ? doc.path : relative(root, doc.path);
    const locale = pageLocale(inRoot, doc.text, this.options.defaultLocale ?? DEFAULT_LOCALE);
    let words = this.words.get(locale);
    if (!words) this.words.set(locale, (words = wordsFor(this.catalog.words, locale)));
    const source = sourcePagePath(inRoot);
    const sourcePath = source === undefined || root === undefined ? undefined : join(root, source);
    const counted = new Set(words.missing);
    const fallbacks = this.fallbacks;
    const settings = (name: string) => this.options.regions?.[name] ?? {};
    return {
      words,
      settings,
      source: sourcePath === undefined ? undefined : (name) => this.sourceRegion(sourcePath, name),
      noteFallbacks(at) {
        for (const key of words.missing) {
          if (counted.has(key)) continue;
          counted.add(key);
          fallbacks.set(`${locale}\u0000${key}`, { file: doc.path, ...at });
        }
      },
    };
  }

  private sourceRegion(path: string, name: string): SourceRegion | undefined {
    const doc = this.byPath.get(path);
    const region = doc?.regions.find((r) => r.name === name);
    if (!doc || !region) return undefined;
    return { body: regionBody(doc.text, doc.lines, region), columns: region.start.options.columns };
  }

  /** One warning per word and language that fell back to English, at the first place it did. */
  missingWords(): Diagnostic[] {
    return [...this.fallbacks].map(([id, at]) => {
      const [locale, key] = id.split("\u0000") as [string, string];
      return diagnostic(at.file, at, "docs/missing-word",
        `no ${locale} text for the word "${key}", so English "${this.catalog.words.base[key] ?? key}" is used; ` +
          `add "${key}" to locales/${locale}.jsonc beside the catalog`, "warning");
    });
  }
}

