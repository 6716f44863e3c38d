// catalog file (and its locale files) -> the Catalog the renderers use. A catalog
// that passed validation (validate.ts) comes from the cache on later runs.
import { readFileSync } from "node:fs";
import { contentKey, openCache } from "../lib/content-cache.ts";
import { diagnostic, InputError } from "../lib/diagnostics.ts";
import { bundledCatalog } from "../lib/package-root.ts";
import { resolveGroups, type Catalog } from "./model.ts";
import { readLocales } from "./locales.ts";
import type { RuleOptions } from "./rules.ts";
import { validCatalog, type ValidCatalog } from "./validate.ts";

export function loadCatalog(file: string, options: RuleOptions = {}): Catalog {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "it is a folder, not the catalog file (catalog.jsonc) in it" : (error as Error).message;
    throw new InputError([
      diagnostic(file, { line: 1, column: 1 }, "catalog/unreadable",
        `cannot read the catalog: ${reason}; name the right file with --catalog or with "catalog" in the configuration file`),
    ]);
  }
  return parseCatalog(file, text, options);
}

export function parseCatalog(file: string, text: string, options: RuleOptions = {}): Catalog {
  // A catalog that passed, with its words, is a pure function of its text, its
  // locale files and the rule options; the build's cache (content-cache.ts) keeps
  // it, so an unchanged catalog is not parsed and validated again. A catalog with
  // problems is never stored: they are reported every run.
  // A catalog without locale files of its own (a copy made to add a model) uses the package's words.
  const locales = readLocales(file) ?? readLocales(bundledCatalog());
  const cache = openCache<ValidCatalog>("catalog");
  const key = contentKey(JSON.stringify([options, text, locales?.map((l) => [l.tag, l.text])]));
  let valid = cache.get(key);
  if (!valid) {
    valid = validCatalog(file, text, locales, options);
    cache.set(key, valid);
  }
  const { data, words } = valid;
  return {
    file,
    data,
    providers: data.providers,
    groups: resolveGroups(data),
    words: { base: words.base, locales: new Map(words.locales) },
  };
}
