// The catalog's words, validated: each locale file (see locales.ts) like the
// catalog, every problem at its position: JSONC syntax, the file's shape, the text
// of each word (what no escaping makes safe in docs is refused), the file name (a
// BCP 47 tag), and — in a language other than English — keys English does not have
// (with a did-you-mean). Another language may be partial: what it lacks falls back
// to English at render time.
//
// Some English words come from the catalog itself: an endpoint's `label` is the
// word `endpoint.<provider>.<endpoint>`, so that translations can name it.
import { dirname, join } from "node:path";
import { z } from "zod";
import { SafeText, type CatalogData } from "../../schema/catalog.ts";
import { didYouMeanSuffix } from "../lib/did-you-mean.ts";
import { diagnostic, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { namesLanguage } from "../lib/language-names.ts";
import { formatJsonPath, JsonSyntaxError, parseJsonSource, type JsonPath, type ParsedJson } from "../lib/json-source.ts";
import { isRecord } from "../lib/json-values.ts";
import { zodIssueFindings } from "../lib/zod-issues.ts";
import { bundledCatalog } from "../lib/package-root.ts";
import { endpointWordKey, LOCALES_DIR, readLocales, type LocaleText } from "./locales.ts";
import { BASE_LOCALE, type WordBook } from "./words.ts";

const WordKey = z.string().regex(/^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*$/, {
  message: "must be a dotted key of a-z, 0-9 and '-', such as `status.retired`",
});

/**
 * A word's text: what SafeText allows, except that spaces may stand at its ends
 * (a list separator such as `, ` needs them). Other white space at the ends, line
 * breaks included, is still refused.
 */
const WordText = z.string().superRefine((text, ctx) => {
  const inner = text.replace(/^ +| +$/g, "");
  const result = SafeText.safeParse(inner === "" ? text : inner);
  for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message });
});

const LocaleFile = z
  .object({
    $schema: z.string().optional(),
    words: z.record(WordKey, WordText).describe("Text of each word in this language, by key."),
  })
  .strict();

/** The words the catalog data itself supplies in English (endpoint labels). */
function catalogWords(data: CatalogData): Record<string, string> {
  const words: Record<string, string> = {};
  for (const provider of data.providers) {
    for (const endpoint of provider.endpoints) words[endpointWordKey(provider.id, endpoint.id)] = endpoint.label;
  }
  return words;
}

interface LocaleSource {
  tag: string;
  file: string;
  parsed: ParsedJson;
  words: Record<string, string>;
}

