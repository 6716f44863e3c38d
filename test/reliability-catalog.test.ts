// Garbage catalogs: whatever the catalog file holds, loading it ends in a
// positioned error or a valid catalog, the command exits 2 without a stack
// trace, and nothing is written. Large catalogs load in work linear in size.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Catalog as CatalogSchema } from "../schema/catalog.ts";
import { loadCatalog, parseCatalog } from "../scripts/catalog/load.ts";
import { resolveGroups } from "../scripts/catalog/model.ts";
import { checkCatalogRules } from "../scripts/catalog/rules.ts";
import { InputError, type Diagnostic } from "../scripts/lib/diagnostics.ts";
import { catalogArbitrary, catalogText } from "./support/catalog-arbitraries.ts";
import { fuzzing, runs, timeoutFor } from "./support/fc.ts";
import { positionAt } from "./support/positions.ts";
import { hostileText } from "./support/hostile-text.ts";
import { countingReads, leastCpuMs, manyModelCatalog } from "./support/large-inputs.ts";
import { runCli, snapshot, tempDir } from "./support/run-cli.ts";

const FILE = "catalog.jsonc";
// Huge values: 1 MB in `pnpm test` (thousands of times any limit, on the same code
// path), 10 MB in the long run.
const MB = fuzzing ? 10 : 1;
const HUGE = MB * 1024 * 1024;
const valid = catalogText(manyModelCatalog(3));

/** The diagnostics a catalog text gives; fails the test if loading throws anything but an InputError. */
function diagnosticsOf(text: string): Diagnostic[] {
  try {
    parseCatalog(FILE, text);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw new Error(`loading threw ${(error as Error)?.name ?? typeof error} instead of an input error: ${String(error)}`);
  }
  return [];
}

/** Every diagnostic names the file and points inside the text (column may be one past a line's end). */
function expectPositionsInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\n|\r/);
  for (const d of diagnostics) {
    expect(d.file).toBe(FILE);
    expect(d.severity).toBe("error");
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message.length).toBeLessThan(1000);
  }
}

const nested = (depth: number, open = "[", close = "]") => `${open.repeat(depth)}${close.repeat(depth)}`;
const withValue = (key: string, raw: string) => valid.replace(`"${key}": `, () => `"${key}": ${raw}, "${key}-was": `);
/** Offset of the bracket that opens nesting level `level` (the texts here hold no brackets inside strings). */
const bracketAtLevel = (text: string, level: number) => {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "[" || text[i] === "{") depth += 1;
    else if (text[i] === "]" || text[i] === "}") depth -= 1;
    if (depth === level) return i;
  }
  return -1;
};
const replaceFirst = (from: string, to: string) => {
  expect(valid).toContain(from);
  return valid.replace(from, () => to);
};

interface GarbageCase {
  name: string;
  text: () => string;
  /** Where the first diagnostic must point: the start of a substring, a position, the end, or an offset found in the text. */
  at: string | { line: number; column: number } | "end" | ((text: string) => number);
  message: RegExp;
}

