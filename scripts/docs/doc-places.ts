// Where docs stand in the docs folders of a run: the language its file name or its
// language folder names (language-folders.ts), and where the page it translates may
// be (translated-pages.ts; for a file name, the same page in the default language
// beside it: `setup.en.mdx`, then `setup.mdx`). Worked out once per folder and run.
import { basename, dirname, join, relative, sep } from "node:path";
import { within } from "../lib/within.ts";
import { LanguageFolders } from "./language-folders.ts";
import { sameLanguage } from "./locale.ts";
import { sourceFolders } from "./translated-pages.ts";

interface Folder {
  /** The tag of the language folder it is in, if any. */
  language?: string;
  /** Where the pages its pages translate may be, in the order to try them. */
  sources: readonly string[];
}

export class DocPlaces {
  private readonly folders = new Map<string, Folder>();
  private readonly languages: LanguageFolders;

  /** `wordLanguages`: the tags the catalog has words for; `holdsMarkers`: whether discovery found a page may hold markers. */
  constructor(
    private readonly docDirs: readonly string[],
    wordLanguages: Iterable<string>,
    private readonly defaultLocale: string,
    holdsMarkers?: (path: string) => boolean,
  ) {
    this.languages = new LanguageFolders(wordLanguages, defaultLocale, holdsMarkers);
  }

  /** The tag of the language the doc's file name (`x.zh-CN.mdx`) or else its language folder names; undefined for a doc whose path names none. */
  pathLanguage(path: string): string | undefined {
    return this.languages.fileTag(dirname(path), basename(path))?.tag ?? this.folder(dirname(path)).language;
  }

  /** The pages the doc may translate, in the order to try them (`docs/pt-BR/x.md` -> `docs/x.md`, …); none for a doc whose path names no language. */
  sourcesOf(path: string): string[] {
    const dir = dirname(path);
    const page = this.languages.fileTag(dir, basename(path));
    if (page !== undefined) {
      if (sameLanguage(page.tag, this.defaultLocale)) return [];
      const defaults = page.siblings
        .filter((sibling) => sameLanguage(sibling.tag, this.defaultLocale))
        .sort((a, b) => Number(b.tag === this.defaultLocale) - Number(a.tag === this.defaultLocale));
      return [...defaults.map((sibling) => join(dir, sibling.name)), join(dir, `${page.stem}${page.ext}`)];
    }
    return this.folder(dir).sources.map((source) => join(source, basename(path)));
  }

  private folder(dir: string): Folder {
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = this.place(dir);
      this.folders.set(dir, folder);
    }
    return folder;
  }

  private place(dir: string): Folder {
    // Folders above the docs folder never name a language.
    const root = this.docDirs.find((d) => within(dir, d));
    if (root === undefined) return { sources: [] };
    const inRoot = relative(root, dir);
    const parts = inRoot === "" ? [] : inRoot.split(sep);
    for (let i = 0; i < parts.length; i++) {
      const parent = join(root, ...parts.slice(0, i));
      const language = this.languages.tagOf(parent, parts[i]!);
      if (language === undefined) continue;
      const folder = { root, before: parts.slice(0, i), language: parts[i]!, after: parts.slice(i + 1) };
      return { language, sources: sourceFolders(folder, this.defaultFolders(parent), this.docDirs) };
    }
    return { sources: [] };
  }

  /** The default locale's folders in `parent` (`en/`, `en-US/`), the one named exactly first; once per folder, not per page. */
  private defaultFolders(parent: string): string[] {
    let folders = this.defaultsIn.get(parent);
    if (folders === undefined) {
      folders = this.languages
        .inside(parent)
        .filter((f) => sameLanguage(f.tag, this.defaultLocale))
        .sort((a, b) => Number(b.tag === this.defaultLocale) - Number(a.tag === this.defaultLocale))
        .map((f) => f.name);
      this.defaultsIn.set(parent, folders);
    }
    return folders;
  }

  private readonly defaultsIn = new Map<string, string[]>();
}
