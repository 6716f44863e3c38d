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
// Except where the folder holds a Docusaurus plugin folder, its pages must then also be
// written in the language's letters, where those are not the default language's
// (language-script.ts): `ml/` beside `zh-CN/` and `ko/`, holding pages named as the
// ones beside it, is still machine learning when none of its pages shows Malayalam.
// Where the letters are the default language's too, that language is English and only a
// page named as one beside it shows the folder a translation (a topic folder may well
// have such a page), the words tell instead: `it/` among English topic folders, its pages
// written in English, is about IT, not in Italian (english-prose.ts).
// A page may name its language instead before its extension, as Nextra's pages do
// (`setup.zh-CN.mdx` beside `setup.en.mdx`): the same evidence counts there, a
// tag with a region or script, or a language the catalog has words for, or one
// that names the default locale, by itself; any other tag only beside the same page
// in one of those (`setup.ja.mdx` beside `setup.en.mdx`) or in two more tags, as
// `notes.bak.md` beside `notes.md` is a backup, not Bashkir.
// A folder that a Mintlify site's docs.json beside it declares as a language is one,
// by the code it declares (mintlify-languages.ts: `cn/` is Simplified Chinese).
// Each folder and file is judged once a run, from what is on disk.
import { closeSync, openSync, readdirSync, readSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { DOC_FILE, passedBy } from "./discover.ts";
import { readsAsEnglish } from "./english-prose.ts";
import { lettersOf } from "./language-script.ts";
import { folderTag, languageOf, namesRegionOrScript } from "./locale.ts";
import { isMintlifyCode, mintlifyLanguageFolders } from "./mintlify-languages.ts";

/** Pages every folder may have, topic or language: no sign of a translation. */
const INDEX_PAGE = /^(?:_?index|readme)\.(?:mdx?|markdown)$/i;
const DOCUSAURUS_PLUGIN = /^docusaurus-plugin-content-/;
/**
 * How much of a folder is read for the language's letters: of its pages holding markers, read first (their tables
 * carry the translators' words even where the rest of a page is not translated yet), and of the others, this many
 * each, and of each page its start. A translation shows its letters there; a topic folder, which never will, costs
 * a bounded number of reads a run, not one more read of each of its pages.
 */
const PAGES_READ = 16;
const BYTES_READ = 1 << 16;
/** `setup.zh-CN.mdx`: the page's name, the suffix that may be a language tag, the extension. */
const SUFFIXED_PAGE = /^(.+)\.([^.]+)(\.(?:mdx?|markdown))$/i;

/** A page whose file name names its language (`setup.zh-CN.mdx`). */
export interface SuffixedPage {
  tag: string;
  /** Its name without the language and the extension (`setup`), and the extension (`.mdx`). */
  stem: string;
  ext: string;
  /** The same page in other languages beside it (`setup.en.mdx`), by file name. */
  siblings: ReadonlyArray<{ name: string; tag: string }>;
}

export class LanguageFolders {
  private readonly listings = new Map<string, Dirent[]>();
  private readonly strong = new Map<string, boolean>();
  private readonly judged = new Map<string, string | undefined>();
  private readonly known: ReadonlySet<string>;
  private readonly suffixed = new Map<string, SuffixedPage | undefined>();
  private readonly tagged = new Map<string, Map<string, Array<{ name: string; suffix: string; tag: string }>>>();
  private readonly declared = new Map<string, Map<string, string>>();

  /** `languages`: tags the catalog has words for; `defaultLocale`: the language of pages in no language folder. */
  constructor(
    languages: Iterable<string>,
    private readonly defaultLocale: string,
    /** Whether a page may hold region markers (discovery knows), so that its letters are looked at first. */
    private readonly holdsMarkers: (path: string) => boolean = () => false,
  ) {
    this.known = new Set([...languages, defaultLocale].map(languageOf));
  }

  /** The language tag the folder `name` inside `parent` stands for, when it is a language folder. */
  tagOf(parent: string, name: string): string | undefined {
    const path = join(parent, name);
    if (this.judged.has(path)) return this.judged.get(path);
    const tag = folderTag(name);
    // Only a tag or one of Mintlify's own codes can be declared: no other folder needs its docs.json read.
    const declared = tag !== undefined || isMintlifyCode(name) ? this.declaredIn(parent).get(name) : undefined;
    const counts =
      tag !== undefined &&
      (namesRegionOrScript(name) ||
        this.holdsDocusaurusPlugin(path) ||
        ((this.showsItself(parent, name) || this.showsBySiblings(parent, name)) && this.writtenIn(path, tag, this.byPagesAlone(parent, name))));
    const result = declared ?? (counts ? tag : undefined);
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

  /** The language the page `name` in `dir` names before its extension, when it names one (see the top of this file). */
  fileTag(dir: string, name: string): SuffixedPage | undefined {
    const path = join(dir, name);
    if (this.suffixed.has(path)) return this.suffixed.get(path);
    let page: SuffixedPage | undefined;
    const parts = SUFFIXED_PAGE.exec(name);
    const tag = parts ? folderTag(parts[2]!) : undefined;
    if (parts && tag !== undefined) {
      const [, stem, suffix, ext] = parts as unknown as [string, string, string, string];
      const variants = (this.taggedPages(dir).get(`${stem}\u0000${ext}`) ?? []).filter((variant) => variant.name !== name);
      // As for folders, three tags side by side are a translated page (Hugo's `x.ja.md`, `x.ko.md`, `x.de.md` beside `x.md`).
      const counts = this.showsItsLanguage(suffix) || variants.length >= 2 || variants.some((variant) => this.showsItsLanguage(variant.suffix));
      if (counts) page = { tag, stem, ext, siblings: variants.map(({ name: other, tag: otherTag }) => ({ name: other, tag: otherTag })) };
    }
    this.suffixed.set(path, page);
    return page;
  }

  /** The pages of `dir` whose name holds a tag before the extension, by name and extension without it: read once per folder, not once per page. */
  private taggedPages(dir: string): Map<string, Array<{ name: string; suffix: string; tag: string }>> {
    let pages = this.tagged.get(dir);
    if (pages === undefined) {
      pages = new Map();
      for (const entry of this.listing(dir)) {
        const parts = entry.isDirectory() ? null : SUFFIXED_PAGE.exec(entry.name);
        const tag = parts ? folderTag(parts[2]!) : undefined;
        if (tag === undefined) continue;
        const key = `${parts![1]}\u0000${parts![3]}`;
        pages.set(key, [...(pages.get(key) ?? []), { name: entry.name, suffix: parts![2]!, tag }]);
      }
      this.tagged.set(dir, pages);
    }
    return pages;
  }

  /** A tag that is a language wherever it stands: with a region or script, or in a language the run knows. */
  private showsItsLanguage(name: string): boolean {
    return namesRegionOrScript(name) || this.known.has(languageOf(folderTag(name)!));
  }

  /**
   * Whether the folder, or the one bare tag's folder beside it, shows a translation only by pages named as pages beside
   * it: no words of its language, no more bare tags beside it, none beside it that is a language by itself.
   */
  private byPagesAlone(parent: string, name: string): boolean {
    if (this.showsItsLanguage(name)) return false;
    const others = this.tagFoldersBeside(parent, name);
    return others.length < 2 && !others.some((other) => this.showsItsLanguage(other) || this.holdsDocusaurusPlugin(join(parent, other)));
  }

  private showsBySiblings(parent: string, name: string): boolean {
    const others = this.tagFoldersBeside(parent, name);
    return others.length >= 2 || others.some((other) => this.showsItself(parent, other));
  }

  /** The other folders of `parent` named by a language tag. */
  private tagFoldersBeside(parent: string, name: string): string[] {
    return this.folders(parent).filter((other) => other !== name && folderTag(other) !== undefined);
  }

  /** Evidence from the folder itself (see the top of this file). */
  private showsItself(parent: string, name: string): boolean {
    const path = join(parent, name);
    let shows = this.strong.get(path);
    if (shows === undefined) {
      shows =
        this.showsItsLanguage(name) ||
        this.holdsDocusaurusPlugin(path) ||
        this.translatesPageBeside(parent, path, "");
      this.strong.set(path, shows);
    }
    return shows;
  }

  private holdsDocusaurusPlugin(folder: string): boolean {
    return this.listing(folder).some((entry) => entry.isDirectory() && DOCUSAURUS_PLUGIN.test(entry.name));
  }

  /**
   * Whether a page of `folder` shows the letters of `tag`'s language, where they differ from the default language's.
   * Where they do not, the default language is English and the folder shows itself a translation only by pages named
   * as pages beside it (`pagesAlone`: a topic folder may well have one), whether a page that has prose enough to tell
   * is not written in English (english-prose.ts); a folder whose pages are too short to tell counts.
   */
  private writtenIn(folder: string, tag: string, pagesAlone: boolean): boolean {
    const letters = lettersOf(tag, this.defaultLocale);
    const byWords = letters === undefined && pagesAlone && languageOf(this.defaultLocale) === "en" && languageOf(tag) !== "en";
    if (letters === undefined && !byWords) return true;
    const marked: string[] = [];
    const others: string[] = [];
    const collect = (dir: string) => {
      for (const entry of this.listing(dir)) {
        const path = join(dir, entry.name);
        if (entry.isFile() && DOC_FILE.test(entry.name)) (this.holdsMarkers(path) ? marked : others).push(path);
        else if (entry.isDirectory() && !passedBy(entry.name)) collect(path);
      }
    };
    collect(folder);
    // By name, so that the pages read, and the verdict, do not depend on the order the file system lists them in.
    const first = (paths: string[]) => paths.sort().slice(0, PAGES_READ);
    const pages = [...first(marked), ...first(others)];
    if (letters !== undefined) return pages.some((path) => letters.test(startOf(path)));
    const verdicts = pages.map((path) => readsAsEnglish(startOf(path))).filter((english) => english !== undefined);
    return verdicts.length === 0 || verdicts.includes(false);
  }

  /** Whether `folder` (inside `parent`) holds, under `within`, a page that is also a page of `parent`. */
  private translatesPageBeside(parent: string, folder: string, within: string): boolean {
    for (const entry of this.listing(join(folder, within))) {
      const inFolder = join(within, entry.name);
      if (entry.isFile() && DOC_FILE.test(entry.name) && !INDEX_PAGE.test(entry.name)) {
        if (this.listing(join(parent, within)).some((twin) => twin.isFile() && twin.name === entry.name)) return true;
      } else if (entry.isDirectory() && !passedBy(entry.name)) {
        // Only where the parent has the same folder can a twin be.
        if (this.listing(join(parent, within)).some((twin) => twin.isDirectory() && twin.name === entry.name)) {
          if (this.translatesPageBeside(parent, folder, inFolder)) return true;
        }
      }
    }
    return false;
  }

  private declaredIn(parent: string): Map<string, string> {
    let declared = this.declared.get(parent);
    if (declared === undefined) this.declared.set(parent, (declared = mintlifyLanguageFolders(parent)));
    return declared;
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

/** The first bytes of a file, as text; empty when it cannot be read. */
function startOf(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buffer = Buffer.alloc(BYTES_READ);
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, BYTES_READ, 0));
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
