// `validate FILE` follows the `$include`s of a config on disk as the host does (its
// src/config/includes.ts): what the included files hold is checked where it is written,
// and an include the host could not follow is an error; on standard input nothing is read.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../scripts/cli.ts";
import { processContext } from "../scripts/commands/context.ts";
import { CONFIG_SCHEMA, createLanguageService, fileUri, open } from "./editor-support.ts";

const scratch = mkdtempSync(join(tmpdir(), "validate-includes-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A config folder holding these files; returns its path. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, "config-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function validate(args: string[], stdin = "", env: NodeJS.ProcessEnv = {}, cwd?: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const base = processContext();
  const context = { ...base, ...(cwd ? { cwd } : {}), env: { ...base.env, OPENCLAW_INCLUDE_ROOTS: "", ...env }, argv: ["validate", ...args], readStdin: () => Buffer.from(stdin) };
  const code = await main(["validate", ...args], { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) }, context);
  return { code, lines: stdout.join("\n").split("\n").filter((l) => l !== ""), stderr: stderr.join("\n") };
}

/** `file:line:column` of `needle` in the file. */
function at(file: string, needle: string): string {
  const text = readFileSync(file, "utf8");
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${file} does not contain ${needle}`);
  const before = text.slice(0, offset).split("\n");
  return `${file}:${before.length}:${before.at(-1)!.length + 1}`;
}

describe("validate follows $include", () => {
  it("takes a ref to a model an included file defines with a catalog model's id in another case, and so does the editor, which cannot read that file", async () => {
    const main = `{
  "agents": { "defaults": { "model": "moonshot/Kimi-K2.6", "models": { "moonshot/Kimi-K2.6": {} } } },
  "models": { "providers": { "moonshot": { "$include": "./moonshot.json" } } }
}
`;
    const own = `{ "models": [{ "id": "Kimi-K2.6", "name": "Kimi K2.6 (fine-tuned)" }] }\n`;
    const dir = folder({ "openclaw.json": main, "moonshot.json": own });
    const { code, lines } = await validate([join(dir, "openclaw.json")]);
    expect({ code, lines }).toEqual({ code: 0, lines: [expect.stringMatching(/^1 file checked: 1 valid/)] });
    // The editor sees only the $include: wherever one stands on the way to a provider's models, it leaves the case rule
    // to validate rather than call a ref to a model it cannot see an error.
    const editor = createLanguageService([{ uri: fileUri(CONFIG_SCHEMA), fileMatch: ["openclaw.json"] }]);
    for (const text of [
      main,
      main.replace(`{ "moonshot": { "$include": "./moonshot.json" } }`, `{ "moonshot": { "models": { "$include": "./models.json" } } }`),
      main.replace(`{ "providers": { "moonshot": { "$include": "./moonshot.json" } } }`, `{ "$include": "./models.json" }`),
      main.replace(`"models": { "providers": { "moonshot": { "$include": "./moonshot.json" } } }`, `"$include": "./more.json"`),
    ]) {
      expect(await open(editor, join(dir, "openclaw.json"), text).diagnostics(), text).toEqual([]);
    }
    // Without any $include the rule holds.
    const plain = main.replace(`"models": { "providers": { "moonshot": { "$include": "./moonshot.json" } } }`, `"models": {}`);
    expect((await open(editor, join(dir, "openclaw.json"), plain).diagnostics()).map((d) => d.message)).toEqual([
      'Model ids are case-sensitive: write "moonshot/kimi-k2.6".',
      'Model ids are case-sensitive: write "moonshot/kimi-k2.6".',
    ]);
  });

  it("checks what included files hold, each problem at its place in the file that holds it", async () => {
    const dir = folder({
      "openclaw.json5": '{\n  agents: { defaults: { model: { $include: "./agents/model.json5" } } },\n  models: { $include: "./models.json5" },\n}\n',
      "agents/model.json5": '{\n  primary: "moonshot/kimi-k9",\n  fallbacks: ["moonshot/kimi-k2.5"],\n}\n',
      "models.json5": '{ providers: { proxy: { baseUrl: "not a url", models: [] } } }\n',
    });
    const result = await validate([join(dir, "openclaw.json5")]);
    expect(result.code, result.lines.join("\n")).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${at(join(dir, "agents/model.json5"), '"moonshot/kimi-k9"')}  agents\\.defaults\\.model\\.primary  unknown model "moonshot/kimi-k9"`)),
      expect.stringMatching(new RegExp(`^${at(join(dir, "agents/model.json5"), '"moonshot/kimi-k2.5"')}  agents\\.defaults\\.model\\.fallbacks\\[0\\]  warning: "moonshot/kimi-k2.5"`)),
      expect.stringMatching(new RegExp(`^${at(join(dir, "models.json5"), '"not a url"')}  models\\.providers\\.proxy\\.baseUrl  must be an http\\(s\\) URL`)),
      "1 file checked: 0 valid, 1 invalid (2 errors, 1 warning)",
    ]);
  });

  it("merges as the host does: a list of files in order, lists one after the other, keys beside $include over the included object", async () => {
    const dir = folder({
      "openclaw.json5": [
        "{",
        '  models: { $include: ["./providers/a.json5", "./providers/b.json5"] },',
        '  agents: { defaults: { model: { $include: "./model.json5", fallbacks: ["proxy/second"] } } },',
        "}",
      ].join("\n"),
      "providers/a.json5": '{ providers: { proxy: { baseUrl: "https://proxy.example/v1", models: [{ id: "first", name: "First" }] } } }',
      "providers/b.json5": '{ providers: { proxy: { apiKey: "${PROXY_KEY}", models: [{ id: "second", name: "Second" }] } } }',
      "model.json5": '{ primary: "proxy/first", fallbacks: ["proxy/first"] }',
    });
    const result = await validate([join(dir, "openclaw.json5")]);
    // Each file alone lacks what the other gives (a baseUrl, the model "second"): merged, nothing is missing.
    expect(result.lines, result.stderr).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
    expect(result.code).toBe(0);
  });

  it("an include the host could not follow is an error at the $include that names it", async () => {
    const dir = folder({
      "conf/openclaw.json5": [
        "{",
        '  models: { $include: "../outside.json5" },',
        '  auth: { $include: "./parts/loop-a.json5" },',
        '  agents: { $include: "./broken.json5" },',
        '  env: { $include: "./missing.json5" },',
        "}",
      ].join("\n"),
      "outside.json5": "{}",
      "conf/parts/loop-a.json5": '{ $include: "./loop-b.json5" }',
      "conf/parts/loop-b.json5": '{ $include: "./loop-a.json5" }',
      "conf/broken.json5": "{ defaults: { model: 'x' },, }",
    });
    const config = join(dir, "conf/openclaw.json5");
    const result = await validate([config]);
    expect(result.code, result.lines.join("\n")).toBe(1);
    const parts = join(dir, "conf/parts");
    expect(result.lines).toEqual([
      `${at(join(dir, "conf/broken.json5"), ",,")}  -  two commas in a row: remove one`.replace(/:(\d+)  -/, (_, c) => `:${Number(c) + 1}  -`),
      expect.stringMatching(new RegExp(`^${at(config, '"../outside.json5"')}  -  "../outside.json5" leads outside the folder of the config`)),
      expect.stringMatching(new RegExp(`^${at(config, '"./broken.json5"')}  -  the included file "./broken.json5" cannot be parsed`)),
      expect.stringMatching(new RegExp(`^${at(config, '"./missing.json5"')}  -  cannot read the included file "./missing.json5" .*: there is no such file`)),
      expect.stringMatching(new RegExp(`^${at(join(parts, "loop-b.json5"), '"./loop-a.json5"')}  -  "./loop-a.json5" is included again by itself \\(openclaw.json5 -> parts/loop-a.json5 -> parts/loop-b.json5 -> parts/loop-a.json5\\)`)),
      "1 file checked: 0 valid, 1 invalid (5 errors, 0 warnings)",
    ]);
  });

  it("takes files from the folders of OPENCLAW_INCLUDE_ROOTS, as the host does, and checks them too", async () => {
    const dir = folder({
      "home/openclaw.json5": '{ models: { $include: "../shared/models.json5" } }',
      "shared/models.json5": '{ providers: { moonshot: { baseUrl: "https://api.moonshot.ai/v1", models: [{ id: "kimi-k9", name: "K9" }] } } }',
    });
    const config = join(dir, "home/openclaw.json5");
    const outside = await validate([config]);
    expect(outside.lines[0]).toMatch(/"\.\.\/shared\/models\.json5" leads outside the folder of the config .*list its folder in OPENCLAW_INCLUDE_ROOTS$/);
    const allowed = await validate([config], "", { OPENCLAW_INCLUDE_ROOTS: `/nowhere:${join(dir, "shared")}` });
    expect(allowed.lines, allowed.stderr).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
  });

  it("an empty list of includes merges nothing, as in the host: no error, and the object keeps what it holds", async () => {
    const dir = folder({ "openclaw.json5": '{ models: { $include: [], mode: "merge" }, agents: { defaults: { $include: [] } } }' });
    const result = await validate([join(dir, "openclaw.json5")]);
    expect(result.lines, result.stderr).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
    const stdin = await validate(["-"], '{ models: { $include: [] } }');
    expect(stdin.lines).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
  });

  it("a file whose name begins with two dots is inside the folder, as for the host; the folder itself is not a file", async () => {
    // The host's isPathInside refuses `..` as a path segment, not a name that begins with it.
    const dir = folder({
      "openclaw.json5": '{ models: { $include: "./..shared.json5" }, env: { $include: "." } }',
      "..shared.json5": '{ mode: "merged" }',
    });
    const config = join(dir, "openclaw.json5");
    const result = await validate([config]);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${at(join(dir, "..shared.json5"), '"merged"')}  models\\.mode  must be one of`)),
      expect.stringMatching(new RegExp(`^${at(config, '"."')}  -  cannot read the included file "\\." .*: it is a folder, not a file`)),
      "1 file checked: 0 valid, 1 invalid (2 errors, 0 warnings)",
    ]);
  });

  it("a file included twice (two files including the same third) is read twice, but what is wrong in it is said once", async () => {
    const dir = folder({
      "openclaw.json5": '{ $include: ["./a.json5", "./b.json5"] }',
      "a.json5": '{ $include: "./c.json5" }',
      "b.json5": '{ $include: "./c.json5" }',
      "c.json5": '{ env: { vars: { A: "1", A: "2", DIR: "C:\\Users" } } }',
    });
    const result = await validate([join(dir, "openclaw.json5")]);
    expect(result.lines, result.stderr).toEqual([
      expect.stringMatching(new RegExp(`^${at(join(dir, "c.json5"), 'A: "2"')}  env\\.vars\\.A  warning: key "A" is already set`)),
      expect.stringMatching(new RegExp(`^${join(dir, "c.json5")}:1:\\d+  -  warning: \`\\\\U\` reads as \`U\``)),
      "1 file checked: 1 valid, 0 invalid (0 errors, 2 warnings)",
    ]);
  });

  it("an included file that is not UTF-8 is named as such: UTF-16 cannot be read, a Latin-1 byte is a warning at it", async () => {
    const dir = folder({ "openclaw.json5": '{ models: { $include: "./wide.json5" }, env: { $include: "./latin.json5" } }' });
    writeFileSync(join(dir, "wide.json5"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ mode: "merge" }', "utf16le")]));
    writeFileSync(join(dir, "latin.json5"), Buffer.concat([Buffer.from('{ vars: { CITY: "Z'), Buffer.from([0xfc]), Buffer.from('rich" } }')]));
    const config = join(dir, "openclaw.json5");
    const result = await validate([config]);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${join(dir, "latin.json5")}:1:19  -  warning: .*not UTF-8`)),
      expect.stringMatching(new RegExp(`^${at(config, '"./wide.json5"')}  -  cannot read the included file "\\./wide\\.json5" .*: it is encoded as UTF-16 \\(little-endian\\); save it as UTF-8`)),
      "1 file checked: 0 valid, 1 invalid (1 error, 1 warning)",
    ]);
  });

  it("names an included file as the user named the config: relative to their folder (also above it) or absolute", async () => {
    const dir = folder({
      "a.json5": '{ $include: "./shared.json5" }',
      "..b.json5": '{ $include: "./shared.json5" }',
      "shared.json5": "{ env: { vars: { A: 1 } } }",
      "sub/c.json5": '{ $include: "./here.json5" }',
      "sub/here.json5": "{ env: { vars: { B: 2 } } }",
    });
    const problem = (file: string, column: number, key: string) => `${file}:1:${column}  env.vars.${key}  must be a string, not the number ${key === "A" ? 1 : 2}`;
    const fromSub = await validate(["../a.json5", "c.json5"], "", {}, join(dir, "sub"));
    expect(fromSub.lines).toEqual([problem("../shared.json5", 21, "A"), problem("here.json5", 21, "B"), "2 files checked: 0 valid, 2 invalid (2 errors, 0 warnings)"]);
    const fromDir = await validate(["..b.json5", join(dir, "sub/c.json5")], "", {}, dir);
    expect(fromDir.lines).toEqual([problem("shared.json5", 21, "A"), problem(join(dir, "sub/here.json5"), 21, "B"), "2 files checked: 0 valid, 2 invalid (2 errors, 0 warnings)"]);
  });

  it("names a key written twice in an included file by its path in the merged config", async () => {
    const dir = folder({
      "openclaw.json5": '{ models: { $include: ["./models.json5"] } }',
      "models.json5": '{ providers: { $include: "./providers.json5" }, mode: "merge", mode: "replace" }',
      "providers.json5": '{ proxy: { baseUrl: "https://proxy.example/v1", baseUrl: "https://proxy.example/v2", models: [] } }',
    });
    const result = await validate([join(dir, "openclaw.json5")]);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${at(join(dir, "models.json5"), 'mode: "replace"')}  models\\.mode  warning: key "mode" is already set`)),
      expect.stringMatching(new RegExp(`^${at(join(dir, "providers.json5"), 'baseUrl: "https://proxy.example/v2"')}  models\\.providers\\.proxy\\.baseUrl  warning: key "baseUrl"`)),
      "1 file checked: 1 valid, 0 invalid (0 errors, 2 warnings)",
    ]);
  });

  it("a link in the config's folder to a file outside it is refused as the host does, and said to be a link", async () => {
    const dir = folder({ "conf/openclaw.json5": '{ models: { $include: "./models.json5" } }', "elsewhere/models.json5": "{}" });
    symlinkSync(join(dir, "elsewhere/models.json5"), join(dir, "conf/models.json5"));
    const config = join(dir, "conf/openclaw.json5");
    const result = await validate([config]);
    expect(result.lines).toEqual([
      `${at(config, '"./models.json5"')}  -  "./models.json5" is a link to ${realpathSync(join(dir, "elsewhere/models.json5"))}, outside the folder of the config (${join(dir, "conf")}), ` +
        "and the host refuses to include files from outside them: move the file there, or list its folder in OPENCLAW_INCLUDE_ROOTS",
      "1 file checked: 0 valid, 1 invalid (1 error, 0 warnings)",
    ]);
  });

  it("an included file with a second hard link is refused, as the host refuses it", async () => {
    // The host opens an include with its fs-safe guards, which reject a file that has more than one hard link.
    const dir = folder({ "openclaw.json5": '{ models: { $include: "./models.json5" } }', "models.json5": '{ mode: "merge" }' });
    linkSync(join(dir, "models.json5"), join(dir, "models.backup.json5"));
    const config = join(dir, "openclaw.json5");
    const result = await validate([config]);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${at(config, '"./models.json5"')}  -  cannot read the included file "\\./models\\.json5" .*: it has 2 hard links .*; the host refuses`)),
      "1 file checked: 0 valid, 1 invalid (1 error, 0 warnings)",
    ]);
  });

  it("a path written with Windows separators, which name no folder here, is told to use `/`", async () => {
    const dir = folder({ "openclaw.json5": '{ models: { $include: ".\\\\parts\\\\models.json5" } }', "parts/models.json5": "{}" });
    const result = await validate([join(dir, "openclaw.json5")]);
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatch(/there is no such file \(a `\\` separates folders only on Windows: write the path with `\/`\)/);
  });

  it("a config on standard input has no folder to read from: its includes are taken on trust, as before", async () => {
    const result = await validate(["-"], '{ models: { providers: { proxy: { $include: "./proxy.json5" } } }, agents: { defaults: { model: "proxy/any" } } }');
    expect(result.lines).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
    expect(result.code).toBe(0);
  });
});
