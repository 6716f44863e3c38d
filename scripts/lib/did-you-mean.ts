import { closest, distance } from "fastest-levenshtein";

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const sameButCase = candidates.find((c) => c.toLowerCase() === word.toLowerCase());
  if (sameButCase !== undefined) return sameButCase; // `usd` for `USD`
  const best = closest(word, candidates as string[]);
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (distance(word, best) <= limit) return best;
  // A word that begins with a candidate (`warning` for `warn`), when only one candidate fits.
  const lower = word.toLowerCase();
  const related = candidates.filter((c) => c.length >= 3 && lower.startsWith(c.toLowerCase()));
  return related.length === 1 ? related[0] : undefined;
}

export function didYouMeanSuffix(word: string, candidates: readonly string[]): string {
  const best = didYouMean(word, candidates);
  return best === undefined ? "" : ` (did you mean \`${best}\`?)`;
}
