// Text that tries to break whatever it is written into: JSON5 strings, code
// comments, HTML and MDX comments, Markdown tables and inline code, config
// loaders that expand `${VAR}`, terminals and editors that honour bidi controls.
import fc from "fast-check";
import { SafeText } from "../../schema/catalog.ts";

/** Pieces that are harmless alone in plain prose but special somewhere the renderers write. */
export const HOSTILE_FRAGMENTS = [
  '"', "\\", "'", "`", "``", "```", "*/", "/*", "//", "-->", "<!--", "|", "\\|", "${", "$", "{", "}", "<", ">", "&",
  "&lt;", "&#124;", "*", "_", "~", "#", "[", "]", "(", ")", "!", ":", ",", "\\u0041", "\\n", "%", "%0A",
  "{/* x:end */}", "<!-- x:end -->", "// x:end", "[//]: # \"x:end\"", ":start", ":end",
  // Markers of regions the generated catalogs really have (group `g0-k` when a provider is called `k`).
  "{/* g0-k-table:end */}", "<!-- g0-k-ids:start -->", "// g0-k-aliases:end", "/* g0-k-models:end */", "regions:off",
  "null", "true", "__proto__", "constructor", "1e999", "-0",
  "שלום", "مرحبا", "模型", "😀", "👩‍💻", "🇨🇳", "e\u0301", " ", "\u00a0", "\u200b", "\u200f",
] as const;

/** Pieces the catalog must refuse wherever display text goes. */
export const FORBIDDEN_FRAGMENTS = [
  "\n", "\r", "\r\n", "\t", "\u0000", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029",
  "\u202e", "\u202a", "\u2066", "\u2067", "\u2069", "\ud800", "\udfff", "${",
] as const;

/** The characters each renderer must escape, drawn more often than the rest. */
const CRITICAL = ['"', "\\", "`", "|", "*/", "-->", "{", "}", "<", "&", "*", "_", "[", "]"] as const;

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CRITICAL) },
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN_FRAGMENTS) },
);

const longText = fc
  .tuple(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.integer({ min: 150, max: 260 }))
  .map(([fragment, length]) => fragment.repeat(Math.ceil(length / fragment.length)).slice(0, length));

/** Any text at all, leaning towards what breaks renderers; much of it is not valid display text. */
export const hostileText = fc.oneof(
  { weight: 9, arbitrary: fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: longText },
);

/** Hostile text the catalog accepts as a name, alias or label (the renderers must then write it safely). */
export const displayText = fc.oneof(
  { weight: 1, arbitrary: hostileText },
  // Mostly-printable text so that the filter below keeps enough cases.
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...CRITICAL), fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.join("").trim()),
  },
).filter((text) => SafeText.safeParse(text).success);
