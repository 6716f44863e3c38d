/**
 * 262144 -> `262,144`, the same in every language the docs are written in.
 * (Not toLocaleString: its first call loads number formatting, ~10 ms of start-up.)
 */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
