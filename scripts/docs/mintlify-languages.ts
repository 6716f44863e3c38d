// The language folders a Mintlify site declares: `navigation.languages` in its
// docs.json lists each language by a code, and the pages of a language are in the
// folder of that name beside docs.json (`cn/overview.mdx`). Mintlify's codes are
// BCP 47 tags but for two of its own, `cn` (Simplified Chinese) and `jp` (Japanese),
// which name no language as tags, so such folders would otherwise be read as topics.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { languageTag } from "./locale.ts";

const MINTLIFY_CODES: Readonly<Record<string, string>> = { cn: "zh-CN", jp: "ja" };

/** Whether a folder name is one of Mintlify's own codes, which no language tag is. */
export function isMintlifyCode(name: string): boolean {
  return Object.hasOwn(MINTLIFY_CODES, name);
}

/** The folders beside `dir`'s docs.json that it declares as languages, with their tags; none without a readable docs.json. */
export function mintlifyLanguageFolders(dir: string): Map<string, string> {
  const folders = new Map<string, string>();
  let languages: unknown;
  try {
    languages = (JSON.parse(readFileSync(join(dir, "docs.json"), "utf8")) as { navigation?: { languages?: unknown } })?.navigation?.languages;
  } catch {
    return folders;
  }
  if (!Array.isArray(languages)) return folders;
  for (const entry of languages) {
    const code = (entry as { language?: unknown } | null)?.language;
    if (typeof code !== "string") continue;
    const tag = MINTLIFY_CODES[code] ?? languageTag(code);
    if (tag !== undefined) folders.set(code, tag);
  }
  return folders;
}
