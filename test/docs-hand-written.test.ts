// Something a person wrote inside a generated region that the catalog cannot
// produce is named in a warning at its line; never an error, and --check still shows the diff.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { repoRoot, runCli, runGenWith, tempProject, tempProjectWith } from "./support/run-cli.ts";

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

/** The warnings about text a region would drop (dropped-text.ts). */
const droppedWarnings = (stderr: string) => stderr.split("\n").filter((line) => /warning: this (line|entry|comment)s? (of|in) region/.test(line));
const DROPS = "`gen` drops it: move it out of the region, or add the model to the catalog";
/** The warnings the tool gives for a line, or a JSON5 entry, written by hand at `at` (line:column). */
const droppedLine = (file: string, at: string, region: string) =>
  `${file}:${at}: warning: this line of region ${region} is not generated from the catalog and names none of its models; ${DROPS}`;
const droppedEntry = (file: string, at: string, region: string) =>
  `${file}:${at}: warning: this entry of region ${region} names none of the catalog's models; ${DROPS}`;

/** A check of one page in a project of its own. */
async function checkPage(page: string) {
  const p = tempProjectWith({ "page.md": page });
  return { p, file: join(p.docs, "page.md"), check: await runGenWith({ catalog: p.catalog, docs: p.docs, check: true }) };
}

it("names each line or entry written by hand that a region listing models would drop, and gen still writes", async () => {
  const page = [
    "# Models", // 1
    "",
    "{/* moonshot-kimi-k2-ids:start */}", // 3
    "",
    "* `kimi-k3.1-pro`", // 5
    "* `my-private-finetune`: ask sales", // 6
    "* `kimi-k2-0905-preview`", // 7: retired, a catalog model: no warning
    "",
    "> **Note:** the HighSpeed models cost more.", // 9
    "",
    "{/* moonshot-kimi-k2-ids:end */}",
    "",
    "```json5",
    "{",
    "  agents: { defaults: { models: {",
    "    // moonshot-kimi-k2-aliases:start", // 16
    '    "moonshot/kimi-k3": { alias: "K3" }, // the default', // 17
    '    "moonshot/my-finetune": { alias: "Mine" },', // 18
    "    // moonshot-kimi-k2-aliases:end",
    "  } } },",
    "}",
    "```",
    "",
  ].join("\n");
  const { p, file, check } = await checkPage(page);
  expect(check.code).toBe(1);
  expect(droppedWarnings(check.stderr)).toEqual([
    droppedLine(file, "6:1", "moonshot-kimi-k2-ids"),
    droppedLine(file, "9:1", "moonshot-kimi-k2-ids"),
    `${file}:17:42: warning: this comment in region moonshot-kimi-k2-aliases is not generated from the catalog; \`gen\` drops it: move it out of the region`,
    droppedEntry(file, "18:5", "moonshot-kimi-k2-aliases"),
  ]);
  // A warning, not an error: gen writes, says the same, and the next check is clean.
  const gen = await runGenWith({ catalog: p.catalog, docs: p.docs });
  expect(gen.code).toBe(0);
  expect(droppedWarnings(gen.stderr)).toHaveLength(4);
  const again = await runGenWith({ catalog: p.catalog, docs: p.docs, check: true });
  expect(again.code).toBe(0);
  expect(droppedWarnings(again.stderr)).toEqual([]);
});

it("names each ref of a fallbacks or primary region that the catalog does not have, and none that it has", async () => {
  const page = [
    "```json5", // 1
    "{",
    "  agents: { defaults: { model: {",
    "    // moonshot-kimi-k2-primary:start",
    '    primary: "anthropic/claude-opus-4-6",', // 5
    "    // moonshot-kimi-k2-primary:end",
    "    // moonshot-kimi-k2-fallbacks:start",
    '    fallbacks: ["minimax/MiniMax-M2.7", "moonshot/kimi-k2.5"],', // 8: kimi-k2.5 is retired, still the catalog's
    "    // moonshot-kimi-k2-fallbacks:end",
    "  } } },",
    "}",
    "```",
    "",
  ].join("\n");
  const { file, check } = await checkPage(page);
  expect(check.code).toBe(1);
  expect(droppedWarnings(check.stderr)).toEqual([
    droppedEntry(file, "5:14", "moonshot-kimi-k2-primary"),
    droppedEntry(file, "8:17", "moonshot-kimi-k2-fallbacks"),
  ]);
});

