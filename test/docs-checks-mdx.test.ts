import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_COMPILED_LENGTH } from "../scripts/docs-checks/mdx-compiles.ts";
import { needsMdxCompile } from "../scripts/docs-checks/mdx-prefilter.ts";
import { formatDiagnostic } from "../scripts/lib/diagnostics.ts";
import { checkDocsIn, where, writeDocs } from "./support/docs-checks.ts";
import { runCli, runGenWith, snapshot, tempProject } from "./support/run-cli.ts";

describe("docs check: MDX", () => {
  it("accepts a heading's custom id (`## Models {#models}`, Docusaurus), and only a heading's", async () => {
    const region = ["{/* moonshot-current-ids:start */}", "", "{/* moonshot-current-ids:end */}", ""];
    const dir = writeDocs({
      "ids.md": ["## Supported models {#supported-models}", "", ...region, "### Next {#next}  ", ""].join("\n"),
      "text.md": ["# Page", "", "Text with {#not-a-heading} in it.", "", ...region].join("\n"),
    });
    const findings = await checkDocsIn(dir);
    expect(findings.map((d) => `${d.file.split("/").pop()}:${d.line}`)).toEqual(["text.md:3"]);
  });

  it("accepts front matter, MDX comments, tables and escaped braces", async () => {
    const dir = writeDocs({
      "ok.md": [
        "---",
        "title: A <page> with {braces} in front matter",
        "---",
        "",
        "{/* moonshot-current-ids:start */}",
        "",
        "| a | b |",
        "| --- | --- |",
        "| `{x}` | \\{y\\} |",
        "",
        "{/* moonshot-current-ids:end */}",
        "",
      ].join("\n"),
    });
    expect(await checkDocsIn(dir)).toEqual([]);
  });

  it("fails what docs sites cannot compile, with file:line", async () => {
    const dir = writeDocs({
      "html-comment.md": ["# Title", "", "<!-- moonshot-current-ids:start -->", ""].join("\n"),
      "brace.md": ["# Title", "", "Use {the key here.", ""].join("\n"),
      "zh-CN/tag.md": ["# 标题", "", "模型引用写作 moonshot/<modelId>。", ""].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["brace.md:3: docs/mdx", "html-comment.md:3: docs/mdx", "zh-CN/tag.md:3: docs/mdx"]);
    expect(formatDiagnostic(diagnostics[1]!)).toContain("does not compile as MDX");
  });

  it("fails what only the full compile refuses: ESM a page cannot hold, at its line", async () => {
    const dir = writeDocs({
      "layouts.md": ["export default function A() {}", "", "export default function B() {}", "", "Text.", ""].join("\n"),
      "one-export.md": ["export const rate = 1", "", "Rate: {rate}.", ""].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["layouts.md:3: docs/mdx"]);
    expect(formatDiagnostic(diagnostics[0]!)).toContain("duplicate layout");
  });

  it("says so, rather than compile for minutes, when a page is too large to compile", async () => {
    const filler = "Plain paragraph text.\n\n".repeat(Math.ceil(MAX_COMPILED_LENGTH / 23) + 1);
    const dir = writeDocs({ "huge.md": `# Title\n\nUse {the key here.\n\n${filler}` });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["huge.md:1: docs/mdx-not-compiled"]);
    expect(diagnostics[0]!.severity).toBe("warning");
  });

  it("still checks the JSON blocks of a doc that does not compile", async () => {
    const dir = writeDocs({ "both.md": ["a <b> c", "", "```json", "{,}", "```", ""].join("\n") });
    expect(where(dir, await checkDocsIn(dir))).toEqual(["both.md:1: docs/mdx", "both.md:4: docs/json-syntax"]);
  });

  it("skips the compile only for docs that cannot fail it", () => {
    expect(needsMdxCompile("# Plain\n\nText with > and | only.\n")).toBe(false);
    expect(needsMdxCompile("Code: `{ alias }` and `<id>`.\n\n```ts\nimport { x } from \"y\";\nconst a = { b: 1 } < 2;\n```\n")).toBe(false);
    expect(needsMdxCompile("a { b")).toBe(true);
    expect(needsMdxCompile("a <b>")).toBe(true);
    expect(needsMdxCompile("export const x = 1\n")).toBe(true);
    expect(needsMdxCompile("```json\n[1]\n```\n")).toBe(true);
    // A fence opened on a list item's own line is for a real parse to judge: the doc is compiled.
    expect(needsMdxCompile("- ```ts\n  const a = {};\n  ```\n")).toBe(true);
  });

});

describe("docs check: MDX, through gen", () => {
  function project(page: string) {
    const p = tempProject();
    mkdirSync(p.docs);
    writeFileSync(join(p.docs, "page.md"), page);
    return p;
  }
  const gen = (p: ReturnType<typeof project>, ...args: string[]) =>
    runCli(["gen", ...args, "--catalog", p.catalog, "--docs", p.docs]);

  it("warns about a page whose markers are HTML comments, which MDX cannot read; fails it where the rule is an error", async () => {
    const p = project(["# Page", "", "<!-- kimi-code-ids:start -->", "<!-- kimi-code-ids:end -->", ""].join("\n"));
    const warned = await gen(p, "--check");
    expect(warned.code).toBe(1);
    expect(warned.stderr).toContain(`${join(p.docs, "page.md")}:3:2: warning: does not compile as MDX`);
    const before = snapshot(p.dir);
    const result = await runGenWith({ catalog: p.catalog, docs: p.docs, rules: { mdx: { severity: "error" } } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(p.docs, "page.md")}:3:2: does not compile as MDX`);
    expect(snapshot(p.dir)).toEqual(before);
  });

  it("checks the content gen plans, not the file: a broken region body that gen replaces is only drift", async () => {
    const p = project(["# Page", "", "{/* kimi-code-ids:start */}", "", "- <b>stale", "", "{/* kimi-code-ids:end */}", ""].join("\n"));
    expect((await gen(p, "--check")).code).toBe(1);
    expect((await gen(p)).code).toBe(0);
    expect(readFileSync(join(p.docs, "page.md"), "utf8")).toContain("- `kimi-for-coding`");
    expect((await gen(p, "--check")).code).toBe(0);
  });

  it("compiles every page with regions, changed or not; hand-written MDX is a warning by default", async () => {
    const p = project(["# Page", "", "{/* kimi-code-ids:start */}", "{/* kimi-code-ids:end */}", "", "Hand-written {broken", ""].join("\n"));
    const before = snapshot(p.docs);
    const strict = { mdx: { severity: "error" as const } };
    const check = await runGenWith({ catalog: p.catalog, docs: p.docs, check: true, rules: strict });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`${join(p.docs, "page.md")}:6:`);
    expect((await runGenWith({ catalog: p.catalog, docs: p.docs, rules: strict })).code).toBe(2);
    expect(snapshot(p.docs)).toEqual(before);
    const synced = ["# Page", "", "{/* kimi-code-ids:start */}", "", "- `kimi-for-coding`", "- `kimi-for-coding-highspeed`", "- `k3`", "- `k3-256k`", "", "{/* kimi-code-ids:end */}", "", "Hand-written {broken", ""];
    writeFileSync(join(p.docs, "page.md"), synced.join("\n"));
    expect((await runGenWith({ catalog: p.catalog, docs: p.docs, check: true, rules: strict })).code).toBe(2);
    const byDefault = await gen(p, "--check");
    expect(byDefault.code).toBe(0);
    expect(byDefault.stderr).toContain(`${join(p.docs, "page.md")}:12:`);
    expect(byDefault.stderr).toContain("warning: does not compile as MDX");
  });
});
