// The language of a page, for the words in its generated text, and the page in
// the source language that it translates.
//
// A page says its language in its front matter (`lang:` or `locale:`); failing
// that, its file name (`setup.zh-CN.mdx`) or its language folder does (`docs/zh-CN/…`,
// `docs/ar/…`: which names are language tags there is for language-folders.ts to
// say, as it takes the tree around them); failing that, it is in the project's
// default language. A folder name can
// be a language tag only when it has a tag's shape and names a language the
// runtime knows (`pt-BR`, `ja-JP`, `ar`, but not `api` or `go`).
import { openCache, type ContentCache } from "../lib/content-cache.ts";
import { namesLanguage } from "../lib/language-names.ts";
import { frontMatterClose } from "./scan.ts";
import { splitLines, type SourceLine } from "./text.ts";

export const DEFAULT_LOCALE = "en";

const TAG_SHAPE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** `lang: zh-CN`, quoted or not, with a YAML comment after it or not; `zh_CN` (a POSIX locale name) is read as `zh-CN`. */
const FRONT_MATTER_LOCALE = /^(?:lang|locale)[ \t]*:[ \t]*["']?([A-Za-z0-9_.@-]+)["']?[ \t]*(?:#.*)?$/;


/** Folder names repeat on every page of a tree, and asking Intl costs: each is judged once. */
const judged = new Map<string, string | undefined>();
/**
 * Judgements of earlier runs: the first question to Intl's language names loads their
 * data (~20 ms, a few percent of a check). They depend only on the runtime's ICU.
 */
let stored: ContentCache<string | null> | undefined;

/** The canonical tag (`zh-CN`) when `segment` is a language tag, else undefined. */
export function localeTag(segment: string): string | undefined {
  if (judged.has(segment)) return judged.get(segment);
  let tag: string | undefined;
  if (TAG_SHAPE.test(segment)) {
    stored ??= openCache<string | null>("locale-tags");
    const key = `${process.versions.icu ?? ""} ${segment}`;
    const known = stored.get(key);
    // A cache file edited by hand (or by another program) is only a miss.
    if (typeof known === "string" || known === null) tag = known ?? undefined;
    else stored.set(key, (tag = canonicalTag(segment)) ?? null);
  }
  judged.set(segment, tag);
  return tag;
}

/** A language tag as a person may write it (`EN`, `zh-cn`, `pt_BR`) in canonical form, or undefined when it names no language. */
export function languageTag(written: string): string | undefined {
  try {
    // A POSIX locale name may end in its encoding and a modifier (`zh_CN.UTF-8`, `de_DE@euro`).
    return localeTag(Intl.getCanonicalLocales(written.replace(/[.@].*$/, "").replaceAll("_", "-"))[0]!);
  } catch {
    return undefined;
  }
}

function canonicalTag(segment: string): string | undefined {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(segment)[0]!;
  } catch {
    return undefined;
  }
  return namesLanguage(canonical) ? canonical : undefined;
}

/** A POSIX locale name as folders are often named (`zh_CN`, `pt_BR`, `zh_Hant`): read as the tag it stands for. */
const POSIX_LOCALE_FOLDER = /^([a-z]{2,3})_([A-Z]{2}|[A-Z][a-z]{3})(?:\.[\w-]+)?(?:@\w+)?$/;

/** The language tag a folder name could stand for, if any (`zh-CN`, `pt-BR` for `pt_BR`, `ml`). */
export function folderTag(segment: string): string | undefined {
  const posix = POSIX_LOCALE_FOLDER.exec(segment);
  return localeTag(posix ? `${posix[1]}-${posix[2]}` : segment);
}

/** A folder name that gives a region or a script after the language (`zh-CN`, `pt_BR`, `zh-Hans`), as topics are never named. */
export function namesRegionOrScript(segment: string): boolean {
  return /^[a-z]{2,3}[-_](?:[A-Za-z]{2}|\d{3}|[A-Za-z]{4})(?:$|[-_.@])/.test(segment) && folderTag(segment) !== undefined;
}

/** The language of a tag, without region or script: `pt` for `pt-BR`. */
export function languageOf(tag: string): string {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return tag.split(/[-_]/)[0]!.toLowerCase();
  }
}

/** Whether two tags name the same language, one of them perhaps with its region (`en`, `en-US`), but not two regions' (`zh-CN`, `zh-TW`). */
export function sameLanguage(a: string, b: string): boolean {
  return a === b || languageOf(a) === b || a === languageOf(b);
}

/** The `lang:` or `locale:` line of the page's front matter: its value as written, and where it stands. */
function frontMatterLocaleLine(text: string, split?: readonly SourceLine[]): { written: string; line: number; column: number } | undefined {
  if (!text.startsWith("---") && !text.startsWith("\ufeff---")) return undefined;
  const lines = split ?? splitLines(text);
  const close = frontMatterClose(text, lines);
  for (let i = 1; i < close; i++) {
    const content = text.slice(lines[i]!.start, lines[i]!.end);
    const match = FRONT_MATTER_LOCALE.exec(content);
    if (match) return { written: match[1]!, line: i + 1, column: content.indexOf(match[1]!) + 1 };
  }
  return undefined;
}

/** `lang:` or `locale:` in the page's front matter, as a canonical tag; undefined when it names no language. */
function frontMatterLocale(text: string, split?: readonly SourceLine[]): string | undefined {
  const declared = frontMatterLocaleLine(text, split);
  return declared === undefined ? undefined : languageTag(declared.written);
}

/** A front matter `lang:` that names no language (`lang: 42`): the page is then read by its folder or the default. */
export function unknownPageLanguage(text: string, lines?: readonly SourceLine[]): { line: number; column: number; message: string } | undefined {
  const declared = frontMatterLocaleLine(text, lines);
  if (declared === undefined || languageTag(declared.written) !== undefined) return undefined;
  return {
    line: declared.line,
    column: declared.column,
    message: `"${declared.written}" names no language, so the page's generated text takes the language of its folder or the default one; write a BCP 47 tag such as en, zh-CN or pt-BR`,
  };
}

/**
 * `pathLocale`: the tag its file name or language folder names (see language-folders.ts), if any.
 * `lines`: the text's lines, when the caller has split it already.
 */
export function pageLocale(pathLocale: string | undefined, text: string, defaultLocale: string = DEFAULT_LOCALE, lines?: readonly SourceLine[]): string {
  return frontMatterLocale(text, lines) ?? pathLocale ?? defaultLocale;
}