it("judges each line by the model it names: in emphasis, a link, a footnote or another case it is one; another provider's ref is not", async () => {
  const page = [
    "{/* moonshot-kimi-k2-ids:start */}", // 1
    "",
    "- _kimi-k2.6_", // 3
    "- __kimi-code/k3-256k__",
    "- [kimi-k2.7-code](#kimi-k27-code)",
    "- Kimi-K2-Thinking",
    "| moonshot/kimi-k2.5[^1] |",
    "- `moonshot/moonshot-v1-8k/32k/128k`", // 8
    "- `openrouter/moonshotai/kimi-k2.6`", // 9: another provider's ref
    "- Requires a Kimi Code membership.", // 10: a model's name inside a longer phrase
    "- `kimi-k3-custom`", // 11: a catalog id inside a longer one
    "",
    "{/* moonshot-kimi-k2-ids:end */}",
    "",
    "```json5",
    "{",
    "  // moonshot-kimi-k2-aliases:start", // 17
    '  "openrouter/moonshotai/kimi-k2.5": { alias: "K2.5 via OpenRouter" },', // 18
    '  "kimi-code/k3": { alias: "K3" },',
    "  // moonshot-kimi-k2-aliases:end",
    "}",
    "```",
    "",
    "```json5",
    "[",
    "  // moonshot-kimi-k2-models:start", // 26
    '  { id: "kimi-k3-custom", name: "Kimi K3 custom", contextWindow: 1000 },', // 27: judged by its id, not its name
    '  { id: "kimi-k2.5", name: "Kimi K2.5 (old name)" },',
    "  // moonshot-kimi-k2-models:end",
    "]",
    "```",
    "",
    "```python",
    "MODELS = [",
    "    # moonshot-kimi-k2-ids:start", // 35
    '    "my-private-model",  # our fine-tune', // 36: not JSON5, so judged line by line
    '    "kimi-k2.6",',
    "    # moonshot-kimi-k2-ids:end",
    "]",
    "```",
    "",
  ].join("\n");
  const p = tempProjectWith({ "page.md": page });
  const check = await runGenWith({ catalog: p.catalog, docs: p.docs, check: true });
  expect(check.code).toBe(1);
  const lines = droppedWarnings(check.stderr).map((w) => Number(/page\.md:(\d+):/.exec(w)![1]));
  expect(lines).toEqual([9, 10, 11, 18, 27, 36]);
});

it("never warns about regions made stale by the catalog: other names, numbers and models, on every page of the docs", async () => {
  // The repository's docs, generated from an older catalog (other names and figures, a
  // model since removed from a doc group), then checked against the current one.
  const p = tempProject();
  cpSync(join(repoRoot, "docs"), p.docs, { recursive: true });
  const current = readFileSync(p.catalog, "utf8");
  const older = current
    .replace(/("(?:contextWindow|maxTokens)": )(\d+)/g, (_, key: string, n: string) => `${key}${Number(n) / 2}`)
    .replace(/("(?:input|output)": )(\d+(?:\.\d+)?)/g, (_, key: string, n: string) => `${key}${Number(n) + 1}`)
    .replace(/("name": ")([^"]+)"/g, (_, key: string, name: string) => `${key}${name} (preview)"`)
    .replace('"models": [\n        "kimi-k3.1-pro",\n', '"models": [\n');
  expect(older).not.toBe(current);
  const olderCatalog = join(dirname(p.catalog), "older.jsonc");
  writeFileSync(olderCatalog, older);
  expect((await runCli(["gen", "--no-config", "--catalog", olderCatalog, "--docs", p.docs])).code).toBe(0);
  const check = await runCli(["gen", "--check", "--no-config", "--catalog", p.catalog, "--docs", p.docs]);
  expect(check.code).toBe(1);
  expect(check.stdout).toMatch(/[1-9]\d* regions in [1-9]\d* files/);
  expect(droppedWarnings(check.stderr)).toEqual([]);
});
