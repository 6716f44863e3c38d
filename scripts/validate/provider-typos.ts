// Which known provider id an unknown one most likely misspells. Stricter than the
// did-you-mean of keys and values: the host also has providers from plugins that no
// list here knows, so only one or two letters away (one for short ids) counts, and
// never a longer id that merely starts with a known one (`openai-codex`).
import { distance } from "fastest-levenshtein";

export function likelyProviderTypo(id: string, known: readonly string[]): string | undefined {
  // A provider the host knows is never a misspelling of another (`edenai` is not `openai`, `zai` not `xai`).
  if (known.includes(id)) return undefined;
  const limit = id.length < 6 ? 1 : 2;
  const near = [...new Set(known)]
    .filter((candidate) => candidate !== id && distance(candidate, id) <= limit)
    .sort((a, b) => distance(a, id) - distance(b, id) || a.localeCompare(b));
  return near[0];
}
