// Real config files, as users write them: every valid one passes `validate` and VS
// Code's JSON engine on the generated schema with no error; every file with one
// mistake fails `validate` with exactly that one error, at the offending token, in
// words that say what to write instead.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { checkConfigText, parseConfigSource } from "../scripts/validate/check-config.ts";
import { CONFIG_SCHEMA, createLanguageService, fileUri, open, ROOT } from "./editor-support.ts";

const catalog = loadCatalog(join(ROOT, "schema/catalog.jsonc"));
const VALID = "test/fixtures/configs/valid";
const MISTAKES = "test/fixtures/configs/mistakes";
const filesIn = (dir: string) => readdirSync(join(ROOT, dir)).sort().map((name) => `${dir}/${name}`);
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

describe("valid config files", () => {
  const files = filesIn(VALID);
  const fromHostDocs = files.filter((file) => /^\/\/ From the host's docs: openclaw\/openclaw docs\//m.test(read(file)));

  it("are many, in every syntax, several of them taken from the host's own docs", () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const ext of [".json", ".jsonc", ".json5"]) expect(files.filter((f) => f.endsWith(ext)).length, ext).toBeGreaterThanOrEqual(3);
    expect(fromHostDocs.length).toBeGreaterThanOrEqual(8);
  });

  // The schema is named by fileMatch, as `.vscode/settings.json` does, unless the file names its own `$schema`.
  const editor = createLanguageService([{ uri: fileUri(CONFIG_SCHEMA), fileMatch: ["*.json"] }]);

  for (const file of files) {
    it(`${file}: no error from validate, and no warning but about a retired catalog model (docs examples of older releases name some)`, () => {
      const problems = checkConfigText(file, read(file), { catalog }).filter((d) => d.severity === "error" || d.rule !== "config/inactive-model");
      expect(problems).toEqual([]);
    });

    it(`${file}: no problem in VS Code's JSON engine`, async () => {
      // VS Code reads JSON and JSONC; a JSON5 file is given to it as the JSON it stands for.
      const text = file.endsWith(".json5") ? JSON.stringify(parseConfigSource(file, read(file)).value, null, 2) : read(file);
      const session = open(editor, join(ROOT, dirname(file), "openclaw.json"), text);
      expect(session.schemaUris()).toEqual([fileUri(CONFIG_SCHEMA)]);
      expect(await session.diagnostics()).toEqual([]);
    });
  }
});

interface Mistake {
  file: string;
  /** The offending token: the error must start exactly there. */
  at: string;
  /** Text the message must contain: what to write instead. */
  says: string;
  /**
   * Where VS Code's engine marks the same mistake in a JSON or JSONC file, when the JSON
   * Schema can state the rule (catalog refs, aliases and maxTokens ≤ contextWindow it cannot).
   */
  editor?: string;
  /** A mistake the host reads past (a key written twice: the later value wins) is a warning; others are errors. */
  severity?: "warning";
}

