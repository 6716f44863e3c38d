/** `word` as English writes it after the count `n`: `1 file`, `2 files`, `0 files`. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
