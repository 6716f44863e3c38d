// Where to add a word a language lacks: in the locale files beside the project's
// catalog, or, when the catalog is the one bundled in the installed package (which
// a reinstall would undo), in a copy of it that the project names.
import { resolve, sep } from "node:path";

/** `what`: the words to add, as the sentence should name them (`"yes"`, `` `column.<id>` ``). */
export function addWordAdvice(catalogFile: string, locale: string, what: string): string {
  const ownCatalog = !resolve(catalogFile).split(sep).includes("node_modules");
  return ownCatalog
    ? `add ${what} to locales/${locale}.jsonc beside the catalog`
    : `copy the package's schema/catalog.jsonc and schema/locales/ into the project, name the copy in "catalog", and add ${what} to its locales/${locale}.jsonc`;
}
