// Where a catalog's words live: `locales/<tag>.jsonc` beside the catalog file,
// English in `en.jsonc`. This module only finds and reads the files; their
// validation is in load-words.ts.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const LOCALES_DIR = "locales";

/** One locale file as read: its language tag (the file name), its path and its text. */
export interface LocaleText {
  tag: string;
  file: string;
  text: string;
}

/** The word an endpoint's label is in other languages (the catalog gives the English). */
export function endpointWordKey(providerId: string, endpointId: string): string {
  return `endpoint.${providerId}.${endpointId}`;
}

/** The catalog's locale files, by name; undefined when it has no locales folder (then it has no words of its own). */
export function readLocales(catalogFile: string): LocaleText[] | undefined {
  const dir = join(dirname(catalogFile), LOCALES_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".jsonc")).sort();
  } catch {
    return undefined;
  }
  return names.map((name) => {
    const file = join(dir, name);
    return { tag: name.slice(0, -".jsonc".length), file, text: readFileSync(file, "utf8") };
  });
}