const garbage: GarbageCase[] = [
  { name: "an empty file", text: () => "", at: { line: 1, column: 1 }, message: /end of input/ },
  { name: "only white space", text: () => " \n\t\r\n", at: "end", message: /end of input/ },
  { name: "truncated after a key's colon", text: () => valid.slice(0, valid.indexOf('"providers":') + 12), at: "end", message: /end of input: the object that opens at line 1, column 1 is never closed; add a value, then `}` at the end/ },
  // At the string's start, where the quote is missing, not at the end of the file.
  { name: "truncated inside a string", text: () => valid.slice(0, valid.indexOf('"Model 1"') + 4), at: (t) => t.lastIndexOf('"Mod'), message: /end of input inside this string: add its closing "/ },
  // At the comment's `/*`, which swallows the rest of the text, not at the end of the file.
  { name: "truncated inside a comment", text: () => `// catalog\n/* unfinished ${valid}`, at: { line: 2, column: 1 }, message: /end of input inside this comment: add `\*\/` where the comment ends/ },
  { name: "a lone closing bracket", text: () => "}", at: { line: 1, column: 1 }, message: /`}` closes nothing: no `{` is open here; remove it/ },
  { name: "text after the object", text: () => `${valid}{}`, at: { line: valid.split("\n").length, column: 1 }, message: /unexpected text after the end of the value/ },
  { name: "a string as the root", text: () => '"catalog"', at: { line: 1, column: 1 }, message: /must be an object/ },
  { name: "null as the root", text: () => "null", at: { line: 1, column: 1 }, message: /must be an object/ },
  { name: "providers as a number", text: () => replaceFirst('"providers": [', '"providers": 5, "x": ['), at: "5,", message: /providers: .*must be a list/ },
  { name: "contextWindow as a string", text: () => replaceFirst('"contextWindow": 131072', '"contextWindow": "big"'), at: '"big"', message: /contextWindow: .*must be a number/ },
  { name: "reasoning as a string", text: () => replaceFirst('"reasoning": true', '"reasoning": "yes"'), at: '"yes"', message: /reasoning: must be true, false, or "always"/ },
  { name: "input as a string", text: () => replaceFirst('"input": [\n', '"input": "text", "i": [\n'), at: '"text", "i"', message: /input: .*must be a list/ },
  { name: "cost as an array", text: () => replaceFirst('"cost": {', '"cost": [], "c": {'), at: "[], ", message: /cost: .*must be an object/ },
  { name: "a price of 1e999", text: () => replaceFirst('"output": 2', '"output": 1e999'), at: "1e999", message: /output: is too large to be a number/ },
  { name: `a ${MB} MB name`, text: () => replaceFirst('"Model 0"', JSON.stringify("n".repeat(HUGE))), at: '"nnn', message: /name: must be at most 200 characters/ },
  { name: `a ${MB} MB alias of quotes`, text: () => replaceFirst('"Model 0 alias"', JSON.stringify('"'.repeat(HUGE))), at: '"\\"', message: /alias: must be at most 200 characters/ },
  { name: `a ${MB} MB URL`, text: () => replaceFirst('"https://example.com/models"', JSON.stringify(`https://${"u".repeat(HUGE)}`)), at: '"https://uuu', message: /sources\[0\]: must be at most 2000 characters/ },
  { name: `a ${MB} MB header name`, text: () => replaceFirst('"models": [', `"headers": {${JSON.stringify("H".repeat(HUGE))}: "v"}, "models": [`), at: '"HHH', message: /headers\["H{20,100}…"\]: invalid key: must be at most 100 characters/ },
  { name: `a ${MB} MB number`, text: () => replaceFirst('"contextWindow": 131072', `"contextWindow": ${"9".repeat(HUGE)}`), at: "999", message: /contextWindow: is too large to be a number/ },
  // Past the limit of 1,000 levels, at the bracket that goes past it: the same for arrays and objects.
  { name: "a value nested 100,000 levels deep", text: () => withValue("name", nested(100_000)), at: (t) => bracketAtLevel(t, 1001), message: /^values are nested more than 1000 levels deep here; no config needs this: flatten it/ },
  { name: "objects nested 50,000 levels deep", text: () => withValue("name", nested(50_000, '{"a":', "}").replace('{"a":}', '{"a":1}')), at: (t) => bracketAtLevel(t, 1001), message: /nested more than 1000 levels deep here/ },
  // The first `name` is a provider's, at the fourth level: 998 objects there make 1,001 levels.
  { name: "objects nested 1,001 levels deep", text: () => withValue("name", nested(998, '{"a":', "}").replace('{"a":}', '{"a":1}')), at: (t) => bracketAtLevel(t, 1001), message: /nested more than 1000 levels deep here/ },
  // `sources` opens the sixth level, so 994 more make 1,000: read, and judged as any value.
  { name: "a value nested 1,000 levels deep", text: () => replaceFirst('"sources": [', `"sources": [${nested(994)}, `), at: nested(994), message: /sources\[0\]: .*must be a string/ },
  { name: "a NUL byte in a name", text: () => replaceFirst('"Model 0"', '"Model\\u00000"'), at: '"Model\\u0000', message: /name: must not contain control characters/ },
  // The parser takes raw line breaks in a string; its own line and column then miss the text.
  // (The parser then trips over the escaped quote: the line break is the cause.)
  { name: "a string broken over lines, then escaped quotes", text: () => replaceFirst('"Model 0"', '"Model\r\n\\"\\""'), at: (t) => t.indexOf("Model\r") + 5, message: /^a line break inside a string: end the string on its line/ },
  { name: "binary garbage", text: () => "\u0000\u00ff\ufffd\u0001PK\u0003\u0004", at: { line: 1, column: 1 }, message: /an invisible character \(U\+0000\) stands here; remove it/ },
];

describe("garbage catalogs", () => {
  it.each(garbage)("$name: a positioned error, never a crash", ({ text, at, message }) => {
    const source = text();
    const found = diagnosticsOf(source);
    expect(found.length).toBeGreaterThan(0);
    expectPositionsInside(source, found);
    const first = found[0]!;
    expect(first.message).toMatch(message);
    const expected =
      at === "end"
        ? positionAt(source, source.length)
        : typeof at === "string"
          ? positionAt(source, source.indexOf(at))
          : typeof at === "function"
            ? positionAt(source, at(source))
            : at;
    expect({ line: first.line, column: first.column }).toEqual(expected);
  });

  it(`a key of ${MB} MB is reported without repeating the key in full`, () => {
    const found = diagnosticsOf(replaceFirst('"providers": [', `${JSON.stringify("k".repeat(HUGE))}: 1, "providers": [`));
    expect(found.map((d) => d.rule)).toEqual(["catalog/unknown-key"]);
    expect(found[0]!.message.length).toBeLessThan(1000);
  });

  it(`a ${MB} MB comment is skipped like any comment`, () => {
    expect(diagnosticsOf(`/* ${"c".repeat(HUGE)} */\n${valid}`)).toEqual([]);
  });

  it("a byte order mark before the catalog is allowed", () => {
    expect(diagnosticsOf(`\ufeff${valid}`)).toEqual([]);
  });

  it(
    "a catalog cut off anywhere gives positioned errors only",
    () => {
      const text = catalogText(manyModelCatalog(2));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: text.length - 2 }), (cut) => {
          const source = text.slice(0, cut);
          const found = diagnosticsOf(source);
          expect(found.length).toBeGreaterThan(0);
          expectPositionsInside(source, found);
          const first = found[0]!;
          if (first.message.includes("end of input inside this string")) {
            // At the quote that opens the string the cut left open: no quote closes it after.
            const open = source.lastIndexOf('"');
            expect({ line: first.line, column: first.column }).toEqual(positionAt(source, open));
          } else if (first.message.includes("end of input")) {
            expect({ line: first.line, column: first.column }).toEqual(positionAt(source, source.length));
          }
        }),
        runs(300),
      );
    },
    timeoutFor(300, 5),
  );

  it(
    "random edits of a catalog give a catalog or positioned errors, never a crash",
    () => {
      const edit = fc.record({
        at: fc.nat(),
        remove: fc.integer({ min: 0, max: 12 }),
        insert: fc.oneof(hostileText, fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "//", "/*", "\n", "null", "-", "1e", "\\")),
      });
      fc.assert(
        fc.property(catalogArbitrary({ maxModels: 2 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (catalog, edits) => {
          let source = catalogText(catalog);
          for (const { at, remove, insert } of edits) {
            const i = at % (source.length + 1);
            source = source.slice(0, i) + insert + source.slice(i + remove);
          }
          expectPositionsInside(source, diagnosticsOf(source));
        }),
        runs(200),
      );
    },
    timeoutFor(200, 10),
  );
});

