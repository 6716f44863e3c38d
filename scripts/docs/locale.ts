// The language of a page, for the words in its generated text, and the page in
// the source language that it translates.
//
// A page says its language in its front matter (`lang:` or `locale:`); failing
// that, a folder of its path that is a language tag (`docs/zh-CN/…`, `docs/ar/…`)
// does; failing that, it is in the project's default language. A folder counts as
// a language tag only when it has a tag's shape and names a language the runtime
// knows (`pt-BR`, `ja-JP`, `ar`, but not `api` or `go`). Paths here are relative to
// the docs folder, so that folders above it never count.
import { sep } from "node:path";
import { openCache, type ContentCache } from "../lib/content-cache.ts";
import { frontMatterClose } from "./scan.ts";
import { splitLines, type SourceLine } from "./text.ts";

export const DEFAULT_LOCALE = "en";

const TAG_SHAPE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** `lang: zh-CN`, quoted or not, with a YAML comment after it or not; `zh_CN` (a POSIX locale name) is read as `zh-CN`. */
const FRONT_MATTER_LOCALE = /^(?:lang|locale)[ \t]*:[ \t]*["']?([A-Za-z0-9_.@-]+)["']?[ \t]*(?:#.*)?$/;

let languageNames: Intl.DisplayNames | undefined;

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
  languageNames ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  const language = canonical.split("-")[0]!;
  return languageNames.of(language) === undefined ? undefined : canonical;
}

function segments(path: string): string[] {
  return path.split(sep === "\\" ? /[\\/]/ : "/");
}

/** A POSIX locale name as folders are often named (`zh_CN`, `pt_BR`, `zh_Hant`): read as the tag it stands for. */
const POSIX_LOCALE_FOLDER = /^([a-z]{2,3})_([A-Z]{2}|[A-Z][a-z]{3})(?:\.[\w-]+)?(?:@\w+)?$/;

/** The language tag a folder name stands for, if any. */
function folderTag(segment: string): string | undefined {
  const posix = POSIX_LOCALE_FOLDER.exec(segment);
  return localeTag(posix ? `${posix[1]}-${posix[2]}` : segment);
}

/** The index of the folder of `path` that is a language tag, or -1. */
function localeSegment(path: string): number {
  const parts = segments(path);
  for (let i = 0; i < parts.length - 1; i++) if (folderTag(parts[i]!) !== undefined) return i;
  return -1;
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

/** `lines`: the text's lines, when the caller has split it already. */
export function pageLocale(path: string, text: string, defaultLocale: string = DEFAULT_LOCALE, lines?: readonly SourceLine[]): string {
  const declared = frontMatterLocale(text, lines);
  if (declared !== undefined) return declared;
  const index = localeSegment(path);
  return index === -1 ? defaultLocale : folderTag(segments(path)[index]!)!;
}

/** The source-language page a translation stands for: `docs/pt-BR/x.md` -> `docs/x.md`; undefined for a page in no locale folder. */
export function sourcePagePath(path: string): string | undefined {
  const index = localeSegment(path);
  if (index === -1) return undefined;
  const parts = segments(path);
  parts.splice(index, 1);
  return parts.join(sep);
}
