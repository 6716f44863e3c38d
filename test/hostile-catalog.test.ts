// Edge values in the catalog, through the command line: text that would land raw
// in docs, per-token prices, a doc group that changes what an existing region
// name means, and retirements still to come.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { positionOf } from "./support/positions.ts";
import { repoRoot, runCli, tempDir } from "./support/run-cli.ts";

const FIXTURE = join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc");
type Json = any;

/** The hostile-fixture catalog, changed by `edit`, written as JSON; returns its path and text. */
function catalogWith(edit: (catalog: Json) => void): { file: string; text: string; dir: string } {
  const catalog = JSON.parse(readFileSync(FIXTURE, "utf8").replace(/^\s*\/\/.*$/gm, ""));
  edit(catalog);
  const dir = tempDir("kcs-catalog-");
  const file = join(dir, "catalog.jsonc");
  const text = `${JSON.stringify(catalog, null, 2)}\n`;
  writeFileSync(file, text);
  return { file, text, dir };
}

async function gen(file: string, dir: string) {
  return runCli(["gen", "--check", "--catalog", file, "--docs", dir]);
}

const firstModel = (c: Json) => c.providers[0].models[0];

describe("catalog values that would land raw in docs are rejected", () => {
  const urlCases: Array<[string, string]> = [
    ["a bidirectional override (U+202E)", "https://example.com/\u202emodels"],
    ["a NUL character", "https://example.com/a\u0000b"],
  ];
  for (const [what, url] of urlCases) {
    it(`a source URL with ${what}: exit 2 at the URL`, async () => {
      const { file, text, dir } = catalogWith((c) => void (firstModel(c).sources = [url]));
      const r = await gen(file, dir);
      expect(r.code).toBe(2);
      const at = positionOf(text, JSON.stringify(url));
      expect(r.stderr).toContain(`${file}:${at.line}:${at.column}: providers[0].models[0].sources[0]: must be an https:// URL without spaces, quotes, control characters or bidirectional overrides`);
    });
  }

  it("a per-token price is caught by the lower bound", async () => {
    const { file, dir } = catalogWith((c) => void (firstModel(c).cost.input = 0.0000006));
    const r = await gen(file, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("providers[0].models[0].cost.input: is under 0.001 per 1M tokens: prices are per million tokens, not per token");
  });
});

describe("a doc group that would change what a region name means", () => {
  it("is reported at the group that makes the name ambiguous", async () => {
    const { file, text, dir } = catalogWith((c) => {
      c.docGroups.push({ id: "demo-continue", provider: "demo", models: ["demo-large"] });
    });
    const r = await gen(file, dir);
    expect(r.code).toBe(2);
    const at = positionOf(text, '"demo-continue"');
    expect(r.stderr).toContain(
      `${file}:${at.line}:${at.column}: doc group "demo-continue" makes the region name "demo-continue-models" ambiguous: ` +
        `it would be this group's models region and also group "demo"'s continue-models region`,
    );
  });
});

describe("a retirement dated in the future is told in the future tense", () => {
  const future = "2999-01-01";
  const retiredLater = (c: Json) => {
    c.providers[0].models[1].lifecycle = { status: "retired", date: future, replacement: "demo-large" };
    c.docGroups[0].models = ["demo-large"];
  };

  it("by validate", async () => {
    const { file, dir } = catalogWith(retiredLater);
    const config = join(dir, "config.json");
    writeFileSync(config, JSON.stringify({ agents: { defaults: { model: { primary: "demo/demo-small" } } } }));
    const r = await runCli(["validate", config, "--catalog", file]);
    expect(r.stdout).toContain(`"demo/demo-small" (Demo Small) will be retired on ${future} and stop answering requests then`);
    expect(r.stdout).not.toContain("no longer answers");
  });

  it("by the docs check", async () => {
    const { file, dir } = catalogWith(retiredLater);
    writeFileSync(join(dir, "page.md"), "{/* demo-ids:start */}\n{/* demo-ids:end */}\n\nTry `demo-small`.\n");
    const r = await gen(file, dir);
    expect(r.stderr).toContain(`\`demo-small\` will be retired on ${future}; docs name only current models`);
  });
});
