// Which folders of a docs tree are language folders (`docs/zh-CN/`, `docs/ja/`),
// naming the language of the pages under them and making them translations.
//
// A folder name must first be a language tag (locale.ts). A tag that gives a region
// or a script (`zh-CN`, `pt_BR`, `zh-Hans`) is never a topic, and counts by itself.
// A bare language subtag often is one: `ml` (machine learning, or Malayalam), `os`,
// `it`, `id`, `hr`. Such a folder counts only when the tree shows it is a translation:
//   - the catalog has words in its language, or it is the default locale's
//     (`en/` beside `ja/` in Starlight; `pt/` with pt-BR words);
//   - it holds a Docusaurus plugin folder (`i18n/ja/docusaurus-plugin-content-docs/`);
//   - it holds a translation of a page beside it (`docs/de/setup.md` for
//     `docs/setup.md`); index pages do not count, as every folder has one;
//   - a folder beside it counts by one of the above (`ja/` beside `zh-CN/` or `en/`),
//     or two more bare tags stand beside it: three side by side (`ja/`, `ko/`, `ml/`)
//     are a translated tree, while `ml/` alone among `guides/` and `api/` is a topic.
// Each folder is judged once a run, from what is on disk.
import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { folderTag, languageOf, namesRegionOrScript } from "./locale.ts";

const DOC_FILE = /\.(?:mdx?|markdown)$/i;
/** Pages every folder may have, topic or language: no sign of a translation. */
const INDEX_PAGE = /^(?:_?index|readme)\.(?:mdx?|markdown)$/i;
const DOCUSAURUS_PLUGIN = /^docusaurus-plugin-content-/;

export class LanguageFolders {
  private readonly listings = new Map<string, Dirent[]>();
  private readonly strong = new Map<string, boolean>();
  private readonly judged = new Map<string, string | undefined>();
  private readonly known: ReadonlySet<string>;

  /** `languages`: tags the catalog has words for, and the default locale. */
  constructor(languages: Iterable<string>) {
    this.known = new Set([...languages].map(languageOf));
  }

  /** The language tag the folder `name` inside `parent` stands for, when it is a language folder. */
  tagOf(parent: string, name: string): string | undefined {
    const path = join(parent, name);
    if (this.judged.has(path)) return this.judged.get(path);
    const tag = folderTag(name);
    const counts = tag !== undefined && (this.showsItself(parent, name) || this.showsBySiblings(parent, name));
    const result = counts ? tag : undefined;
    this.judged.set(path, result);
    return result;
  }

  /** The language folders beside one another in `parent`, by name, with their tags. */
  inside(parent: string): Array<{ name: string; tag: string }> {
    return this.folders(parent).flatMap((name) => {
      const tag = this.tagOf(parent, name);
      return tag === undefined ? [] : [{ name, tag }];
    });
  }

  private showsBySiblings(parent: string, name: string): boolean {
    const others = this.folders(parent).filter((other) => other !== name && folderTag(other) !== undefined);
    return others.length >= 2 || others.some((other) => this.showsItself(parent, other));
  }

  /** Evidence from the folder itself (see the top of this file). */
  private showsItself(parent: string, name: string): boolean {
    const path = join(parent, name);
    let shows = this.strong.get(path);
    if (shows === undefined) {
      shows =
        namesRegionOrScript(name) ||
        this.known.has(languageOf(folderTag(name)!)) ||
        this.listing(path).some((entry) => entry.isDirectory() && DOCUSAURUS_PLUGIN.test(entry.name)) ||
        this.translatesPageBeside(parent, path, "");
      this.strong.set(path, shows);
    }
    return shows;
  }

  /** Whether `folder` (inside `parent`) holds, under `within`, a page that is also a page of `parent`. */
  private translatesPageBeside(parent: string, folder: string, within: string): boolean {
    for (const entry of this.listing(join(folder, within))) {
      const inFolder = join(within, entry.name);
      if (entry.isFile() && DOC_FILE.test(entry.name) && !INDEX_PAGE.test(entry.name)) {
        if (this.listing(join(parent, within)).some((twin) => twin.isFile() && twin.name === entry.name)) return true;
      } else if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") {
        // Only where the parent has the same folder can a twin be.
        if (this.listing(join(parent, within)).some((twin) => twin.isDirectory() && twin.name === entry.name)) {
          if (this.translatesPageBeside(parent, folder, inFolder)) return true;
        }
      }
    }
    return false;
  }

  private folders(parent: string): string[] {
    return this.listing(parent).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  }

  private listing(dir: string): Dirent[] {
    let entries = this.listings.get(dir);
    if (!entries) {
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        entries = [];
      }
      this.listings.set(dir, entries);
    }
    return entries;
  }
}
