// The catalog's words: `locales/<tag>.jsonc` beside the catalog file, English in
// `en.jsonc`. A catalog without a locales folder has no words of its own.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { diagnostic, InputError } from "../lib/diagnostics.ts";
import { JsonSyntaxError, parseJsonSource } from "../lib/json-source.ts";
import { BASE_LOCALE, type WordBook } from "./words.ts";

export const LOCALES_DIR = "locales";

export function loadWords(catalogFile: string): WordBook {
  const dir = join(dirname(catalogFile), LOCALES_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".jsonc")).sort();
  } catch {
    return { base: {}, locales: new Map() };
  }
  const locales = new Map<string, Record<string, string>>();
  for (const name of names) {
    const file = join(dir, name);
    const text = readFileSync(file, "utf8");
    let value: unknown;
    try {
      value = parseJsonSource(text, "jsonc").value;
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      throw new InputError([diagnostic(file, error, "locale/syntax", error.message)]);
    }
    locales.set(name.slice(0, -".jsonc".length), ((value as { words?: Record<string, string> }).words ?? {}));
  }
  const base = locales.get(BASE_LOCALE) ?? {};
  locales.delete(BASE_LOCALE);
  return { base, locales };
}
