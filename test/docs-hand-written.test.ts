// Something a person wrote inside a generated region that the catalog cannot
// produce is named in a warning at its line; never an error, and --check still shows the diff.
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { runGenWith, tempProjectWith } from "./support/run-cli.ts";

it("warns about a key the catalog does not produce for the entry's model, at its line, and about no key it does", async () => {
  const catalog = loadCatalog(tempProjectWith({}).catalog);
  const moonshot = catalog.providers.find((p) => p.id === "moonshot")!;
  const withEffort = moonshot.models.find((m) => m.reasoningEffort && m.lifecycle.status === "current")!;
  const without = moonshot.models.find((m) => !m.reasoningEffort && m.lifecycle.status === "current")!;
  const map = 'thinkingLevelMap: { off: null, low: "low", high: "high", xhigh: "max", max: "max" },';
  const page = [
    "```json5",
    "[",
    "  // moonshot-kimi-k2-models:start",
    `  { id: "${withEffort.id}", ${map} },`,
    `  { id: "${without.id}", ${map} },`,
    '  { id: "hand-made", params: { temperature: 0.6 } },',
    "  // moonshot-kimi-k2-models:end",
    "]",
    "```",
    "",
  ].join("\n");
  const p = tempProjectWith({ "page.md": page });
  const result = await runGenWith({ catalog: p.catalog, docs: p.docs, check: true });
  expect(result.code).toBe(1);
  expect(result.stdout).toContain("region moonshot-kimi-k2-models is out of date");
  const warnings = result.stderr.split("\n").filter((line) => line.includes("is written by hand"));
  expect(warnings).toEqual([
    expect.stringContaining(`${join(p.docs, "page.md")}:5:`),
    expect.stringContaining(`${join(p.docs, "page.md")}:6:22: warning: \`params\` in the entry of \`hand-made\``),
  ]);
  expect(warnings[0]).toContain(`\`thinkingLevelMap\` in the entry of \`${without.id}\` in region moonshot-kimi-k2-models is written by hand: the catalog does not produce it for this model`);
  expect(warnings[0]).toContain("record the model's reasoning effort levels in the catalog to keep it");
});
