// A provider known by several ids: the catalog's `aliases`. Refs, provider keys and
// completions treat every alias like the id. Checked on a catalog of our own in
// which the Kimi Code provider is `kimi`, also known as `kimi-code` and `kimi-coding`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "../scripts/catalog/load.ts";
import { InputError } from "../scripts/lib/diagnostics.ts";
import { parseJsonSource } from "../scripts/lib/json-source.ts";
import { modelRefCompletions } from "../scripts/schema-gen/json-schema.ts";
import { checkConfigText, checkParsedConfig } from "../scripts/validate/check-config.ts";

const ROOT = join(import.meta.dirname, "..");
const catalogText = readFileSync(join(ROOT, "schema/catalog.jsonc"), "utf8");

/** The repository's catalog with the Kimi Code provider renamed `kimi`, aliased `kimi-code` and `kimi-coding`. */
function catalogWithAliases() {
  const data = parseJsonSource(catalogText, "jsonc").value as {
    providers: Array<{ id: string; aliases?: string[] }>;
    docGroups: Array<{ provider: string }>;
  };
  const kimi = data.providers.find((p) => p.id === "kimi-code" || p.id === "kimi")!;
  kimi.id = "kimi";
  kimi.aliases = ["kimi-code", "kimi-coding"];
  for (const group of data.docGroups) if (group.provider === "kimi-code") group.provider = "kimi";
  // Beside the real catalog, so that its locale files are found.
  return parseCatalog(join(ROOT, "schema/catalog-with-aliases.jsonc"), JSON.stringify(data, null, 2));
}

const catalog = catalogWithAliases();
const check = (config: unknown) =>
  checkConfigText("config.json", JSON.stringify(config, null, 2), { catalog }).map((d) => ({ rule: d.rule, path: d.path, message: d.message }));
const primary = (ref: string) => ({ agents: { defaults: { model: { primary: ref } } } });

describe("provider aliases", () => {
  it("accepts a catalog model under the id and under every alias", () => {
    for (const id of ["kimi", "kimi-code", "kimi-coding"]) expect(check(primary(`${id}/kimi-for-coding`)), id).toEqual([]);
  });

  it("checks refs under an alias against the catalog, and suggests under the prefix the user wrote", () => {
    const [finding] = check(primary("kimi-coding/kimi-for-codin"));
    expect(finding).toMatchObject({ rule: "config/unknown-model", path: "agents.defaults.model.primary" });
    expect(finding!.message).toContain("did you mean `kimi-coding/kimi-for-coding`?");
    expect(finding!.message).not.toMatch(/`kimi\/|`kimi-code\/|moonshot\//);
  });

  it("counts models the file adds under an alias for refs by any of the ids", () => {
    const config = {
      ...primary("kimi/kimi-next"),
      models: { providers: { "kimi-code": { models: [{ id: "kimi-next", name: "Kimi Next" }] } } },
    };
    expect(check(config)).toEqual([]);
  });

  it("offers completions under every id, naming the provider an alias belongs to", () => {
    const refs = modelRefCompletions(catalog);
    for (const id of ["kimi", "kimi-code", "kimi-coding"]) expect(refs.map((r) => r.ref)).toContain(`${id}/kimi-for-coding`);
    expect(refs.find((r) => r.ref === "kimi-coding/kimi-for-coding")?.description).toContain("alias of `kimi`");
  });

  it("rejects an alias that another provider already has as its id or alias", () => {
    const text = catalogText.replace('"aliases": [\n        "kimi-code",', '"aliases": [\n        "moonshot",\n        "kimi-code",');
    expect(text).not.toBe(catalogText);
    expect(() => parseCatalog(join(ROOT, "schema/catalog-taken-alias.jsonc"), text)).toThrow(/duplicate provider id "moonshot"/);
  });

  it("rejects an alias that is not a provider id", () => {
    const text = catalogText.replace('"kimi-coding"\n', '"Kimi Code"\n');
    expect(text).not.toBe(catalogText);
    expect(() => parseCatalog(join(ROOT, "schema/catalog-bad-alias.jsonc"), text)).toThrow(InputError);
  });
});

describe("duplicate keys", () => {
  it("are reported by the catalog loader at the second key, naming the first", () => {
    const text = catalogText.replace('"name": "Kimi Code",', '"name": "Kimi Code",\n      "name": "Kimi Code Again",');
    let error: unknown;
    try {
      parseCatalog(join(ROOT, "schema/catalog-duplicate.jsonc"), text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const [first] = (error as InputError).diagnostics;
    const lines = text.split("\n");
    const second = lines.findIndex((l) => l.includes('"name": "Kimi Code Again"'));
    expect(first).toMatchObject({ rule: "catalog/duplicate-key", line: second + 1, column: lines[second]!.indexOf('"name"') + 1 });
    expect(first!.message).toContain(`already set at line ${second}`);
  });

  it("are warned about in a config even deep inside, and a third occurrence too: the host reads the file, the later value winning", () => {
    const text = '{ "models": { "mode": "merge", "mode": "replace", "mode": "merge" } }';
    expect(checkConfigText("c.json", text, { catalog }).map((d) => [d.rule, d.severity, d.column])).toEqual([
      ["config/duplicate-key", "warning", 32],
      ["config/duplicate-key", "warning", 51],
    ]);
  });
});

describe("__proto__ and constructor keys", () => {
  it("are validated like any other key, in records and in objects", () => {
    const text = JSON.stringify({
      models: { providers: { __proto__: { baseUrl: 1, models: "none" } } },
      agents: { defaults: { models: { constructor: { alias: 1 } } } },
    });
    // JSON.stringify drops a __proto__ member made by an object literal; write it by hand.
    const source = text.replace('"providers":{}', '"providers":{"__proto__":{"baseUrl":1,"models":"none"}}');
    const found = checkConfigText("c.json", source, { catalog }).map((d) => d.path);
    expect(found).toEqual(expect.arrayContaining(["models.providers.__proto__.baseUrl", "models.providers.__proto__.models", "agents.defaults.models.constructor.alias"]));
    expect(checkConfigText("c.json", '{ "models": { "__proto__": {} } }', { catalog })).toEqual([
      expect.objectContaining({ path: "models.__proto__", rule: "config/unknown-key" }),
    ]);
  });
});

describe("checkParsedConfig, for config examples in docs", () => {
  it("gives findings positioned in the block's own text", () => {
    const block = '{\n  models: {\n    mode: "merged",\n  },\n}\n';
    const problems = checkParsedConfig(parseJsonSource(block, "json5"), { catalog });
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, column: 11, path: "models.mode", rule: "config/schema", severity: "error", message: expect.stringContaining('did you mean "merge"?') }),
    ]);
  });
});
