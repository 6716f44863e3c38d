// What a table cell holding a number says, however the page writes it: `1,048,576`,
// `1.048.576`, `1M`, `256K`, `$3.00`, `3,00 $`, digits of another script (`١٬٠٤٨٬٥٧٦`,
// `１２８K`). A cell that reads as the catalog's value is the page's own way of writing
// it, and stays as written; one that reads as another value was written for an
// earlier one. `K` and `M` are read both ways (1,000 or 1,024 times): pages use both,
// and so are round thousands and millions written with any word that shortens them;
// the words the page's language shortens numbers with (`1 Mio.`, `26万`) are read too
// (compact-units.ts). A number so shortened, shown to two significant digits or more,
// reads as the value it rounds from (`26万` for 262,144, `1.05M` for 1,048,576).
// A date is its year, month and day in any order and with any separators
// (`16.07.2026`, `2026年7月16日`, `7/16/2026`).
import { compactUnits, unitKey } from "./compact-units.ts";

/** A value a column shows: an amount, and for prices its currency (ISO 4217); or a date, `YYYY-MM-DD`. */
export type CellValue = { amount: number; currency?: string } | { date: string };

/** Currency signs and codes, by the currency they name. */
const CURRENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/US\$|\$|\bUSD\b/i, "USD"],
  [/CN¥|¥|\bCNY\b|\bRMB\b|元/i, "CNY"],
  [/€|\bEUR\b/i, "EUR"],
  [/£|\bGBP\b/i, "GBP"],
];

const SEPARATOR = "[,.'\\u00a0\\u202f ]";
/** A number as written, its digit groups separated or not. */
const NUMBER = new RegExp(`\\d+(?:${SEPARATOR}\\d+)*`, "g");
/** The word after a number that may shorten it: `K`, `Mio.`, `万`, `тыс.`, `हज़ार` (letters and their marks, then perhaps a period). */
const UNIT_AFTER = /^[\s\u00a0\u202f]?([\p{L}\p{M}]+\.?)(?![\p{L}\p{M}])/u;
/**
 * The first letters of a word that are of one script: languages written without spaces run the unit into the next
 * word where it is in another script (`26万token`, `26万トークン`).
 */
const SCRIPT_RUN = /^(?:\p{sc=Han}+|\p{sc=Hiragana}+|\p{sc=Katakana}+|\p{sc=Hangul}+|\p{sc=Thai}+|\p{sc=Latin}+|\p{sc=Cyrillic}+|\p{sc=Arabic}+|\p{sc=Devanagari}+)/u;
/** `K` and `M`, which pages in every language write. */
const LATIN_UNITS: Readonly<Record<string, number>> = { k: 1_000, m: 1_000_000 };

/** Whether the cell holds a digit of any script. */
export function holdsNumber(cell: string): boolean {
  return /\p{Nd}/u.test(cell);
}

/**
 * Whether the cell, as written, shows `value`: one number that reads as its amount, and no other currency.
 * `locale`, the page's language, tells which words after a number shorten it.
 */
export function readsAs(cell: string, value: CellValue, locale = "en"): boolean {
  const text = plainText(cell);
  if ("date" in value) return readsAsDate(text, value.date);
  const numbers = [...text.matchAll(NUMBER)];
  if (numbers.length !== 1) return false;
  const currency = CURRENCIES.find(([sign]) => sign.test(text))?.[1];
  if (currency !== undefined && currency !== value.currency) return false;
  const written = numbers[0]![0];
  const multiplier = unitAfter(text.slice(numbers[0]!.index! + written.length), locale);
  return readings(written).some((n) =>
    close(n * multiplier, value.amount) ||
    (multiplier > 1 && (close(binary(n * multiplier), value.amount) || roundsTo(value.amount / multiplier, n, written))));
}