describe("display text in the catalog", () => {
  it(
    "is accepted only when it can be written safely, and otherwise rejected at the field",
    () => {
      fc.assert(
        fc.property(hostileText, fc.constantFrom("name", "alias"), (text, field) => {
          const model = `"${field}": ${JSON.stringify(`Model 0${field === "alias" ? " alias" : ""}`)}`;
          const written = `"${field}": ${JSON.stringify(text)}`;
          const source = replaceFirst(model, written);
          const found = diagnosticsOf(source);
          const unsafe =
            /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]|\$\{/u.test(text) ||
            // Region marker tokens, which a doc would read as markers once the text is written into it.
            /[A-Za-z0-9][\w.-]*:(start|end)(?![A-Za-z0-9])/.test(text) ||
            text.length === 0 ||
            [...text].length > 200 ||
            text.trim() !== text ||
            // An alias with a `/` would be read as a provider/model ref in a config.
            (field === "alias" && text.includes("/"));
          if (unsafe) {
            expect(found.length).toBeGreaterThan(0);
            expect(found[0]!.path).toBe(`providers[0].models[0].${field}`);
            expect({ line: found[0]!.line, column: found[0]!.column }).toEqual(
              positionAt(source, source.indexOf(written) + field.length + 4),
            );
          } else {
            expect(found).toEqual([]);
            // Accepted text survives being written to a UTF-8 file and read back.
            expect(Buffer.from(text, "utf8").toString("utf8")).toBe(text);
          }
        }),
        runs(500),
      );
    },
    timeoutFor(500, 5),
  );
});

