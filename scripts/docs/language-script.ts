// The letters a language is written in, where they tell its pages from the default
// language's: a translation into Malayalam shows Malayalam letters, while the pages of
// `docs/ml/` on a site about machine learning show none. Where both languages share a
// script (German and English, both in Latin letters), letters tell nothing.
// A language's usual script is the runtime's (ICU's likely subtags: `ml` → Mlym).

/** Scripts that stand for several of Unicode's: Japanese by its kana (its kanji are also Chinese), Korean by Hangul. */
const WRITTEN_WITH: Readonly<Record<string, string>> = {
  Jpan: "\\p{Script=Hiragana}\\p{Script=Katakana}",
  Kore: "\\p{Script=Hangul}",
  Hans: "\\p{Script=Han}",
  Hant: "\\p{Script=Han}",
};

function letterClass(tag: string): string | undefined {
  let script: string | undefined;
  try {
    script = new Intl.Locale(tag).maximize().script;
  } catch {
    return undefined;
  }
  return script === undefined ? undefined : (WRITTEN_WITH[script] ?? `\\p{Script=${script}}`);
}

/**
 * A pattern matching a letter of `tag`'s usual script, when that script is not the one of
 * `defaultLocale`'s; undefined when letters cannot tell the two apart.
 */
export function lettersOf(tag: string, defaultLocale: string): RegExp | undefined {
  const letters = letterClass(tag);
  if (letters === undefined || letters === letterClass(defaultLocale)) return undefined;
  try {
    return new RegExp(`[${letters}]`, "u");
  } catch {
    // A script the runtime's regular expressions do not know.
    return undefined;
  }
}
