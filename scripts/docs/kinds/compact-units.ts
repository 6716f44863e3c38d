// The words a language shortens large numbers with (`1 Mio.` in German, `26万` in
// Chinese and Japanese, `26만` in Korean, `1 тыс.` in Russian), and what each stands
// for, taken from the runtime's ICU data (Intl.NumberFormat's compact notation,
// short and long) rather than from a table kept here. Read once per language, and
// only when a cell holds a number followed by a word that `K` or `M` is not.

/** Mantissas whose compact forms cover each plural form a language gives a unit word (`1 Million`, `2 Millionen`). */
const MANTISSAS = [1, 2, 5, 21, 26];
/** Powers of ten a context window or token count reaches. */
const EXPONENTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const byLanguage = new Map<string, ReadonlyMap<string, number>>();

/** A unit word as compared: lower case, without a final period (`Mio.` and `Mio` alike). */
export function unitKey(word: string): string {
  return word.trim().toLowerCase().replace(/\.$/, "");
}

/** Unit word (as unitKey gives it) → the number it multiplies by, in the language of `locale`; empty for a tag the runtime cannot read. */
export function compactUnits(locale: string): ReadonlyMap<string, number> {
  let units = byLanguage.get(locale);
  if (units !== undefined) return units;
  const found = new Map<string, number>();
  for (const compactDisplay of ["short", "long"] as const) {
    let format: Intl.NumberFormat;
    try {
      // In ASCII digits, which the number shown is read from: Persian's own (۱ میلیون) would leave its words unread.
      format = new Intl.NumberFormat(locale, { notation: "compact", compactDisplay, useGrouping: false, numberingSystem: "latn" });
    } catch {
      break;
    }
    for (const exponent of EXPONENTS) {
      for (const mantissa of MANTISSAS) {
        const parts = format.formatToParts(mantissa * 10 ** exponent);
        const word = parts.find((part) => part.type === "compact")?.value;
        const shown = Number(parts.filter((part) => part.type === "integer").map((part) => part.value).join(""));
        // A form that rounds (or writes the number whole) tells no multiplier.
        if (word === undefined || !(shown > 0)) continue;
        const multiplier = (mantissa * 10 ** exponent) / shown;
        if (Number.isInteger(Math.log10(multiplier)) && !found.has(unitKey(word))) found.set(unitKey(word), multiplier);
      }
    }
  }
  byLanguage.set(locale, found);
  return found;
}