/** The words of a catalog whose locale files (read by readLocales) hold these texts; an InputError lists every problem. */
export function loadWords(catalogFile: string, texts: readonly LocaleText[] | undefined, data: CatalogData): WordBook {
  if (texts === undefined) return { base: catalogWords(data), locales: new Map() };
  const dir = join(dirname(catalogFile), LOCALES_DIR);
  const names = texts.map((t) => `${t.tag}.jsonc`);
  const problems: Diagnostic[] = [];
  const sources: LocaleSource[] = [];
  for (const text of texts) {
    const source = readLocale(text, problems);
    if (source) sources.push(source);
  }
  const fromCatalog = catalogWords(data);
  const english = sources.find((s) => s.tag === BASE_LOCALE);
  if (!names.includes(`${BASE_LOCALE}.jsonc`)) {
    problems.push(diagnostic(join(dir, `${BASE_LOCALE}.jsonc`), { line: 1, column: 1 }, "locale/missing-base",
      `${LOCALES_DIR}/ has ${names.join(", ")} but no ${BASE_LOCALE}.jsonc: English is the base every other language falls back to; add it`));
  }
  const base = { ...english?.words, ...fromCatalog };
  // The package's words lent to a catalog without locale files: their endpoint labels are of the
  // package's catalog, not this one's, and nothing of them is this project's to fix.
  const borrowed = texts.length > 0 && dirname(texts[0]!.file) !== dir;
  // Without a valid English file there is nothing to check the other languages' keys against.
  if (english && !borrowed) {
    for (const key of Object.keys(english.words)) {
      if (key in fromCatalog) {
        problems.push(at(english, ["words", key], "key", "locale/catalog-word",
          `"${key}" comes from the catalog (an endpoint's label); change it there and remove it here`));
      }
    }
    // Every word generated text uses: the package's English has them all.
    const used = packageEnglish();
    for (const [key, text] of Object.entries(used)) {
      if (key in base) continue;
      problems.push(at(english, ["words"], "key", "locale/missing-word",
        `the English words lack "${key}", which generated text uses; add it (the package's ${BASE_LOCALE}.jsonc has "${key}": ${JSON.stringify(text)})`));
    }
    // A translation of a word English lacks but generated text uses is not wrong: English is (reported above).
    const known = [...new Set([...Object.keys(base), ...Object.keys(used)])];
    for (const source of sources) {
      if (source === english) continue;
      for (const key of Object.keys(source.words)) {
        if (!(key in base) && !(key in used)) {
          problems.push(at(source, ["words", key], "key", "locale/unknown-word",
            `unknown word "${key}": English (${BASE_LOCALE}.jsonc or the catalog) has no such key${didYouMeanSuffix(key, known)}`));
        }
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const known = (words: Record<string, string>) => Object.fromEntries(Object.entries(words).filter(([key]) => key in base));
  const locales = new Map(sources.filter((s) => s !== english).map((s) => [s.tag, borrowed ? known(s.words) : s.words] as const));
  return { base, locales };
}

function readLocale({ tag, file, text }: LocaleText, problems: Diagnostic[]): LocaleSource | undefined {
  let parsed: ParsedJson;
  try {
    parsed = parseJsonSource(text, "jsonc");
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    problems.push(diagnostic(file, error, "locale/syntax", `${error.message}; a locale file is JSON with comments (JSONC)`));
    return undefined;
  }
  if (!isLanguageTag(tag)) {
    problems.push(diagnostic(file, { line: 1, column: 1 }, "locale/file-name",
      `"${tag}" is not a BCP 47 language tag in canonical form; name the file like en.jsonc, zh-CN.jsonc or pt-BR.jsonc`));
  } else if (!namesLanguage(tag)) {
    // A tag of the right shape that names no language (`jp`, a country code) would never match a page.
    const meant = COUNTRY_FOR_LANGUAGE[tag];
    problems.push(diagnostic(file, { line: 1, column: 1 }, "locale/file-name",
      `"${tag}" names no language${meant ? ` (did you mean ${meant}.jsonc?)` : ""}; name the file by its language's BCP 47 tag, like ja.jsonc or zh-CN.jsonc`));
  }
  const result = LocaleFile.safeParse(parsed.value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const f of zodIssueFindings(issue, { input: parsed.value, knownKeys: (path) => (path.length === 0 ? ["$schema", "words"] : []) })) {
        problems.push({
          ...diagnostic(file, parsed.locate(f.path, f.part), `locale/${f.kind}`, `${formatJsonPath(f.path)}: ${f.message}`),
          path: formatJsonPath(f.path),
        });
      }
    }
    // The keys still count, so that the checks across files (unknown words, words English lacks) run in the same pass.
    const written = isRecord(parsed.value) ? parsed.value.words : undefined;
    if (!isRecord(written)) return undefined;
    const words = Object.fromEntries(Object.entries(written).filter(([key, text]) => WordKey.safeParse(key).success && typeof text === "string"));
    return { tag, file, parsed, words: words as Record<string, string> };
  }
  return { tag, file, parsed, words: result.data.words };
}

/** The English words shipped with the package, which hold every word the renderers ask for. */
function packageEnglish(): Record<string, string> {
  const file = readLocales(bundledCatalog())?.find((l) => l.tag === BASE_LOCALE);
  if (!file) throw new Error(`the package has no ${LOCALES_DIR}/${BASE_LOCALE}.jsonc`);
  return LocaleFile.parse(parseJsonSource(file.text, "jsonc").value).words;
}

function at(source: LocaleSource, path: JsonPath, part: "key" | "value", rule: string, message: string): Diagnostic {
  return { ...diagnostic(source.file, source.parsed.locate(path, part), rule, message), path: formatJsonPath(path) };
}

/** Country codes written where a language was meant. */
const COUNTRY_FOR_LANGUAGE: Readonly<Record<string, string>> = { jp: "ja", kr: "ko", cn: "zh-CN", tw: "zh-TW", gr: "el", dk: "da", ua: "uk", cz: "cs", vn: "vi" };

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}
