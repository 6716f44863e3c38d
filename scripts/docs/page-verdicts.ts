// Pages already known to be up to date, kept between runs (content-cache.ts), the
// way ESLint's `--cache` skips files unchanged since they passed.
//
// A verdict says: this exact page text, under these settings, needed no change and
// had no error; here are its warnings. It is looked up by the page's path and the
// hash of its bytes, and it holds only while the settings (the catalog with its
// words, the docs folders, the region and rule settings: see `settingsKey`) and the
// page's dependencies on the tree around it are what they were: which language
// folder it is in (language-folders.ts judges by the folders beside it), and the
// text of each page it may translate, whose tables its columns may be read from.
// A page with an error, or one that `gen` would change, is never stored, so every
// problem is reported on every run.
import { contentKey, openCache, type ContentCache } from "../lib/content-cache.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { WordFallback } from "./doc.ts";

export interface PageVerdict {
  /** Hash of the page's bytes. */
  hash: string;
  settings: string;
  /** Its language folder and the hashes of the pages it may translate, as the verdict was reached with; null when in no language folder. */
  source: string | null;
  /** How many regions the page holds. */
  regions: number;
  /** The page's own warnings (those about words its language lacks are `fallbacks`: a run reports each at its first place only). */
  warnings: Diagnostic[];
  fallbacks: WordFallback[];
}

export class PageVerdicts {
  // Opened at the first page, not before: a run with no page (an empty docs folder) reads no verdict file.
  private opened: ContentCache<PageVerdict> | undefined;

  constructor(private readonly settings: string) {}

  // One file per settings: a run reads only the verdicts it can use, and the files of the
  // last few settings stay (going back to an earlier catalog finds its verdicts again).
  private get cache(): ContentCache<PageVerdict> {
    return (this.opened ??= openCache<PageVerdict>(`pages-${this.settings.slice(0, 16)}`, { prefix: "pages-", keep: 4 }));
  }

  /** The stored verdict of this path, if it was reached on the same bytes under the same settings. */
  lookup(path: string, hash: string): PageVerdict | undefined {
    const verdict = this.cache.get(path);
    if (!verdict || verdict.hash !== hash || verdict.settings !== this.settings) return undefined;
    // A cache file edited by hand (or by another program) is only a miss, never a crash.
    return Array.isArray(verdict.warnings) && Array.isArray(verdict.fallbacks) && Number.isInteger(verdict.regions) ? verdict : undefined;
  }

  remember(path: string, verdict: Omit<PageVerdict, "settings">): void {
    this.cache.set(path, { ...verdict, settings: this.settings });
  }
}

/** One key for everything outside a page that its verdict depends on. */
export function settingsKey(parts: Record<string, unknown>): string {
  return contentKey(JSON.stringify(parts));
}
