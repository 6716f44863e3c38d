import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { configJsonSchema, serializeSchema } from "../scripts/schema-gen/json-schema.ts";
import { repoRoot, runCli, snapshot, tempProject } from "./support/run-cli.ts";

function projectWithEmptyDocs() {
  const project = tempProject();
  mkdirSync(project.docs);
  return project;
}

describe("generated JSON Schemas", () => {
  it("are committed in sync with the catalog", async () => {
    const project = projectWithEmptyDocs();
    const result = await runCli(["gen", "--check", "--config", project.config, "--docs", project.docs]);
    expect(result.stdout).toContain("up to date");
    expect(result.code).toBe(0);
  });

  it("serialize to the same bytes on every run", () => {
    const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));
    const first = serializeSchema(configJsonSchema(catalog));
    expect(serializeSchema(configJsonSchema(catalog))).toBe(first);
    expect(first.endsWith("}\n")).toBe(true);
  });

  it("describe every property", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, "schema", "config.schema.json"), "utf8"));
    const undescribed: string[] = [];
    const visit = (node: Record<string, unknown>, path: string) => {
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== "string" || typeof child.markdownDescription !== "string") undescribed.push(`${path}.${key}`);
        visit(child, `${path}.${key}`);
      }
      for (const key of ["additionalProperties", "items"]) {
        const child = node[key];
        if (child && typeof child === "object") visit(child as Record<string, unknown>, `${path}.${key}`);
      }
    };
    visit(schema, "$");
    expect(undescribed).toEqual([]);
  });

  it("offers current catalog refs for completion without restricting refs to the catalog", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, "schema", "config.schema.json"), "utf8"));
    // The map is one definition, which agents.defaults and each agent refer to.
    const { $ref } = schema.properties.agents.properties.defaults.properties.models.allOf[0];
    expect($ref).toBe("#/definitions/ModelSettingsByRef");
    const models = schema.definitions.ModelSettingsByRef;
    expect(Object.keys(models.properties)).toContain("moonshot/kimi-k2.6");
    expect(Object.keys(models.properties)).not.toContain("moonshot/kimi-k2-0905-preview");
    expect(models.additionalProperties).toBeTypeOf("object");
    expect(JSON.stringify(models.propertyNames)).not.toContain('"enum"');
  });
});

describe("gen --check on a hand-edited schema", () => {
  it("exits 1 with a diff, and gen restores the file byte for byte", async () => {
    const project = projectWithEmptyDocs();
    const schemaFile = join(project.dir, "schema", "config.schema.json");
    const original = readFileSync(schemaFile, "utf8");
    writeFileSync(schemaFile, original.replace('"title": "Assistant configuration"', '"title": "Edited by hand"'));
    const edited = snapshot(project.dir);

    const check = await runCli(["gen", "--check", "--config", project.config, "--docs", project.docs]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('-  "title": "Edited by hand",');
    expect(check.stdout).toContain('+  "title": "Assistant configuration",');
    expect(check.stdout).toContain(`1 schema file is out of date; run \`npx kimi-config-sync gen --config ${project.config} --docs ${project.docs}\``);
    expect(snapshot(project.dir)).toEqual(edited);

    const gen = await runCli(["gen", "--config", project.config, "--docs", project.docs]);
    expect(gen.code).toBe(0);
    expect(readFileSync(schemaFile, "utf8")).toBe(original);

    const again = await runCli(["gen", "--check", "--config", project.config, "--docs", project.docs]);
    expect(again.code).toBe(0);
  });

  it("reports drift as data with --json", async () => {
    const project = projectWithEmptyDocs();
    const schemaFile = join(project.dir, "schema", "catalog.schema.json");
    writeFileSync(schemaFile, "{}\n");
    const check = await runCli(["gen", "--check", "--json", "--config", project.config, "--docs", project.docs]);
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout);
    expect(report.status).toBe("drift");
    expect(report.files).toEqual([expect.objectContaining({ path: expect.stringContaining("catalog.schema.json"), kind: "schema", status: "changed" })]);
  });
});

describe("command line", () => {
  it("rejects unknown options with exit 2 and the usage", async () => {
    const result = await runCli(["gen", "--chek"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage:");
  });

  it("names a missing catalog file", async () => {
    const result = await runCli(["gen", "--check", "--catalog", "nope/catalog.jsonc"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nope/catalog.jsonc:1:1: cannot read the catalog: file not found");
  });
});
