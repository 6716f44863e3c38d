// `validate FILE...` end to end on real fixture files: output lines, positions,
// exit codes, `--json`, `--env` and `--catalog`.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../scripts/cli.ts";
import { API_VALUES } from "../schema/atoms.ts";
import { parseJsonSource } from "../scripts/lib/json-source.ts";

const FIXTURES = "test/fixtures/configs";
const fixture = (name: string) => `${FIXTURES}/${name}`;

async function validate(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(["validate", ...args], { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  return { code, lines: stdout.join("\n").split("\n"), stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** `file:line:column` of the first `needle` in the file (after `after`, if given), counted from the text itself. */
function at(file: string, needle: string, after = ""): string {
  const text = readFileSync(file, "utf8");
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from);
  if (from < 0 || offset < 0) throw new Error(`${file} does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset).split("\n");
  return `${file}:${before.length}:${before.at(-1)!.length + 1}`;
}

const scratch = mkdtempSync(join(tmpdir(), "validate-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A file that reading fails on with a permission error: one without read permission,
 * or, for root (who reads any file), another process's memory on Linux.
 */
function unreadableFile(): string | undefined {
  const file = join(scratch, "no-permission.json");
  writeFileSync(file, "{}");
  chmodSync(file, 0o000);
  for (const candidate of [file, "/proc/1/mem"]) {
    try {
      readFileSync(candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EACCES") return candidate;
    }
  }
  return undefined;
}

describe("validate: valid files", () => {
  it("exits 0 and prints only the summary for valid JSON, JSONC and JSON5 files", async () => {
    const files = ["valid/empty.json", "valid/custom-provider.json", "valid/moonshot-china.jsonc", "valid/kimi-code.json5", "valid/placeholders.json"];
    const result = await validate(...files.map(fixture));
    expect(result.code).toBe(0);
    expect(result.lines).toEqual(["5 files checked: 5 valid, 0 invalid (0 errors, 0 warnings)"]);
  });

  it("warns about retired and deprecated catalog models, naming the date and the replacement, and still exits 0", async () => {
    const file = fixture("warnings/retired-refs.json5");
    const result = await validate(file);
    expect(result.code).toBe(0);
    const retired = `warning: "moonshot/kimi-k2-0905-preview" (Kimi K2 0905) is retired as of 2026-05-25 and no longer answers requests; use \`moonshot/kimi-k2.6\` (Kimi K2.6) instead`;
    expect(result.lines).toEqual([
      `${at(file, `"moonshot/kimi-k2-0905-preview"`)}  agents.defaults.model.primary  ${retired}`,
      `${at(file, `"moonshot/kimi-latest"`)}  agents.defaults.model.fallbacks[0]  warning: "moonshot/kimi-latest" (Kimi Latest) is retired as of 2026-05-25 and no longer answers requests; use \`moonshot/kimi-k2.6\` (Kimi K2.6) instead`,
      `${at(file, `"moonshot/kimi-k2-0905-preview"`, "models: {")}  agents.defaults.models["moonshot/kimi-k2-0905-preview"]  ${retired}`,
      "1 file checked: 1 valid, 0 invalid (0 errors, 3 warnings)",
    ]);
  });

  it("warns about keys current host releases no longer take, saying what to write instead, and still exits 0", async () => {
    const file = fixture("warnings/retired-keys.jsonc");
    const result = await validate(file);
    expect(result.code).toBe(0);
    // A provider's own contextWindow and imageGenerationModel, which the host still takes, draw no warning.
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${at(file, `"nativeWebSearchTool"`)}  .*compat\\.nativeWebSearchTool  warning: .*remove it`)),
      expect.stringMatching(new RegExp(`^${at(file, `"requiresMistralToolIds"`)}  .*compat\\.requiresMistralToolIds  warning: .*remove it`)),
      "1 file checked: 1 valid, 0 invalid (0 errors, 2 warnings)",
    ]);
  });
});

describe("validate: invalid files", () => {
  it("reports unknown keys at the key, with a did-you-mean from the schema", async () => {
    const file = fixture("invalid/typos.jsonc");
    const result = await validate(file);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      `${at(file, `"fallbakcs"`)}  agents.defaults.model.fallbakcs  unknown key "fallbakcs" (did you mean \`fallbacks\`?)`,
      `${at(file, `"baseURL"`)}  models.providers.moonshot.baseURL  unknown key "baseURL" (did you mean \`baseUrl\`?)`,
      `${at(file, `"contextWindo"`)}  models.providers.moonshot.models[0].contextWindo  unknown key "contextWindo" (did you mean \`contextWindow\`?)`,
      "1 file checked: 0 valid, 1 invalid (3 errors, 0 warnings)",
    ]);
  });

  it("reports wrong values at the value, a failed union by the branch the value was meant for", async () => {
    const file = fixture("invalid/wrong-values.json");
    const result = await validate(file);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      `${at(file, `"merged"`)}  models.mode  must be one of "merge", "replace" (did you mean "merge"?)`,
      `${at(file, `"api.moonshot.ai/v1"`)}  models.providers.moonshot.baseUrl  must be an http(s) URL such as \`https://api.moonshot.ai/v1\` or start with a \`\${ENV_VAR}\` placeholder (an upper-case name: the host substitutes no other)`,
      `${at(file, `"openai-chat"`)}  models.providers.moonshot.api  must be one of ${API_VALUES.map((v) => `"${v}"`).join(", ")}`,
      `${at(file, `"big"`)}  models.providers.moonshot.models[0].contextWindow  must be a number, not the string "big"`,
      `${at(file, "1.5")}  models.providers.moonshot.models[0].maxTokens  must be a whole number, not the number 1.5`,
      `${at(file, "42")}  agents.defaults.model  must be a string or an object, not the number 42`,
      "1 file checked: 0 valid, 1 invalid (6 errors, 0 warnings)",
    ]);
  });

  it("checks what the JSON Schema cannot: refs, aliases and maxTokens against contextWindow", async () => {
    const file = fixture("invalid/refs.json5");
    const result = await validate(file);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      `${at(file, `"moonshot/kimi-k2.60"`)}  agents.defaults.model.primary  unknown model "moonshot/kimi-k2.60": Moonshot AI (\`moonshot\`) has no model "kimi-k2.60" (did you mean \`moonshot/kimi-k2.6\`?)`,
      `${at(file, `"fast"`, `"kimi-code/k3"`)}  agents.defaults.models["kimi-code/k3"].alias  alias "fast" is already used by agents.defaults.models["moonshot/kimi-k3"]; give each model its own alias`,
      `${at(file, "32768")}  models.providers.custom.models[0].maxTokens  maxTokens (32768) is larger than contextWindow (8192); write at most 8192`,
      "1 file checked: 0 valid, 1 invalid (3 errors, 0 warnings)",
    ]);
  });

  it("checks the refs of each agent under agents.entries, where the host keeps per-agent settings, as under agents.defaults", async () => {
    // The host's docs example, with the `work` agent's Kimi model mistyped and a fallback it no longer serves.
    const real = readFileSync(fixture("valid/docs-agent-entries.json5"), "utf8");
    const file = join(scratch, "agent-entries.json5");
    writeFileSync(file, real.replace(`primary: "moonshot/kimi-k2.6"`, `primary: "moonshot/kimi-k2-6"`).replace(`fallbacks: ["anthropic/claude-opus-4-6"]`, `fallbacks: ["moonshot/kimi-k2.5"]`));
    const result = await validate(file);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      `${at(file, `"moonshot/kimi-k2-6"`)}  agents.entries.work.model.primary  unknown model "moonshot/kimi-k2-6": Moonshot AI (\`moonshot\`) has no model "kimi-k2-6" (did you mean \`moonshot/kimi-k2.6\`?)`,
      `${at(file, `"moonshot/kimi-k2.5"`)}  agents.entries.work.model.fallbacks[0]  warning: "moonshot/kimi-k2.5" (Kimi K2.5) is retired as of 2026-08-31 and no longer answers requests; use \`moonshot/kimi-k2.6\` (Kimi K2.6) instead`,
      "1 file checked: 0 valid, 1 invalid (1 error, 1 warning)",
    ]);
  });

  it("warns of a misspelt agents.defaults or agents.entries, whose refs would otherwise go unchecked (the host refuses the key)", async () => {
    const real = readFileSync(fixture("valid/docs-agent-entries.json5"), "utf8");
    const file = join(scratch, "agents-typos.json5");
    writeFileSync(file, real.replace("defaults: {", "defualts: {").replace("entries: {", "entires: {"));
    const result = await validate(file);
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      `${at(file, "defualts")}  agents.defualts  warning: did you mean "defaults"? "defualts" is no key the host knows here, so it would refuse the file, and what it holds is not checked`,
      `${at(file, "entires")}  agents.entires  warning: did you mean "entries"? "entires" is no key the host knows here, so it would refuse the file, and what it holds is not checked`,
      "1 file checked: 1 valid, 0 invalid (0 errors, 2 warnings)",
    ]);
  });

  it("reports syntax errors at their position, in JSONC and in JSON5", async () => {
    const comma = fixture("invalid/missing-comma.json");
    const truncated = fixture("invalid/truncated.json5");
    const result = await validate(comma, truncated);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      `${at(comma, `"models"`)}  -  missing comma: add "," after the value that ends on line 4`,
      `${at(truncated, "}", "models: [")}  -  \`}\` stands where the array that opens at line 4, column 11 needs its \`]\`: close the array first`,
      "2 files checked: 0 valid, 0 invalid, 2 not parsed (2 errors, 0 warnings)",
    ]);
  });

  it("reads a .json or .jsonc file written in JSON5, as the host reads every config file", async () => {
    for (const name of ["openclaw.json", "openclaw.jsonc"]) {
      const file = join(scratch, name);
      writeFileSync(file, readFileSync(fixture("valid/kimi-code.json5"), "utf8"));
      const result = await validate(file);
      expect(result.code, result.lines.join("\n")).toBe(0);
    }
  });
});

