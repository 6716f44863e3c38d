import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog, parseCatalog } from "../scripts/catalog/load.ts";
import { InputError, type Diagnostic } from "../scripts/lib/diagnostics.ts";
import { repoRoot, runCli, snapshot, tempProject } from "./support/run-cli.ts";

const catalogText = readFileSync(join(repoRoot, "schema", "catalog.jsonc"), "utf8");

function problems(text: string): Diagnostic[] {
  try {
    parseCatalog("catalog.jsonc", text);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  return [];
}

/** 1-based line:column of the n-th occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  expect(index, `"${needle}" occurs ${occurrence} times`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

describe("the committed catalog", () => {
  it("is valid and resolves every doc group", () => {
    const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));
    expect(catalog.providers.map((p) => p.id)).toEqual(["moonshot", "kimi"]);
    for (const group of catalog.groups) expect(group.models.length).toBeGreaterThan(0);
  });

  it("keeps retired models, each naming a replacement that can be used", () => {
    const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));
    const moonshot = catalog.providers.find((p) => p.id === "moonshot")!;
    const retired = moonshot.models.filter((m) => m.lifecycle.status === "retired");
    expect(retired.map((m) => m.id)).toContain("kimi-k2-0905-preview");
    for (const model of retired) {
      const lifecycle = model.lifecycle;
      if (lifecycle.status === "current") continue;
      const replacement = moonshot.models.find((m) => m.id === lifecycle.replacement);
      expect(replacement?.lifecycle.status).toBe("current");
    }
  });
});

describe("catalog errors", () => {
  it("reports a duplicate id and an over-long maxTokens at once, each at its line and column", () => {
    const text = catalogText
      .replace('"id": "kimi-k2.7-code",', '"id": "kimi-k2.6",')
      .replace('"maxTokens": 32768,', '"maxTokens": 300000,');
    const found = problems(text);
    // Renaming kimi-k2.7-code also leaves the three doc groups that list it pointing at nothing.
    expect(found.map((d) => d.rule).sort()).toEqual([
      "catalog/duplicate-id",
      "catalog/max-tokens",
      "catalog/unknown-model",
      "catalog/unknown-model",
      "catalog/unknown-model",
    ]);

    const duplicate = found.find((d) => d.rule === "catalog/duplicate-id")!;
    expect(duplicate).toMatchObject(positionOf(text, '"kimi-k2.6",', 2));
    expect(duplicate.message).toContain('duplicate model id "kimi-k2.6"');

    const maxTokens = found.find((d) => d.rule === "catalog/max-tokens")!;
    expect(maxTokens).toMatchObject(positionOf(text, "300000"));
    expect(maxTokens.message).toContain("maxTokens (300000) is larger than contextWindow (32768) for moonshot/moonshot-v1-32k");
  });

  it.each([
    ["duplicate alias", ['"alias": "Kimi K2.7 Code",', '"alias": "Kimi K2.6",'], "catalog/duplicate-alias", '"Kimi K2.6",', 3],
    ["a replacement that names no model", ['"replacement": "kimi-k2.6"', '"replacement": "kimi-k2.66"'], "catalog/replacement", '"kimi-k2.66"', 1],
    ["a group naming an unknown model", ['"models": [\n        "kimi-k3.1-pro",', '"models": [\n        "kimi-k9",'], "catalog/unknown-model", '"kimi-k9"', 1],
    ["a bad date", ['"releaseDate": "2026-04-20"', '"releaseDate": "2026-04-31"'], "catalog/schema", '"2026-04-31"', 1],
    ["a per-token price", ['"output": 4.0,', '"output": 4000,'], "catalog/schema", "4000", 1],
    ["an unknown key", ['"reasoning": true,', '"reasoning": true, "reasonning": true,'], "catalog/unknown-key", '"reasonning"', 1],
    ["an alias that is another model's id", ['"alias": "Kimi K3",', '"alias": "kimi-k2.6",'], "catalog/alias-is-id", '"kimi-k2.6",', 1],
    ["an alias that is a ref", ['"alias": "Kimi K3",', '"alias": "moonshot/k3",'], "catalog/alias-is-ref", '"moonshot/k3"', 1],
    ["a host id that is another model's id", ['"hostIds": [\n            "k3[1m]"', '"hostIds": [\n            "k3-256k"'], "catalog/duplicate-id", '"k3-256k"', 1],
  ] as const)("reports %s at the value", (_name, [from, to], rule, needle, occurrence) => {
    expect(catalogText.includes(from), `fixture text "${from}" exists`).toBe(true);
    const text = catalogText.replace(from, to);
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule, ...positionOf(text, needle, occurrence) });
  });

  it("names where a duplicate id was first written, by line and column", () => {
    const text = catalogText.replace('"id": "kimi-k2.7-code",', '"id": "kimi-k2.6",');
    const duplicate = problems(text).find((d) => d.rule === "catalog/duplicate-id")!;
    const first = positionOf(text, '"kimi-k2.6",');
    expect(duplicate.message).toContain(`(first at line ${first.line}, column ${first.column})`);
  });

  it("a group naming a model of another provider says whose model it is", () => {
    const text = catalogText.replace('"models": [\n        "kimi-k3.1-pro",', '"models": [\n        "kimi-for-coding",');
    const found = problems(text).filter((d) => d.rule === "catalog/unknown-model");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"kimi-for-coding" is a model of provider "kimi": a group lists its own provider\'s models');
  });

  it("a host id repeating the id of a model written after it points there as `also at`, not `first at`", () => {
    const text = catalogText.replace('"hostIds": [\n            "k3[1m]"', '"hostIds": [\n            "k3-256k"');
    const duplicate = problems(text).find((d) => d.rule === "catalog/duplicate-id")!;
    const hostId = positionOf(text, '"k3-256k"', 1);
    const modelId = positionOf(text, '"k3-256k"', 2);
    expect(modelId.line).toBeGreaterThan(hostId.line);
    expect(duplicate).toMatchObject(hostId);
    expect(duplicate.message).toContain(`(also at line ${modelId.line}, column ${modelId.column})`);
  });

  it.each([
    ["2026-02-30", "2026-02-30 is not a day: February 2026 has 28 days"],
    ["2028-02-30", "2028-02-30 is not a day: February 2028 has 29 days"],
    ["2026-13-01", "2026-13-01 has no month 13: months run from 01 to 12"],
    ["2026-4-20", "must be a date written YYYY-MM-DD"],
  ])("says why the date %s is not one", (date, message) => {
    const text = catalogText.replace('"releaseDate": "2026-04-20"', `"releaseDate": "${date}"`);
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(message);
  });

  it("reports the rules' problems along with shape problems, in one run", () => {
    // The malformed date is in another provider's model than the models the rules find fault with.
    const text = catalogText
      .replace('"releaseDate": "2025-12-01"', '"releaseDate": "2025-12-32"')
      .replace('"maxTokens": 32768,', '"maxTokens": 300000,')
      .replace('"models": [\n        "kimi-k3.1-pro",', '"models": [\n        "kimi-k9",');
    const found = problems(text);
    expect(found.map((d) => d.rule).sort()).toEqual(["catalog/max-tokens", "catalog/schema", "catalog/unknown-model"]);
    expect(found.find((d) => d.rule === "catalog/max-tokens")).toMatchObject(positionOf(text, "300000"));
    expect(found.find((d) => d.rule === "catalog/unknown-model")).toMatchObject(positionOf(text, '"kimi-k9"'));
  });

  it("raises no rule problem that a malformed model could have caused", () => {
    // kimi-k2.6 is malformed: groups listing it and the models it replaces must not call it unknown.
    const model = catalogText.indexOf('"id": "kimi-k2.6",');
    const contextWindow = catalogText.indexOf('"contextWindow":', model);
    const text = `${catalogText.slice(0, contextWindow)}"contextWindow": "lots",${catalogText.slice(catalogText.indexOf("\n", contextWindow))}`;
    expect(catalogText).toContain('"replacement": "kimi-k2.6"');
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "catalog/schema", ...positionOf(text, '"lots"') });
  });

  it("reports a malformed model's neighbours' problems", () => {
    const model = catalogText.indexOf('"id": "kimi-k2.6",');
    const contextWindow = catalogText.indexOf('"contextWindow":', model);
    const text = `${catalogText.slice(0, contextWindow)}"contextWindow": "lots",${catalogText.slice(catalogText.indexOf("\n", contextWindow))}`
      .replace('"alias": "Kimi K2.7 Code",', '"alias": "Kimi K3.1 Pro",');
    const found = problems(text);
    expect(found.map((d) => d.rule).sort()).toEqual(["catalog/duplicate-alias", "catalog/schema"]);
  });

  it("suggests the closest id for a misspelled group member", () => {
    const text = catalogText.replace('"models": [\n        "kimi-k3.1-pro",', '"models": [\n        "kimi-k3.1-prox",');
    expect(problems(text)[0]?.message).toContain("did you mean `kimi-k3.1-pro`?");
  });

  it("reports a syntax error at its position", () => {
    const text = catalogText.replace('"id": "moonshot",', '"id": "moonshot"');
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "catalog/syntax", ...positionOf(text, '"name": "Moonshot AI"') });
  });
});

describe("gen with an invalid catalog", () => {
  it("exits 2, prints every error as file:line:column, and writes nothing", async () => {
    const project = tempProject();
    const text = readFileSync(project.catalog, "utf8")
      .replace('"id": "kimi-k2.7-code",', '"id": "kimi-k2.6",')
      .replace('"maxTokens": 32768,', '"maxTokens": 300000,');
    writeFileSync(project.catalog, text);
    const before = snapshot(project.dir);

    const result = await runCli(["gen", "--catalog", project.catalog, "--docs", project.docs]);

    expect(result.code).toBe(2);
    const dup = positionOf(text, '"kimi-k2.6",', 2);
    const max = positionOf(text, "300000");
    expect(result.stderr).toContain(`${project.catalog}:${dup.line}:${dup.column}: duplicate model id "kimi-k2.6"`);
    expect(result.stderr).toContain(`${project.catalog}:${max.line}:${max.column}: maxTokens (300000)`);
    expect(snapshot(project.dir)).toEqual(before);
  });
});