describe("garbage catalogs on the command line", () => {
  const cases = garbage.filter((c) => !/ MB |100,000|50,000/.test(c.name)).slice(0, 12);

  it.each(cases)("$name: exit 2, file:line:column, no stack trace, nothing written", async ({ text }) => {
    const dir = tempDir();
    const catalog = join(dir, "catalog.jsonc");
    writeFileSync(catalog, text());
    const before = snapshot(dir);
    const result = await runCli(["gen", "--catalog", catalog, "--docs", join(dir, "docs")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${escapeRegExp(catalog)}:\\d+:\\d+: `));
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at .+[(:]\d+/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a catalog nested too deeply to parse: exit 2 with the position", async () => {
    const dir = tempDir();
    const catalog = join(dir, "catalog.jsonc");
    writeFileSync(catalog, withValue("name", nested(100_000)));
    const result = await runCli(["gen", "--check", "--catalog", catalog, "--docs", join(dir, "docs")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${escapeRegExp(catalog)}:\\d+:\\d+: values are nested more than 1000 levels deep here`));
  });

  it("a catalog that is a directory: exit 2 naming it", async () => {
    const dir = tempDir();
    const result = await runCli(["gen", "--check", "--catalog", dir, "--docs", join(dir, "docs")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir}:1:1: cannot read the catalog: it is a folder, not the catalog file (catalog.jsonc) in it`);
  });
});

// Loading and generating from 10,000 models end to end: reliability-scale.test.ts.
describe("a catalog of 10,000 models", () => {
  /** Reads of catalog data by the rules and group resolution, which must grow linearly with the models. */
  function readsFor(count: number): number {
    const data = CatalogSchema.parse(manyModelCatalog(count));
    const counted = countingReads(data);
    expect(checkCatalogRules(counted.value)).toEqual([]);
    resolveGroups(counted.value);
    return counted.reads();
  }

  it("checks its rules with work linear in the number of models", () => {
    const ratio = readsFor(4_000) / readsFor(1_000);
    // Linear work gives 4; one scan of the models per model gives about 16.
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
  });

  it.runIf(fuzzing)("loads in time linear in its size (time ratio, long run only)", async () => {
    const small = catalogText(manyModelCatalog(2_500));
    const large = catalogText(manyModelCatalog(10_000));
    const ratio = (await leastCpuMs(() => loadCatalogText(large))) / (await leastCpuMs(() => loadCatalogText(small)));
    // 4x the models: linear is about 4; quadratic would be about 16.
    expect(ratio).toBeLessThan(8);
  });
});

function loadCatalogText(text: string): void {
  const file = join(tempDir(), "catalog.json");
  writeFileSync(file, text);
  loadCatalog(file);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