const mistakes: Mistake[] = [
  { file: "typo-key.jsonc", at: `"contextWindo"`, says: "did you mean `contextWindow`?", editor: `"contextWindo"` },
  { file: "wrong-type.json", at: `"262144"`, says: "write 262144 without quotes", editor: `"262144"` },
  { file: "max-tokens-over-window.json5", at: "65536", says: "write at most 32768" },
  { file: "api-typo.json", at: `"openai-completion"`, says: 'did you mean "openai-completions"?', editor: `"openai-completion"` },
  { file: "url-without-scheme.jsonc", at: `"api.moonshot.ai/v1"`, says: "must be an http(s) URL such as `https://api.moonshot.ai/v1`", editor: `"api.moonshot.ai/v1"` },
  { file: "mode-merged.json", at: `"merged"`, says: 'did you mean "merge"?', editor: `"merged"` },
  { file: "reasoning-yes.json5", at: `"yes"`, says: "must be true or false" },
  { file: "input-txt.json", at: `"txt"`, says: 'did you mean "text"?', editor: `"txt"` },
  { file: "negative-cost.json5", at: "-0.6", says: "must not be negative" },
  { file: "duplicate-key.json", at: `"agents": {}`, says: 'key "agents" is already set at line 2, column 3', editor: `"agents": {}`, severity: "warning" },
  { file: "duplicate-alias.json5", at: `"kimi" },\n      },`, says: 'alias "kimi" is already used by agents.defaults.models["moonshot/kimi-k3"]' },
  { file: "missing-comma.jsonc", at: `"models"`, says: 'add "," after the value that ends on line 4', editor: `"models"` },
  { file: "secret-source.json", at: `"vault"`, says: 'must be one of "env", "file", "exec", "store"', editor: `"vault"` },
  { file: "thinking-level.json5", at: "ultra", says: "write one of `off`, `minimal`, `low`, `medium`, `high`, `xhigh`, `max`" },
  { file: "ref-typo.json", at: `"moonshot/kimi-k2-6"`, says: "did you mean `moonshot/kimi-k2.6`?" },
  { file: "compat-typo.jsonc", at: `"supportsDevloperRole"`, says: "did you mean `supportsDeveloperRole`?", editor: `"supportsDevloperRole"` },
  { file: "proto-key.json", at: `"8k"`, says: "must be a number", editor: `"8k"` },
  { file: "custom-provider-without-url.json", at: `{ "apiKey"`, says: 'missing required key "baseUrl" (Base URL of the provider\'s API, e.g. `https://api.moonshot.ai/v1`', editor: `"my-proxy"` },
  { file: "model-id-case.json", at: `"moonshot/Kimi-K2.6"`, says: "model ids are case-sensitive: write `moonshot/kimi-k2.6`", editor: `"moonshot/Kimi-K2.6"` },
  { file: "provider-typo.json5", at: `"moonshto/kimi-k3"`, says: "did you mean `moonshot/kimi-k3`?", severity: "warning" },
  { file: "lower-case-placeholder.json5", at: `"\${cerebras_api_key}"`, says: "write `${CEREBRAS_API_KEY}`", severity: "warning" },
  { file: "legacy-api-openai.json5", at: `"openai"`, says: 'write "openai-completions"' },
  { file: "removed-api.json5", at: `"openai-codex-responses"`, says: 'write "openai-chatgpt-responses"' },
];

/** 1-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe("config files with one mistake each", () => {
  it("cover every mistake, and every file is in the table", () => {
    expect(mistakes.length).toBeGreaterThanOrEqual(15);
    expect(filesIn(MISTAKES)).toEqual(mistakes.map((m) => `${MISTAKES}/${m.file}`).sort());
  });

  for (const mistake of mistakes) {
    const severity = mistake.severity ?? "error";
    it(`${mistake.file}: one ${severity}, at ${JSON.stringify(mistake.at.split("\n")[0])}, saying what to write`, () => {
      const file = `${MISTAKES}/${mistake.file}`;
      const text = read(file);
      const diagnostics = checkConfigText(file, text, { catalog });
      expect(diagnostics).toHaveLength(1);
      const [error] = diagnostics;
      expect(error).toMatchObject({ severity, ...positionOf(text, mistake.at) });
      expect(error!.message).toContain(mistake.says);
    });
  }

  const editor = createLanguageService([{ uri: fileUri(CONFIG_SCHEMA), fileMatch: ["*.json"] }]);
  for (const mistake of mistakes.filter((m) => m.editor !== undefined)) {
    it(`${mistake.file}: VS Code's engine marks it too, at ${mistake.editor}`, async () => {
      const text = read(`${MISTAKES}/${mistake.file}`);
      const session = open(editor, join(ROOT, MISTAKES, "openclaw.json"), text);
      const marked = (await session.diagnostics()).map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1 }));
      expect(marked.map(({ line, column }) => ({ line, column }))).toContainEqual(positionOf(text, mistake.editor!));
    });
  }

  it("leave to the editor every JSON and JSONC mistake the JSON Schema can state", () => {
    const withoutEditor = mistakes.filter((m) => !m.file.endsWith(".json5") && m.editor === undefined).map((m) => m.file);
    expect(withoutEditor).toEqual(["ref-typo.json"]); // a catalog ref: only `validate` knows the catalog's models
  });
});
