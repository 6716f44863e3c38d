// The engine reproduces a real document byte for byte: the seed provider page,
// checked against a catalog holding the seed's own values, and regenerated after
// one model changes — with LF, and with CRLF and a BOM.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../scripts/report/gen-report.ts";
import { snapshot } from "./support/run-cli.ts";
import { docsProject, editCatalog, seedPage, toCrlf, writeSchemas, type DocsProject } from "./fixtures/docs/project.ts";

const PAGE = "providers/moonshot.zh-CN.md";

/** Replace kimi-k2-0905-preview by a different model in the catalog (and in its doc group). */
function replaceOneModel(project: DocsProject) {
  editCatalog(project, (catalog) => {
    const moonshot = catalog.providers.find((p) => p.id === "moonshot")!;
    const index = moonshot.models.findIndex((m) => m.id === "kimi-k2-0905-preview");
    moonshot.models[index] = {
      ...moonshot.models[index]!,
      id: "kimi-k2.6",
      name: "Kimi K2.6",
      alias: "Kimi K2.6",
      reasoning: true,
      input: ["text", "image"],
      contextWindow: 262144,
      maxTokens: 262144,
      cost: { currency: "USD", input: 0.95, output: 4, cacheRead: 0.16, cacheWrite: 0 },
    };
    const group = catalog.docGroups.find((g) => g.id === "moonshot-kimi-k2")!;
    group.models = group.models.map((id) => (id === "kimi-k2-0905-preview" ? "kimi-k2.6" : id));
  });
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** The seed page as it must read after the change: three regions, nothing else. */
function expectedPage(): string {
  let page = replaceOnce(seedPage, "* `kimi-k2-0905-preview`\n", "* `kimi-k2.6`\n");
  page = replaceOnce(
    page,
    '"moonshot/kimi-k2-0905-preview": { alias: "Kimi K2" },',
    '"moonshot/kimi-k2.6": { alias: "Kimi K2.6" },',
  );
  return replaceOnce(
    page,
    [
      '            id: "kimi-k2-0905-preview",',
      '            name: "Kimi K2 0905 Preview",',
      "            reasoning: false,",
      '            input: ["text"],',
      "            cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },",
      "            contextWindow: 256000,",
      "            maxTokens: 8192",
    ].join("\n"),
    [
      '            id: "kimi-k2.6",',
      '            name: "Kimi K2.6",',
      "            reasoning: true,",
      '            input: ["text", "image"],',
      "            cost: { input: 0.95, output: 4, cacheRead: 0.16, cacheWrite: 0 },",
      "            contextWindow: 262144,",
      "            maxTokens: 262144",
    ].join("\n"),
  );
}

function expectedDrift(path: string, fix: string): string {
  const file = `--- ${path}\n+++ ${path}\n`;
  return [
    `${path}:18: region moonshot-kimi-k2-ids is out of date`,
    `${file}@@ -18,7 +18,7 @@ moonshot-kimi-k2-ids`,
    " {/* moonshot-kimi-k2-ids:start */}",
    " ",
    " * `kimi-k2.5`",
    "-* `kimi-k2-0905-preview`",
    "+* `kimi-k2.6`",
    " * `kimi-k2-turbo-preview`",
    " * `kimi-k2-thinking`",
    " * `kimi-k2-thinking-turbo`",
    "",
    `${path}:52: region moonshot-kimi-k2-aliases is out of date`,
    `${file}@@ -52,6 +52,6 @@ moonshot-kimi-k2-aliases`,
    "         // moonshot-kimi-k2-aliases:start",
    '         "moonshot/kimi-k2.5": { alias: "Kimi K2.5" },',
    '-        "moonshot/kimi-k2-0905-preview": { alias: "Kimi K2" },',
    '+        "moonshot/kimi-k2.6": { alias: "Kimi K2.6" },',
    '         "moonshot/kimi-k2-turbo-preview": { alias: "Kimi K2 Turbo" },',
    '         "moonshot/kimi-k2-thinking": { alias: "Kimi K2 Thinking" },',
    '         "moonshot/kimi-k2-thinking-turbo": { alias: "Kimi K2 Thinking Turbo" }',
    "",
    `${path}:70: region moonshot-kimi-k2-models is out of date`,
    `${file}@@ -78,13 +78,13 @@ moonshot-kimi-k2-models`,
    "             maxTokens: 8192",
    "           },",
    "           {",
    '-            id: "kimi-k2-0905-preview",',
    '-            name: "Kimi K2 0905 Preview",',
    "-            reasoning: false,",
    '-            input: ["text"],',
    "-            cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },",
    "-            contextWindow: 256000,",
    "-            maxTokens: 8192",
    '+            id: "kimi-k2.6",',
    '+            name: "Kimi K2.6",',
    "+            reasoning: true,",
    '+            input: ["text", "image"],',
    "+            cost: { input: 0.95, output: 4, cacheRead: 0.16, cacheWrite: 0 },",
    "+            contextWindow: 262144,",
    "+            maxTokens: 262144",
    "           },",
    "           {",
    '             id: "kimi-k2-turbo-preview",',
    "",
    `3 regions in 1 file are out of date; run \`${fix}\``,
    "",
  ].join("\n");
}

describe("the seed provider page", () => {
  it("passes gen --check unchanged against a catalog holding its own values", async () => {
    const project = await docsProject({ [PAGE]: seedPage });
    const before = snapshot(project.dir);
    const check = await project.gen({ check: true });
    expect(check.stderr).toBe("");
    expect(check.stdout).toBe("up to date: 3 regions in 1 doc, 0 schemas\n");
    expect(check.code).toBe(0);

    const gen = await project.gen();
    expect(gen.code).toBe(0);
    expect(snapshot(project.dir)).toEqual(before); // not even rewritten with the same bytes
  });

  it("shows exactly the expected diff in all three regions when one model changes, and gen writes exactly that", async () => {
    const project = await docsProject({ [PAGE]: seedPage });
    replaceOneModel(project);
    await writeSchemas(project);
    const path = displayPath(join(project.docs, PAGE));

    const check = await project.gen({ check: true });
    expect(check.stdout).toBe(expectedDrift(path, project.fix));
    expect(check.code).toBe(1);
    expect(project.doc(PAGE)).toBe(seedPage);

    const gen = await project.gen();
    expect(gen.code).toBe(0);
    expect(project.doc(PAGE)).toBe(expectedPage());
    expect((await project.gen({ check: true })).code).toBe(0);
  });

  it("keeps CRLF line endings and the BOM of a copy when regenerating it", async () => {
    const crlf = `\uFEFF${toCrlf(seedPage)}`;
    const project = await docsProject({ [PAGE]: Buffer.from(crlf, "utf8") });
    expect((await project.gen({ check: true })).code).toBe(0);

    replaceOneModel(project);
    await writeSchemas(project);
    const check = await project.gen({ check: true });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("3 regions in 1 file are out of date");

    expect((await project.gen()).code).toBe(0);
    const bytes = readFileSync(join(project.docs, PAGE));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString("utf8")).toBe(`\uFEFF${toCrlf(expectedPage())}`);
    expect(bytes.toString("utf8").replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("does not write a page whose regions are up to date", async () => {
    const project = await docsProject({ [PAGE]: seedPage, "other.md": "{/* moonshot-kimi-k2-ids:start */}\n{/* moonshot-kimi-k2-ids:end */}\n" });
    const mtime = statSync(join(project.docs, PAGE)).mtimeMs;
    const gen = await project.gen();
    expect(gen.stdout).toContain("updated 1 file:");
    expect(gen.stdout).toContain("other.md");
    expect(statSync(join(project.docs, PAGE)).mtimeMs).toBe(mtime);
    expect(project.doc(PAGE)).toBe(seedPage);
  });
});