/** What the word after a number multiplies it by (`K`, `M`, or one of the page language's words); 1 where no such word follows. */
function unitAfter(rest: string, locale: string): number {
  const word = UNIT_AFTER.exec(rest)?.[1];
  if (word === undefined) return 1;
  const run = SCRIPT_RUN.exec(word)?.[0];
  return unitOf(word, locale) ?? (run !== undefined && run.length < word.replace(/\.$/, "").length ? unitOf(run, locale) : undefined) ?? 1;
}

function unitOf(word: string, locale: string): number | undefined {
  const key = unitKey(word);
  return Object.hasOwn(LATIN_UNITS, key) ? LATIN_UNITS[key] : compactUnits(locale).get(key);
}

/** A round number of thousands or millions read the binary way (`1M` as 1,048,576, `256K` as 262,144, `100万` as 1,048,576). */
function binary(n: number): number {
  if (n >= 1e6 && n % 1e6 === 0) return (n / 1e6) * 1_048_576;
  if (n >= 1e3 && n % 1e3 === 0) return (n / 1e3) * 1_024;
  return n;
}

/**
 * Whether `exact` rounds to `shown` at the precision the cell writes it with, where that is two significant digits
 * or more: `26万` says 262,144 to the ten-thousand, while `1M` says too little to stand for 1,400,000.
 */
function roundsTo(exact: number, shown: number, written: string): boolean {
  const digits = written.replace(/\D/g, "").replace(/^0+/, "");
  if (digits.length < 2) return false;
  const decimals = Number.isInteger(shown) ? 0 : String(shown).split(".")[1]!.length;
  return close(Number(exact.toFixed(decimals)), shown);
}

/** Whether the text holds three numbers: the date's year, and its month and day in either order. */
function readsAsDate(text: string, date: string): boolean {
  const numbers = [...text.matchAll(/\d+/g)].map((n) => Number(n[0]));
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  if (numbers.length !== 3 || !numbers.includes(year)) return false;
  const rest = numbers.filter((n, i) => i !== numbers.indexOf(year));
  return (rest[0] === month && rest[1] === day) || (rest[0] === day && rest[1] === month);
}

/**
 * The cell's text without what only dresses it (escapes, code, emphasis, a link's target, footnote marks,
 * superscripts), in compatibility form (full-width digits and letters as ASCII), with every digit in ASCII
 * and the Arabic separators as `,` and `.`.
 */
function plainText(cell: string): string {
  return cell
    .replace(/\\(.)/g, "$1")
    .replace(/\[\^[^\]]*\]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_]/g, "")
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021]/g, "")
    .normalize("NFKC")
    .replace(/\p{Nd}/gu, (digit) => String(digitValue(digit)))
    .replace(/\u066c/g, ",")
    .replace(/\u066b/g, ".");
}

/** A decimal digit's value: its distance from the zero of its run of digits (Unicode puts each script's ten in a row). */
function digitValue(digit: string): number {
  let zero = digit.codePointAt(0)!;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return (digit.codePointAt(0)! - zero) % 10;
}

/** The values a number as written may stand for: every separator grouping digits, or the last one a decimal point. */
function readings(written: string): number[] {
  const parts = written.split(new RegExp(SEPARATOR));
  const groups = (rest: readonly string[]) => rest.every((part) => part.length === 3);
  const values: number[] = [];
  if (groups(parts.slice(1))) values.push(Number(parts.join("")));
  const separator = written.match(new RegExp(`${SEPARATOR}(?=\\d+$)`))?.[0];
  if (parts.length > 1 && (separator === "." || separator === ",") && groups(parts.slice(1, -1))) {
    values.push(Number(`${parts.slice(0, -1).join("")}.${parts.at(-1)}`));
  }
  return values;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** The cell with its digit groups as `0`: the same shape for two cells written alike (`262,144` and `1,048,576`). */
export function cellShape(cell: string): string {
  return cell.replace(new RegExp(`\\d+(?:${SEPARATOR}\\d+)*`, "g"), "0");
}
