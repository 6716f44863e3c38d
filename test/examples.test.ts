// The example configs are generated whole from the catalog: every ref in them is
// the catalog's, they pass `validate` without a warning, and a hand edit is drift.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { modelRef } from "../scripts/catalog/model.ts";
import { repoRoot, runCli, tempProject } from "./support/run-cli.ts";

const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));

describe("examples/", () => {
  for (const example of catalog.data.examples ?? []) {
    const path = join(repoRoot, "schema", example.file);

    it(`${example.file}: plain JSON whose refs are the group ${example.group}'s, flagship first`, () => {
      const config = JSON.parse(readFileSync(path, "utf8"));
      const group = catalog.groups.find((g) => g.id === example.group)!;
      const refs = group.models.map((m) => modelRef(group.provider, m));
      expect(config.agents.defaults.model).toEqual({ primary: refs[0], fallbacks: refs.slice(1) });
      expect(Object.keys(config.agents.defaults.models)).toEqual(refs);
      expect(config.models.providers[group.provider.id].models.map((m: { id: string }) => m.id)).toEqual(group.models.map((m) => m.id));
      expect(config.$schema).toBe(example.schema);
    });

    it(`${example.file}: valid, without a warning`, async () => {
      const result = await runCli(["validate", path]);
      expect(result.stdout.trim()).toBe("1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)");
      expect(result.code).toBe(0);
    });
  }

  it("are written only where they exist: a project without examples/ gets none", async () => {
    const { dir, catalog: catalogFile, docs } = tempProject({ docs: true });
    rmSync(join(dir, "examples"), { recursive: true });
    const result = await runCli(["gen", "--catalog", catalogFile, "--docs", docs]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, "examples"))).toBe(false);
  });

  it("a hand edit is drift that gen --check reports and gen repairs", async () => {
    const { dir, catalog: catalogFile, docs } = tempProject({ docs: true });
    const file = join(dir, "examples", "openclaw.json");
    const generated = readFileSync(file, "utf8");
    writeFileSync(file, generated.replace('"input": [\n', '"input": [\n              "audio",\n'));
    const check = await runCli(["gen", "--check", "--catalog", catalogFile, "--docs", docs]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("examples/openclaw.json");
    expect(check.stdout).toContain("1 example config is out of date");
    expect((await runCli(["gen", "--catalog", catalogFile, "--docs", docs])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(generated);
  });
});

describe("an example outside the catalog's repository", () => {
  it("is an error at its `file` in the catalog, and nothing is written (a catalog copied to a repository's root)", async () => {
    const outer = tempProject().dir;
    const repo = join(outer, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "docs"));
    mkdirSync(join(outer, "examples"), { recursive: true });
    const catalogText = readFileSync(join(repoRoot, "schema", "catalog.jsonc"), "utf8");
    writeFileSync(join(repo, "catalog.jsonc"), catalogText);
    const theirs = '{ "not": "ours" }\n';
    writeFileSync(join(outer, "examples", "openclaw.json"), theirs);
    const result = await runCli(["gen", "--no-config", "--catalog", join(repo, "catalog.jsonc"), "--docs", join(repo, "docs")]);
    expect(result.code).toBe(2);
    const line = catalogText.split("\n").findIndex((l) => l.includes('"../examples/openclaw.json"')) + 1;
    expect(result.stderr).toContain(`${join(repo, "catalog.jsonc")}:${line}:`);
    expect(result.stderr).toContain("outside the repository the catalog is in");
    expect(readFileSync(join(outer, "examples", "openclaw.json"), "utf8")).toBe(theirs);
  });
});
