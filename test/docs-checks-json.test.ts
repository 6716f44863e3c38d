import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../scripts/lib/diagnostics.ts";
import { checkDocsIn, where, writeDocs } from "./support/docs-checks.ts";
import { runCli, snapshot, tempProject, tempProjectWith } from "./support/run-cli.ts";

describe("docs check: JSON code blocks", () => {
  it("parses each block in its own dialect", async () => {
    const dir = writeDocs({
      "ok.md": [
        "```json",
        '{ "models": [] }',
        "```",
        "",
        "```jsonc",
        '{ "a": 1, // comment',
        "}",
        "```",
        "",
        "```json5",
        "{ unquoted: 'single', trailing: [1,], }",
        "```",
        "",
      ].join("\n"),
    });
    expect(await checkDocsIn(dir)).toEqual([]);
  });

  it("reports the same block on several pages at each page's own place", async () => {
    const block = ["```json5", "{", "  a: 1", "  b: 2", "}", "```", ""];
    const dir = writeDocs({
      "first.md": ["# First", "", ...block].join("\n"),
      "second.md": ["# Second", "", "Some text.", "", "- item", "", ...block.map((l) => `  ${l}`)].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["first.md:6: docs/json-syntax", "second.md:10: docs/json-syntax"]);
    expect(diagnostics.map((d) => d.column)).toEqual([3, 5]);
  });

  it("reports a block that does not parse at its line in the doc", async () => {
    const dir = writeDocs({
      "strict.md": ["# Strict", "", "```json", "{", '  "a": 1, // not JSON', "}", "```", ""].join("\n"),
      "nested.md": ["1. Step", "", "   ```json5", "   {", "     a: 1", "     b: 2", "   }", "   ```", ""].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["nested.md:6: docs/json-syntax", "strict.md:5: docs/json-syntax"]);
    expect(diagnostics[0]!.column).toBe(6);
    expect(formatDiagnostic(diagnostics[1]!)).toContain("use ```jsonc for comments");
  });

  it("tells a ```json block with a trailing comma, as host pages write them, where trailing commas are allowed", async () => {
    const dir = writeDocs({
      "trailing.md": ["```json", "{", '  "agents": { "defaults": { "model": "moonshot/kimi-k2.6" } },', "}", "```", ""].join("\n"),
    });
    const [finding, ...rest] = await checkDocsIn(dir);
    expect(rest).toEqual([]);
    expect([finding!.line, finding!.column]).toEqual([4, 1]);
    expect(finding!.message).toContain("use ```jsonc for comments and trailing commas");
  });

  it("reads a ```json block's region markers as what they are, not as comments strict JSON lacks", async () => {
    const dir = writeDocs({
      "regions.md": [
        "```json",
        "{",
        '  "agents": { "defaults": { "models": {',
        "    // moonshot-kimi-k2-aliases:start",
        '    "moonshot/kimi-k2.6": { "alias": "Kimi K2.6" }',
        "    // moonshot-kimi-k2-aliases:end",
        "  } } }",
        "}",
        "```",
        "",
        "```json",
        '{ "a": 1 // any other comment is still not JSON',
        "}",
        "```",
        "",
      ].join("\n"),
    });
    expect(where(dir, await checkDocsIn(dir))).toEqual(["regions.md:12: docs/json-syntax"]);
  });

  it("validates config-shaped blocks against the config schema, at doc positions", async () => {
    const dir = writeDocs({
      "config.md": [
        "---",
        "title: Config",
        "---",
        "",
        "```json5",
        "{",
        "  agents: { defaults: { model: { primary: \"moonshot/kimi-k2.6\" } } },",
        "  models: {",
        "    providers: {",
        "      moonshot: {",
        '        baseUrl: "api.moonshot.ai",',
        "        models: [{ id: \"kimi-k2.6\", name: \"Kimi K2.6\", contxtWindow: 262144 }],",
        "      },",
        "    },",
        "  },",
        "}",
        "```",
        "",
      ].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["config.md:11: docs/config/schema", "config.md:12: docs/config/unknown-key"]);
    const text = diagnostics.map(formatDiagnostic).join("\n");
    expect(text).toContain("config.md:11:18: config example: models.providers.moonshot.baseUrl: must be an http(s) URL");
    expect(text).toContain('unknown key "contxtWindow" (did you mean `contextWindow`?)');
  });

  it("warns about a key written twice in a config example, as validate does: the host reads it", async () => {
    const example = '{ models: { providers: { moonshot: { apiKey: "${MOONSHOT_API_KEY}", apiKey: "${KIMI_KEY}" } } } }';
    const dir = writeDocs({ "twice.md": ["```json5", example, "```", ""].join("\n") });
    const diagnostics = await checkDocsIn(dir);
    const [first, second] = [example.indexOf("apiKey") + 1, example.lastIndexOf("apiKey") + 1];
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([["docs/config/duplicate-key", "warning", 2, second]]);
    // The first one's place is named in the doc, as the finding's own is: the block's line 1 is the doc's line 2.
    expect(diagnostics[0]!.message).toBe(`config example: models.providers.moonshot.apiKey: key "apiKey" is already set at line 2, column ${first}; this later one would replace it: merge the two or remove one`);
  });

  it("reports config examples that name unknown models", async () => {
    const dir = writeDocs({
      "refs.md": ["```json5", '{ agents: { defaults: { model: "moonshot/kimi-k9" } } }', "```", ""].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["refs.md:2: docs/config/unknown-model"]);
  });

  it("reads a block nested 1,000 levels deep, and stops one nested deeper at the bracket past the limit, as validate does", async () => {
    const arrays = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const dir = writeDocs({
      "deep.md": ["# Deep", "", "```json5", `{ a: ${arrays(999)} }`, "```", "", "```json", `{ "a": ${arrays(1999)} }`, "```", ""].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${dir}/deep.md:8:${'{ "a": '.length + 999 + 1}: json code block does not parse: values are nested more than 1000 levels deep here; no config needs this: flatten it (a \`\`\`json block is strict JSON: use \`\`\`jsonc for comments and trailing commas, \`\`\`json5 for unquoted keys)`,
    ]);
  });

  it("reads a block that is a fragment (`agents: { … }` without the outer braces) as the object it stands in", async () => {
    // The host's docs/fr/concepts/memory.md (openclaw/openclaw @82ea19f) shows its config examples this way.
    const dir = writeDocs({
      "fr/concepts/memory.md": [
        "### Chemins de mémoire supplémentaires",
        "",
        "```json5",
        "agents: {",
        "  defaults: {",
        "    memorySearch: {",
        '      extraPaths: ["../team-docs", "/srv/shared-notes/overview.md"]',
        "    }",
        "  }",
        "}",
        "```",
        "",
        "```json",
        '"agents": { "defaults": { "model": { "primary": "moonshot/kimi-k9" } } }',
        "```",
        "",
        "```json5",
        "memory: {",
        '  backend: "qmd"',
        '  citations: "auto",',
        "}",
        "```",
        "",
      ].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    // A fragment is still checked as a config example, at its own line; a fragment that is broken still fails at its line.
    expect(where(dir, diagnostics)).toEqual(["fr/concepts/memory.md:14: docs/config/unknown-model", "fr/concepts/memory.md:20: docs/json-syntax"]);
    expect(diagnostics[0]!.column).toBe('"agents": { "defaults": { "model": { "primary": '.length + 1);
    expect(diagnostics[1]!.message).toContain('missing comma: add "," after the value that ends on line 19');
  });

  it("reads a block that is a list's entries (`{ id: … },` to add under `models`) as the list they stand in", async () => {
    const dir = writeDocs({
      "entries.md": [
        "Add the model to `models.providers.moonshot.models`:",
        "",
        "```json5",
        "{",
        '  id: "kimi-k2.6",',
        '  name: "Kimi K2.6",',
        "},",
        "```",
        "",
        "```json5",
        '{ id: "kimi-k3" },',
        '{ id: "kimi-k2.6" }',
        "```",
        "",
      ].join("\n"),
    });
    expect(await checkDocsIn(dir)).toEqual([]);
  });

  it("names the places a message refers to by their line and column in the doc, not in the block", async () => {
    const dir = writeDocs({
      "places.md": [
        "# Places", // 1
        "",
        "- Step", // 3
        "",
        "  ```json5", // 5
        "  {",
        "    a: 1",
        "    b: 2", // 8
        "  }",
        "  ```",
        "",
        "```json", // 12
        '{ "a": [1, 2,',
        "}", // 14
        "```",
        "",
        "```json5", // 17
        "{ agents: {",
        "  defaults: {}", // 19
        "```",
        "",
      ].join("\n"),
    });
    expect((await checkDocsIn(dir)).map(formatDiagnostic).map((l) => l.slice(dir.length + 1))).toEqual([
      'places.md:8:5: json5 code block does not parse: missing comma: add "," after the value that ends on line 7',
      "places.md:14:1: json code block does not parse: `}` stands where the array that opens at line 13, column 8 needs its `]`: close the array first (a ```json block is strict JSON: use ```jsonc for comments and trailing commas, ```json5 for unquoted keys)",
      "places.md:19:15: json5 code block does not parse: end of input: the object that opens at line 18, column 11 is never closed; add `}}` at the end",
    ]);
  });

  it("a fragment that leaves a bracket open is told which bracket, at the block's end, not that its first name was unexpected", async () => {
    const dir = writeDocs({
      "fragment.md": [
        "# Fragment", // 1
        "",
        "```json5", // 3
        "agents: {", // 4
        "  defaults: {},", // 5
        "```",
        "",
      ].join("\n"),
    });
    expect((await checkDocsIn(dir)).map(formatDiagnostic).map((l) => l.slice(dir.length + 1))).toEqual([
      "fragment.md:5:16: json5 code block does not parse: end of input: the object that opens at line 4, column 9 is never closed; add `}` at the end",
    ]);
  });

  it("a fragment that closes one bracket too many is told which bracket, not that its first name was unexpected", async () => {
    const dir = writeDocs({
      "fragment.md": [
        "# Fragment", // 1
        "",
        "```json5", // 3
        "agents: {", // 4
        "  defaults: {", // 5
        '    model: { primary: "moonshot/kimi-k3" } },', // 6
        "  },", // 7
        "}", // 8
        "```",
        "",
        "```json5", // 11
        '{ id: "kimi-k3" },', // 12
        '{ id: "kimi-k2.6" } },', // 13
        "```",
        "",
      ].join("\n"),
    });
    expect((await checkDocsIn(dir)).map(formatDiagnostic).map((l) => l.slice(dir.length + 1))).toEqual([
      "fragment.md:6:44: json5 code block does not parse: `}` is the closing bracket too many, by the indentation: " +
        "the text closes one bracket more than it opens (the `}` at line 8, column 1 is left with nothing to close); remove this one",
      "fragment.md:13:21: json5 code block does not parse: `}` closes nothing: every `{` before it is closed, so the text closes one bracket more than it opens; remove it",
    ]);
  });

  it("names the lines of the file on disk in its messages when a region above the block grows", async () => {
    const page = [
      "# Models", // 1
      "",
      "{/* moonshot-kimi-k2-ids:start */}", // 3
      "{/* moonshot-kimi-k2-ids:end */}", // 4
      "",
      "```json5", // 6
      "{ agents: {", // 7
      "  defaults: {}", // 8
      "```",
      "",
    ].join("\n");
    const project = tempProjectWith({ "models.mdx": page });
    const result = await runCli(["gen", "--check", "--config", project.config]);
    expect(result.code, result.stderr).toBe(1);
    // The region grows by several lines in the planned page; the block and the bracket it names are still at lines 7 and 8.
    expect(result.stderr).toContain("models.mdx:8:15: warning: json5 code block does not parse: end of input: the object that opens at line 7, column 11 is never closed");
  });

  it("leaves JSON that is not a config (a Continue config, say) to the syntax check", async () => {
    const dir = writeDocs({
      "continue.md": ["```json", '{ "models": [{ "title": "x", "provider": "openai" }] }', "```", ""].join("\n"),
    });
    expect(await checkDocsIn(dir)).toEqual([]);
  });
});

describe("docs check: JSON code blocks, through gen", () => {
  it("warns about a config example in hand-written text next to a generated region, at its line on disk", async () => {
    const p = tempProject();
    mkdirSync(p.docs);
    const page = [
      "```json5",
      "{",
      "  agents: { defaults: { models: {",
      "    // kimi-code-aliases:start",
      "    // kimi-code-aliases:end",
      "  } } },",
      "  models: { providers: { \"kimi-code\": { baseUrl: \"https://api.kimi.com/coding/v1\", models: [], mode: \"merge\" } } },",
      "}",
      "```",
      "",
    ].join("\n");
    writeFileSync(join(p.docs, "page.md"), page);
    const before = snapshot(p.dir);
    const result = await runCli(["gen", "--check", "--catalog", p.catalog, "--docs", p.docs]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(p.docs, "page.md")}:7:`);
    expect(result.stderr).toContain('warning: config example: models.providers["kimi-code"].mode: unknown key "mode"');
    expect(snapshot(p.dir)).toEqual(before);
  });
});
