/** `1 file`, `2 files`: the English plural for report lines. */
export function counted(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