describe("validate: exit codes", () => {
  it("exits 2 for a file that cannot be read, and says why", async () => {
    const missing = join(scratch, "nope.json");
    const result = await validate(fixture("valid/empty.json"), missing, scratch);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      `${missing}:1:1  -  cannot read the file: file not found; check the path`,
      `${scratch}:1:1  -  cannot read the file: is a directory, not a file; pass a config file`,
      "3 files checked: 1 valid, 0 invalid, 2 unreadable (2 errors, 0 warnings)",
    ]);
  });

  it("says what to do with a file it has no permission to read, not Node's own text", async (context) => {
    const file = unreadableFile();
    if (!file) return context.skip(); // no file this user is refused (root reads any file, and /proc/1/mem is not there)
    const result = await validate(file);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      `${file}:1:1  -  cannot read the file: permission denied; make the file readable (chmod +r) or run as a user who can read it`,
      "1 file checked: 0 valid, 0 invalid, 1 unreadable (1 error, 0 warnings)",
    ]);
  });

  it("names a UTF-16 file's encoding (exit 2) and warns at a byte that is not UTF-8, on a real config", async () => {
    // A config example of the host's docs, saved by an editor as UTF-16 and as Latin-1.
    const real = readFileSync(fixture("valid/docs-zh-cn-kimi-coding-k2p5.json5"), "utf8");
    const utf16 = join(scratch, "utf16.json5");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(real, "utf16le")]));
    const latin1 = join(scratch, "latin1.json5");
    const text = real.replace('alias: "Kimi K2.5"', 'alias: "Kimi K2.5 café"');
    writeFileSync(latin1, Buffer.from(text, "latin1"));
    const line = text.split("\n").findIndex((l) => l.includes("café"));
    const column = text.split("\n")[line]!.indexOf("é") + 1;

    const result = await validate(utf16, latin1);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      `${utf16}:1:1  -  cannot read the file: it is encoded as UTF-16 (little-endian); save it as UTF-8`,
      `${latin1}:${line + 1}:${column}  -  warning: the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252: this byte is not UTF-8); the host reads it as UTF-8 and this byte becomes U+FFFD: save the file as UTF-8`,
      "2 files checked: 1 valid, 0 invalid, 1 unreadable (1 error, 1 warning)",
    ]);
  });

  it("names a UTF-16 config saved without a byte-order mark by its encoding, not by a NUL character", async () => {
    const real = readFileSync(fixture("valid/docs-zh-cn-kimi-coding-k2p5.json5"), "utf8");
    const utf16 = join(scratch, "utf16-unmarked.json5");
    writeFileSync(utf16, Buffer.from(real, "utf16le"));
    const result = await validate(utf16);
    expect(result.code).toBe(2);
    expect(result.lines[0]).toBe(`${utf16}:1:1  -  cannot read the file: it is encoded as UTF-16 (little-endian, without a byte-order mark); save it as UTF-8`);
  });

  it("counts columns after a UTF-8 byte-order mark as an editor does: a file saved with one reports what the same file without one does", async () => {
    // Problems on line 1, where the mark stands: a wrong value, a dropped backslash, a key written twice;
    // a byte that is not UTF-8 (the file saved as Latin-1); a syntax error.
    const texts: Array<[string, string]> = [
      ["a.json", String.raw`{ "models": { "mode": "merg" }, "env": { "A": "C:\Users", "A": "x" } }`],
      ["latin1.json", '{ "env": { "CAFE": "café" } }'],
      ["b.json5", '{ models: { mode: "merge" }, "a": 1 "b": 2 }'],
    ];
    const problems = async (bom: boolean) => {
      const files = texts.map(([name, text]) => {
        const file = join(scratch, `${bom ? "marked" : "unmarked"}-${name}`);
        writeFileSync(file, Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, "latin1")]));
        return file;
      });
      const report = JSON.parse((await validate("--json", ...files)).stdout) as { files: Array<{ diagnostics: Array<{ line: number; column: number; rule: string }> }> };
      return report.files.map((f) => f.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`));
    };
    // Columns as an editor shows them: counted in the text, which holds no mark.
    const column = (i: number, needle: string, last = false) => (last ? texts[i]![1].lastIndexOf(needle) : texts[i]![1].indexOf(needle)) + 1;
    const expected = [
      [`1:${column(0, '"merg"')} config/schema`, `1:${column(0, "\\")} config/dropped-backslash`, `1:${column(0, '"A"', true)} config/duplicate-key`],
      [`1:${column(1, "é")} config/not-utf8`],
      [`1:${column(2, '"b"')} config/syntax`],
    ];
    expect(await problems(false)).toEqual(expected);
    expect(await problems(true)).toEqual(expected);
  });

  it("says what is wrong with a config that does not parse, at the place to fix, in a person's words", async () => {
    const cases: Array<[string, string, string]> = [
      // A string left open: at its quote, not at the end of the file.
      ["open-string.json", '{\n  "agents": {\n    "defaults": { "model": "moonshot/kimi-k3 }\n  }\n}\n', '3:28  -  end of input inside this string: add its closing " where the string ends'],
      // A trailing comma is fine in JSON5: the missing brackets are the problem.
      ["unclosed.json5", '{\n  agents: {\n    defaults: { model: "moonshot/kimi-k3" },\n\n', "5:1  -  end of input: the object that opens at line 2, column 11 is never closed; add `}}` at the end"],
      // A .json file written in JSON5: its JSON5 reading got further, so that error is the one shown.
      ["json5-style.json", "{ agents: { defaults: { model: 'moonshot/kimi-k3' } }", "1:54  -  end of input: the object that opens at line 1, column 1 is never closed; add `}` at the end"],
      // A block comment left open: at its `/*`, not at the brackets it swallowed.
      ["open-comment.jsonc", '{\n  "models": { "mode": "merge" }, /* agents below\n  "agents": {}\n}\n', "2:34  -  end of input inside this comment: add `*/` where the comment ends"],
      // Lines of a .env file: a whole file of them, or one pasted under `env`; the value (a key, often) is not repeated.
      ["dotenv.json", "# keys\n\nOPENAI_API_KEY=sk-test\nexport MOONSHOT_API_KEY=sk-test\n", '3:1  -  this is a `.env` file (`OPENAI_API_KEY=…` lines), not a config: put such lines in `~/.openclaw/.env`, or write them in the config as `{ env: { OPENAI_API_KEY: "…" } }`'],
      ["dotenv-line.json5", "{\n  env: {\n    MOONSHOT_API_KEY=sk-test\n  },\n}\n", '3:21  -  `MOONSHOT_API_KEY=…` is written as in a `.env` file: in the config, write `MOONSHOT_API_KEY: "…"` (a colon after the name, the value in quotes)'],
      ["wrong-closer.json", '{ "a": 1, "b": [1, 2,\n}', "2:1  -  `}` stands where the array that opens at line 1, column 16 needs its `]`: close the array first"],
      ["lone-closer.json", "}}", "1:1  -  `}` closes nothing: no `{` is open here; remove it"],
      // The host's Kimi Code example with the line closing its provider written twice: that line, not the last `}`.
      [
        "closing-line-twice.json5",
        '{\n  models: {\n    providers: {\n      "kimi-code": {\n        api: "openai-completions",\n        models: [{ id: "kimi-for-coding", name: "Kimi For Coding" }]\n      }\n      }\n    }\n  }\n}\n',
        "8:7  -  `}` is the closing bracket too many, by the indentation: the text closes one bracket more than it opens (the `}` at line 11, column 1 is left with nothing to close); remove this one",
      ],
      ["nul.json", '{"agents": {}}\u0000', "1:15  -  an invisible character (U+0000) stands here; remove it"],
      ["two-values.json", '{"agents": {}}\n{}\n', "2:1  -  unexpected text after the end of the value: a file holds one value; remove this, or merge it into the value above"],
      ["control.json", '{"agents": \u0001{}}', "1:12  -  an invisible character (U+0001) stands here; remove it"],
      ["zero-width.json", '{"agents":\u200b {}}', "1:11  -  an invisible character (U+200B) stands here; remove it"],
      ["smart-quotes.json", '{\u201cagents\u201d: {}}', "1:2  -  a typographic quote \u201c (U+201C) stands here: JSON takes straight quotes (\") around strings and keys"],
      // A closing quote left out mid-file: named at the string it belongs to, not at the next line.
      ["quote-missing.json", '{"env": { "A": "b },\n  "agents": {}}', '1:16  -  this string runs on over a line break: its closing " is probably missing on this line'],
      ["quote-missing-inline.json", '{ "primary": "moonshot/kimi-k3, "fallbacks": [] }', '1:14  -  this string ends right where a word begins: a closing " is probably missing inside it'],
      ["bare-word-after.json", '{"env": {"A": "b"}} trailing', "1:21  -  unexpected text after the end of the value: a file holds one value; remove this, or merge it into the value above"],
      ["python-true.json", '{ "reasoning": True }', "1:16  -  `True` was not expected here: JSON writes true, false and null in lower case"],
      // A Windows path: at the backslash, saying how to write one (this text once made the run hang).
      ["windows-path.json", '{ "agents": { "defaults": { "workspace": "C:\\users\\me" } } }', "1:45  -  `\\u` starts an escape of four hex digits (`\\u00e9`): to write a backslash itself, double it (`\\\\`); a Windows path may also use / (`C:/Users/me`)"],
      ["bad-unicode.json5", '{ a: "\\uZZZZ" }', "1:7  -  `\\u` starts an escape of four hex digits (`\\u00e9`): to write a backslash itself, double it (`\\\\`); a Windows path may also use / (`C:/Users/me`)"],
      ["ends-in-backslash.json5", '{ a: "\\', '1:6  -  end of input inside this string: add its closing " where the string ends'],
      // What the host's JSON5 reader refuses, though the parser here would take it.
      ["raw-line-break.json5", '{ note: "line1\nline2" }', "1:15  -  a line break inside a string: end the string on its line, write the break as `\\n`, or end the line with `\\` to continue the string (JSON5)"],
      ["stray-backslash.json", '{ "a": \\\n 1 }\n', "1:8  -  a backslash (`\\`) stands here, outside any string: remove it (in a string, it begins an escape such as `\\n`)"],
      // Two commas in a row: at the second, saying to remove one.
      ["double-comma.json", '{\n  "a": 1,,\n}\n', "2:10  -  two commas in a row: remove one"],
      // A leading zero: at the zero, with the number to write, in JSON5 and in JSON.
      ["leading-zero.json5", "{\n  models: { providers: { moonshot: { maxTokens: 08192 } } }\n}\n", "2:49  -  numbers do not start with 0: write `8192`"],
      ["leading-zero.json", '{ "a": -007.5 }', "1:9  -  numbers do not start with 0: write `-7.5`"],
      // `undefined` is JavaScript's, not JSON's.
      ["undefined.json5", '{\n  "a": undefined\n}\n', "2:8  -  `undefined` is not a JSON value: write null, or leave the key out"],
      ["undefined.json", '{ "a": undefined }', "1:8  -  `undefined` is not a JSON value: write null, or leave the key out"],
      ["octal.json5", '{ a: "\\01" }', "1:7  -  `\\01` is an octal escape, which JSON5 and JSON do not allow: write the character as `\\u00XX`, or double the backslash (`\\\\`) to write one"],
    ];
    for (const [name, text, expected] of cases) {
      const file = join(scratch, name);
      writeFileSync(file, text);
      const result = await validate(file);
      expect(result.code).toBe(2);
      expect(result.lines[0]).toBe(`${file}:${expected}`);
      expect(result.lines[0]).not.toMatch(/[\u0000-\u0008]/);
    }
  });

  it("reads values nested up to 1,000 levels deep, objects and arrays alike, and stops at the bracket that goes past them", async () => {
    // As reported: 2,500 objects nested under a model's params.
    const params = (inner: string) => `{"agents":{"defaults":{"models":{"moonshot/kimi-k2.6":{"params":${inner}}}}}}`;
    const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const arrays = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const write = (name: string, text: string) => {
      writeFileSync(join(scratch, name), text);
      return join(scratch, name);
    };
    // params is the fifth level, so 995 more make 1,000.
    const fine = [write("deep-objects.json", params(objects(995))), write("deep-arrays.json5", params(`{ x: ${arrays(994)} }`))];
    const fineRun = await validate(...fine);
    expect(fineRun.lines).toEqual(["2 files checked: 2 valid, 0 invalid (0 errors, 0 warnings)"]);

    const tooDeep = "values are nested more than 1000 levels deep here; no config needs this: flatten it";
    const deep = write("deep-params-2500.json", params(objects(2500)));
    const deepArrays = write("deep-arrays-5000.json", `{ "env": ${arrays(5000)} }`);
    const result = await validate(deep, deepArrays);
    expect(result.code).toBe(2);
    // At the bracket that opens the 1,001st level: after 5 levels of the config and 995 of params; after 1 and 999.
    const paramsAt = params("").length - "}}}}}".length;
    expect(result.lines).toEqual([
      `${deep}:1:${paramsAt + 995 * '{"a":'.length + 1}  -  ${tooDeep}`,
      `${deepArrays}:1:${'{ "env": '.length + 999 + 1}  -  ${tooDeep}`,
      "2 files checked: 0 valid, 0 invalid, 2 not parsed (2 errors, 0 warnings)",
    ]);
  });

  it("warns where JSON5 drops a backslash (`C:\Users` reads `C:Users`), once per string, and not for escapes that mean something", async () => {
    const file = join(scratch, "windows-capital.json");
    writeFileSync(file, String.raw`{ "agents": { "defaults": { "workspace": "C:\Users\me", "fine": "a\\b \n \t \" \/ \u00e9" } } }` + "\n");
    const result = await validate(file);
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      String.raw`${file}:1:45  -  warning: ` + "`\\U` reads as `U`: the backslash is dropped, so a Windows path such as `C:\\Users` loses it; to keep it, double it (`\\\\`), or write the path with `/`",
      "1 file checked: 1 valid, 0 invalid (0 errors, 1 warning)",
    ]);
  });

  it("accepts what the host's JSON5 reader accepts in strings: an escaped line break, \\0, a doubled backslash, a tab", async () => {
    const file = join(scratch, "fine-strings.json5");
    writeFileSync(file, '{ gateway: { a: "one \\\ntwo", b: "\\0", c: "C:\\\\users", d: "a\tb", e: "\u2028" } }\n');
    const result = await validate(file);
    expect(result.code, result.stdout).toBe(0);
  });

  it("gives a file that does not parse the status unparsable in --json, as its summary counts it", async () => {
    const file = join(scratch, "unparsable.json");
    writeFileSync(file, '{ "a": 1,, }');
    const run = await validate("--json", file);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.files[0].status).toBe("unparsable");
    expect(report.summary).toMatchObject({ files: 1, valid: 0, invalid: 0, unparsable: 1, unreadable: 0 });
  });

  it("says a file holds no value when it is empty or only comments (exit 2), not just 'Unexpected end of input found.'", async () => {
    const empty = join(scratch, "empty-config.json");
    writeFileSync(empty, "");
    const comments = join(scratch, "comments-only.json5");
    writeFileSync(comments, "// openclaw.json: filled in by `openclaw onboard`\n/* nothing yet */\n");
    const result = await validate(empty, comments);
    expect(result.code).toBe(2);
    const says = "no value before the end of input: the text is empty or holds only white space and comments (an empty object is `{}`)";
    expect(result.lines.slice(0, 2)).toEqual([`${empty}:1:1  -  ${says}`, `${comments}:3:1  -  ${says}`]);
  });

  it("exits 1 when one of several files is invalid", async () => {
    expect((await validate(fixture("valid/empty.json"), fixture("invalid/refs.json5"))).code).toBe(1);
  });

  it("exits 2 without a file, or with an unknown option", async () => {
    const none = await validate();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no file given");
    const unknown = await validate("--strict", fixture("valid/empty.json"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--strict");
  });

  it("says in its own words what is wrong with the arguments: an empty value, a value for a switch, stdin twice", async () => {
    const cases: Array<[string[], string]> = [
      [["--catalog=", fixture("valid/empty.json")], "validate: --catalog takes a value (--catalog FILE); an empty one was given"],
      [["--env=1", fixture("valid/empty.json")], "validate: --env is a switch and takes no value; write --env alone"],
      [["-", "-"], "validate: `-` (standard input) is given more than once; it can be read once"],
    ];
    for (const [args, says] of cases) {
      const result = await validate(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(says);
    }
    const help = await validate("-h", "extra");
    expect([help.code, help.stdout.split("\n")[0]]).toEqual([0, "Usage: kimi-config-sync validate FILE... [options]"]);
  });
});

describe("validate --json", () => {
  it("prints one JSON report with every diagnostic, its position, rule and severity", async () => {
    const result = await validate("--json", fixture("warnings/retired-refs.json5"), fixture("invalid/typos.jsonc"));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.exitCode).toBe(1);
    expect(report.summary).toEqual({ files: 2, valid: 1, invalid: 1, unparsable: 0, unreadable: 0, errors: 3, warnings: 3 });
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(["valid", "invalid"]);
    const [first] = report.files[1].diagnostics;
    expect(first).toEqual({
      file: fixture("invalid/typos.jsonc"),
      line: 4,
      column: 51,
      endLine: 4,
      endColumn: 62,
      rule: "config/unknown-key",
      message: 'unknown key "fallbakcs" (did you mean `fallbacks`?)',
      severity: "error",
      path: "agents.defaults.model.fallbakcs",
    });
    expect(report.files[0].diagnostics.every((d: { severity: string; rule: string }) => d.severity === "warning" && d.rule === "config/inactive-model")).toBe(true);
  });

  it("warns about a key written twice, at the second, and counts the file valid (exit 0): the host reads it, the later value winning", async () => {
    const file = join(scratch, "twice.json5");
    writeFileSync(file, '{\n  agents: { defaults: { model: "moonshot/kimi-k2.6" } },\n  models: { mode: "merge", mode: "replace" },\n}\n');
    const says = 'key "mode" is already set at line 3, column 13; this later one would replace it: merge the two or remove one';
    const text = await validate(file);
    expect(text.code).toBe(0);
    expect(text.lines).toEqual([`${file}:3:28  models.mode  warning: ${says}`, "1 file checked: 1 valid, 0 invalid (0 errors, 1 warning)"]);
    const json = await validate("--json", file);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.summary).toEqual({ files: 1, valid: 1, invalid: 0, unparsable: 0, unreadable: 0, errors: 0, warnings: 1 });
    expect(report.files[0]).toMatchObject({ status: "valid", diagnostics: [{ line: 3, column: 28, rule: "config/duplicate-key", severity: "warning", message: says }] });
  });
});

describe("validate --env", () => {
  const file = fixture("valid/placeholders.json");

  it("accepts `${VAR}` placeholders without --env, and warns of unset variables with it, as the host does", async () => {
    vi.stubEnv("UNSET_BASE_URL", undefined);
    vi.stubEnv("UNSET_KEY_SUFFIX", undefined);
    vi.stubEnv("DEFINED_HERE", undefined);
    try {
      expect((await validate(file)).lines).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
      // The host keeps such a placeholder as written and loads the config with a warning (docs/gateway/config-secrets-env.md).
      const result = await validate("--env", file);
      expect(result.code).toBe(0);
      expect(result.lines).toEqual([
        `${at(file, `"\${UNSET_BASE_URL}"`)}  models.providers.p.baseUrl  warning: environment variable UNSET_BASE_URL is not set, so the host leaves "\${UNSET_BASE_URL}" as written and the feature using this value will be unavailable: export it, or define it under "env" in this file`,
        `${at(file, `"\${DEFINED_HERE}`)}  models.providers.p.apiKey  warning: environment variable UNSET_KEY_SUFFIX is not set, so the host leaves "\${UNSET_KEY_SUFFIX}" as written and the feature using this value will be unavailable: export it, or define it under "env" in this file`,
        "1 file checked: 1 valid, 0 invalid (0 errors, 2 warnings)",
      ]);
      const json = JSON.parse((await validate("--env", "--json", file)).stdout);
      expect(json.summary).toMatchObject({ valid: 1, invalid: 0, errors: 0, warnings: 2 });
      expect(json.files[0].diagnostics.map((d: { rule: string; severity: string }) => [d.rule, d.severity])).toEqual([
        ["config/unset-env", "warning"],
        ["config/unset-env", "warning"],
      ]);
      vi.stubEnv("UNSET_BASE_URL", "https://llm.example.com/v1");
      // Empty is missing to the host, as unset is.
      vi.stubEnv("UNSET_KEY_SUFFIX", "");
      expect((await validate("--env", file)).lines).toEqual([
        `${at(file, `"\${DEFINED_HERE}`)}  models.providers.p.apiKey  warning: environment variable UNSET_KEY_SUFFIX is empty, which the host counts as not set, so it leaves "\${UNSET_KEY_SUFFIX}" as written and the feature using this value will be unavailable: give it a value`,
        "1 file checked: 1 valid, 0 invalid (0 errors, 1 warning)",
      ]);
      vi.stubEnv("UNSET_KEY_SUFFIX", "-suffix");
      expect((await validate("--env", file)).lines).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("counts variables set in the .env files the host reads: its working folder's, then its state folder's, neither over one already set", async () => {
    const stateFolder = join(scratch, "state");
    const workingFolder = join(scratch, "working");
    mkdirSync(stateFolder, { recursive: true });
    mkdirSync(workingFolder, { recursive: true });
    writeFileSync(join(stateFolder, ".env"), "# the host's own\nexport UNSET_BASE_URL=https://llm.example.com/v1\n");
    writeFileSync(join(workingFolder, ".env"), 'UNSET_KEY_SUFFIX="-suffix" # beside the gateway\n');
    vi.stubEnv("UNSET_BASE_URL", undefined);
    vi.stubEnv("UNSET_KEY_SUFFIX", undefined);
    vi.stubEnv("OPENCLAW_STATE_DIR", stateFolder);
    // Run as `pnpm validate` from the working folder (the package manager names it in INIT_CWD).
    vi.stubEnv("INIT_CWD", workingFolder);
    vi.stubEnv("npm_package_json", join(process.cwd(), "package.json"));
    const config = join(process.cwd(), file);
    try {
      expect((await validate("--env", config)).lines).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
      // A variable set, even empty, is not replaced by a file's: empty is still missing to the host.
      vi.stubEnv("UNSET_KEY_SUFFIX", "");
      expect((await validate("--env", config)).lines.map((l) => /environment variable (\w+) is (\w+)/.exec(l)?.slice(1).join(" ") ?? l)).toEqual([
        "UNSET_KEY_SUFFIX empty",
        "1 file checked: 1 valid, 0 invalid (0 errors, 1 warning)",
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("reads placeholders as the host does: env.vars set variables, $${VAR} is a literal, lower-case names are no variables", async () => {
    const config = join(scratch, "env-rules.json5");
    writeFileSync(config, [
      "{ env: { vars: { FROM_VARS: \"x\" }, EMPTY_HERE: \"\" },",
      "  models: { providers: { moonshot: { apiKey: \"${FROM_VARS}\",",
      "    headers: { \"X-A\": \"$${ESCAPED}\", \"X-B\": \"${lower_case}\", \"X-C\": \"${EMPTY_HERE}\", \"X-E\": \"${U2}${U2}\" } } } } }",
    ].join("\n"));
    vi.stubEnv("U2", undefined);
    vi.stubEnv("EMPTY_HERE", undefined);
    try {
      const result = await validate("--env", config);
      expect(result.code).toBe(0);
      expect(result.lines.filter((l) => l.includes("environment variable")).map((l) => /environment variable (\w+) is (not set|empty)/.exec(l)!.slice(1).join(" ")))
        .toEqual(["EMPTY_HERE empty", "U2 not set"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("validate --catalog", () => {
  it("uses the given catalog for lifecycle warnings", async () => {
    // A catalog in which kimi-k2.7-code has been deprecated in favour of kimi-k3.
    // (Doc groups and the examples built from them are dropped: groups may list only current models.)
    const catalog = parseJsonSource(readFileSync("schema/catalog.jsonc", "utf8"), "jsonc").value as {
      providers: Array<{ id: string; models: Array<{ id: string; lifecycle: { status: string; date?: string; replacement?: string } }> }>;
      docGroups: unknown[];
      examples?: unknown[];
    };
    catalog.docGroups = [];
    delete catalog.examples;
    for (const model of catalog.providers.find((p) => p.id === "moonshot")!.models) {
      if (model.id === "kimi-k2.7-code") model.lifecycle = { status: "deprecated", date: "2026-09-01", replacement: "kimi-k3" };
    }
    const file = join(scratch, "catalog.jsonc");
    writeFileSync(file, JSON.stringify(catalog, null, 2));
    const result = await validate("--catalog", file, "examples/openclaw.json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.lines.filter((l) => l.includes("kimi-k2.7-code") && l.includes("deprecated as of 2026-09-01"))).toHaveLength(2);
  });

  it("exits 2 when the catalog cannot be read, naming it", async () => {
    const result = await validate("--catalog", join(scratch, "missing.jsonc"), "examples/openclaw.json");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing.jsonc:1:1");
    expect(result.stderr).toContain("nothing was validated");
  });
});

describe("pnpm validate (the built command)", () => {
  it("runs through scripts/bin.cjs with the same output and exit code", () => {
    const run = spawnSync(process.execPath, ["scripts/bin.cjs", "validate", "examples/openclaw.json", fixture("invalid/typos.jsonc")], {
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${at(fixture("invalid/typos.jsonc"), `"contextWindo"`)}  models.providers.moonshot.models[0].contextWindo  unknown key`);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("2 files checked: 1 valid, 1 invalid (3 errors, 0 warnings)");
  });
});
