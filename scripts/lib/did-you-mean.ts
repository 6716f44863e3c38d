import { closest, distance } from "fastest-levenshtein";

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(word, best) <= limit ? best : undefined;
}

export function didYouMeanSuffix(word: string, candidates: readonly string[]): string {
  const best = didYouMean(word, candidates);
  return best === undefined ? "" : ` (did you mean \`${best}\`?)`;
}
