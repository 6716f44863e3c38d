// Words that generated text uses (yes/no, "always on", modality and status words,
// endpoint labels, table header words), in the language of the page they go into.
//
// English is the base and has every word. Another language may be partial: a word
// it lacks falls back to English, and the fallback is recorded so that the run can
// warn once per word and language.
//
// The data comes from the catalog's locale files (loaded in load.ts); this module
// only looks words up.

/** A word's key, e.g. `yes`, `reasoning.always`, `input.image`, `status.retired`. */
export type WordKey = string;

export interface WordBook {
  /** Every key with its English text. */
  base: Readonly<Record<WordKey, string>>;
  /** Other languages by BCP 47 tag (`zh-CN`, `pt-BR`), each possibly partial. */
  locales: ReadonlyMap<string, Readonly<Record<WordKey, string>>>;
}

export interface Words {
  /** The language asked for (`en` for English). */
  locale: string;
  /** The word in this language, or in English when the language lacks it. */
  word(key: WordKey): string;
  /** Keys looked up in this language that fell back to English. */
  readonly missing: ReadonlySet<WordKey>;
  /** The word in this language, or undefined when it lacks it: a look that records no fallback. */
  peek(key: WordKey): string | undefined;
}

export const BASE_LOCALE = "en";

/**
 * A lookup for one language. Unknown keys are a programming error: English must have them all.
 * A regional tag without words of its own takes its language's (`ja-JP` → `ja`); any English
 * (`en-US`, `en-GB`) is the base, and never falls back.
 */
export function wordsFor(book: WordBook, locale: string): Words {
  const chain = tagChain(locale);
  const isEnglish = chain.includes(BASE_LOCALE);
  const own = isEnglish ? undefined : (chain.map((tag) => book.locales.get(tag)).find((words) => words !== undefined) ?? sameScript(book, locale));
  const missing = new Set<WordKey>();
  return {
    locale,
    missing,
    peek(key) {
      return isEnglish ? book.base[key] : own?.[key];
    },
    word(key) {
      const english = book.base[key];
      if (english === undefined) throw new Error(`no English text for the word "${key}"`);
      if (isEnglish) return english;
      const text = own?.[key];
      if (text !== undefined) return text;
      missing.add(key);
      return english;
    },
  };
}

/**
 * The words of another tag for the same language written in the same script, the
 * most likely region first: `zh-Hans` (Docusaurus's name for Simplified Chinese)
 * takes `zh-CN`'s words, `zh-Hant` would take `zh-TW`'s, `pt` takes `pt-BR`'s.
 */
function sameScript(book: WordBook, locale: string): Readonly<Record<string, string>> | undefined {
  const likely = (tag: string) => {
    try {
      return new Intl.Locale(tag).maximize();
    } catch {
      return undefined;
    }
  };
  const wanted = likely(locale);
  if (!wanted?.script) return undefined;
  const candidates = [...book.locales.keys()].filter((tag) => {
    const other = likely(tag);
    return other?.language === wanted.language && other.script === wanted.script;
  });
  // A page that names its region (`pt-PT`) takes no other region's words.
  const named = new Intl.Locale(locale).region !== undefined;
  const best = candidates.find((tag) => likely(tag)!.region === wanted.region) ?? (!named && candidates.length === 1 ? candidates[0] : undefined);
  return best === undefined ? undefined : book.locales.get(best);
}

/** `zh-Hant-TW`, `zh-Hant`, `zh`: the tag and the shorter tags it falls back to. */
function tagChain(locale: string): string[] {
  const parts = locale.split("-");
  return parts.map((_, i) => parts.slice(0, parts.length - i).join("-"));
}

/**
 * The same lookup, recording whether the language was asked for at all (a word or
 * the locale) and which keys fell back to English.
 */
export function recordingLookups(words: Words): { words: Words; asked: () => boolean; fallbacks: Set<WordKey> } {
  let asked = false;
  const fallbacks = new Set<WordKey>();
  return {
    words: {
      get locale() {
        asked = true;
        return words.locale;
      },
      missing: words.missing,
      peek(key) {
        asked = true;
        return words.peek(key);
      },
      word(key) {
        asked = true;
        const text = words.word(key);
        if (words.missing.has(key)) fallbacks.add(key);
        return text;
      },
    },
    asked: () => asked,
    fallbacks,
  };
}
