// The JSON5 writer: what it writes parses back to the same value, keys are quoted
// only where they must be, and small objects stay on one line as people write them.
import fc from "fast-check";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { DEFAULT_JSON5_STYLE, joinEntries, json5Key, json5Lines, json5String, type Json5Value } from "../scripts/docs/json5.ts";
import { runs } from "./support/fc.ts";

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom('"', "\\", "'", "*/", "-->", "|", "`", "${X}", "\n", "\t", "\u2028", "\u0000", "שלום", "🙂", "a\r\nb"),
);
const value: fc.Arbitrary<Json5Value> = fc.letrec<{ value: Json5Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    text,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom("id", "$x", "_y", "User-Agent", "kimi-code/k3", "default")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("JSON5 writer", () => {
  it("writes what JSON5 parses back to the same value", () => {
    fc.assert(
      fc.property(value, fc.boolean(), fc.boolean(), (v, quoteKeys, trailingCommas) => {
        const written = json5Lines(v, { ...DEFAULT_JSON5_STYLE, quoteKeys, trailingCommas }).join("\n");
        expect(JSON5.parse(written)).toEqual(JSON5.parse(JSON5.stringify(v)));
        if (quoteKeys && !trailingCommas) expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      runs(500),
    );
  });

  it("quotes keys only when they are not identifiers, unless asked to", () => {
    expect(["id", "$x", "_y", "cacheRead", "User-Agent", "kimi-code", "moonshot/kimi-k2.6", "1a", ""].map((k) => json5Key(k))).toEqual([
      "id", "$x", "_y", "cacheRead", '"User-Agent"', '"kimi-code"', '"moonshot/kimi-k2.6"', '"1a"', '""',
    ]);
    expect(json5Key("id", { quoteKeys: true })).toBe('"id"');
  });

  it("escapes strings", () => {
    expect(json5String('a"b\\c\nd\u2028\u0001')).toBe('"a\\"b\\\\c\\nd\\u2028\\u0001"');
  });

  it("keeps small objects and arrays of plain values on one line, as in the seed page", () => {
    const model = {
      id: "kimi-k2.5",
      name: "Kimi K2.5",
      reasoning: false,
      input: ["text"],
      cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      contextWindow: 256000,
      maxTokens: 8192,
      headers: { "User-Agent": "KimiCLI/0.77" },
      compat: undefined,
    };
    expect(json5Lines(model)).toEqual([
      "{",
      '  id: "kimi-k2.5",',
      '  name: "Kimi K2.5",',
      "  reasoning: false,",
      '  input: ["text"],',
      "  cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },",
      "  contextWindow: 256000,",
      "  maxTokens: 8192,",
      '  headers: { "User-Agent": "KimiCLI/0.77" }',
      "}",
    ]);
    expect(json5Lines({ long: "x".repeat(90) })).toEqual(["{", `  long: "${"x".repeat(90)}"`, "}"]);
  });

  it("puts commas between entries and after the last only when asked", () => {
    expect(joinEntries([["a"], ["{", "b", "}"]], false)).toEqual(["a,", "{", "b", "}"]);
    expect(joinEntries([["a"], ["{", "b", "}"]], true)).toEqual(["a,", "{", "b", "},"]);
  });
});
