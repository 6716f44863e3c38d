// Where the page a translation stands for may be, by the layouts docs sites use.
// For a page under a language folder, in this order:
//   1. the same path without that folder (`docs/pt-BR/x.md` -> `docs/x.md`);
//   2. the same path in the default locale's folder beside it, where there is one
//      (Starlight, Mintlify: `src/content/docs/ja/x.mdx` -> `src/content/docs/en/x.mdx`).
// Docusaurus keeps translations apart from the pages they translate, so there only:
//   `i18n/<lang>/docusaurus-plugin-content-docs[-<id>]/current/<rest>` -> `docs/<rest>`
//   (`<id>/<rest>`) beside `i18n/`, then `<rest>` under the run's other docs folders;
//   `…/version-<v>/<rest>` -> `versioned_docs/version-<v>/<rest>`;
//   `docusaurus-plugin-content-blog/<rest>` -> `blog/<rest>`;
//   `docusaurus-plugin-content-pages/<rest>` -> `src/pages/<rest>`.
// Which of them is the page (it exists, is in the default language and holds the
// region) is for the caller to find out.
import { dirname, join } from "node:path";
import { within } from "../lib/within.ts";

/** A folder of the docs under a language folder, in parts. */
export interface TranslatedFolder {
  /** The folder the path is relative to: a docs folder of the run. */
  root: string;
  /** Folders between the root and the language folder. */
  before: readonly string[];
  /** The language folder's name. */
  language: string;
  /** Folders below the language folder. */
  after: readonly string[];
}

const DOCUSAURUS_PLUGIN = /^docusaurus-plugin-content-(docs|blog|pages)(?:-(.+))?$/;

/**
 * The folders that may hold the page each page of `folder` translates, in the order
 * to try them; `defaultFolders`: the default locale's folders beside the language folder.
 */
export function sourceFolders(folder: TranslatedFolder, defaultFolders: readonly string[], docDirs: readonly string[]): string[] {
  const { root, before, language, after } = folder;
  const own = join(root, ...before, language, ...after);
  const docusaurus = docusaurusSources(join(root, ...before), after, docDirs);
  const candidates = docusaurus ?? [join(root, ...before, ...after), ...defaultFolders.map((name) => join(root, ...before, name, ...after))];
  return [...new Set(candidates)].filter((candidate) => candidate !== own);
}

/** `i18nFolder`: the folder holding the language folder (`i18n/`); undefined where the layout is not Docusaurus's. */
function docusaurusSources(i18nFolder: string, after: readonly string[], docDirs: readonly string[]): string[] | undefined {
  const plugin = DOCUSAURUS_PLUGIN.exec(after[0] ?? "");
  if (!plugin) return undefined;
  const site = dirname(i18nFolder);
  const [, content, id] = plugin;
  if (content === "blog") return [join(site, id ?? "blog", ...after.slice(1))];
  if (content === "pages") return [join(site, "src", "pages", ...after.slice(1))];
  const version = after[1];
  if (version === undefined) return [];
  const rest = after.slice(2);
  if (version !== "current") return [join(site, id === undefined ? "versioned_docs" : `${id}_versioned_docs`, version, ...rest)];
  // The docs plugin's folder is `docs/` unless configured: the run's docs folders may say where.
  const outsideI18n = docDirs.filter((dir) => !within(dir, i18nFolder) && !within(i18nFolder, dir));
  return [join(site, id ?? "docs", ...rest), ...outsideI18n.map((dir) => join(dir, ...rest))];
}
