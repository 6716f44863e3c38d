// The configuration file: where it is found, how its paths resolve, what the
// command line overrides, and what a bad file gives (exit 2, file:line:column, nothing written).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { findProjectConfig, projectSettings } from "../scripts/project-config/load.ts";
import { projectConfigJsonSchema } from "../scripts/project-config/json-schema.ts";
import { PROJECT_CONFIG_FILE } from "../scripts/project-config/schema.ts";
import { serializeSchema } from "../scripts/schema-gen/json-schema.ts";
import { repoRoot, runCli, snapshot, tempDir, tempProject } from "./support/run-cli.ts";

const STALE = "{/* moonshot-kimi-k2-ids:start */}\n\n- `old`\n\n{/* moonshot-kimi-k2-ids:end */}\n";

function write(path: string, text: string): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe("finding the configuration file", () => {
  it("looks from the working folder up to the repository root, and no further", () => {
    const outer = tempDir();
    const repo = join(outer, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    const deep = join(repo, "docs", "guide", "zh-CN");
    mkdirSync(deep, { recursive: true });
    // Above the repository root: never used.
    write(join(outer, PROJECT_CONFIG_FILE), "{}");
    expect(findProjectConfig(deep)).toBeUndefined();
    const file = write(join(repo, PROJECT_CONFIG_FILE), "{}");
    expect(findProjectConfig(deep)).toBe(file);
    const nearer = write(join(repo, "docs", PROJECT_CONFIG_FILE), "{}");
    expect(findProjectConfig(deep)).toBe(nearer);
  });

  it("without one, uses the package's catalog and docs/, and writes no schema", () => {
    const cwd = tempDir();
    const settings = projectSettings(undefined, {}, cwd);
    expect(settings.catalogFile).toBe(join(repoRoot, "schema", "catalog.jsonc"));
    expect(settings.docDirs).toEqual(["docs"]);
    expect(settings.schemaFiles).toEqual({});
    expect(settings.configFile).toBeUndefined();
  });
});

describe("paths in the configuration file", () => {
  it("are relative to the file; command-line flags win over it", () => {
    const dir = tempDir();
    const file = write(
      join(dir, "site", PROJECT_CONFIG_FILE),
      JSON.stringify({
        catalog: "data/catalog.jsonc",
        docs: ["pages", "blog"],
        exclude: ["pages/archive/**"],
        schemas: { config: "public/config.schema.json" },
        rules: { "inactive-model": "off", json: { severity: "warn", scope: "all" } },
        regions: { "moonshot-kimi-k2-table": { columns: ["ref", "name"] } },
        defaultLocale: "zh-CN",
        fixCommand: "make docs",
      }),
    );
    const settings = projectSettings(file, {}, dir);
    expect(settings).toEqual({
      configFile: file,
      catalogFile: "site/data/catalog.jsonc",
      docDirs: ["site/pages", "site/blog"],
      exclude: ["site/pages/archive/**"],
      excludeAsWritten: ["pages/archive/**"],
      schemaFiles: { config: "site/public/config.schema.json" },
      rules: { "inactive-model": { severity: "off" }, json: { severity: "warn", scope: "all" } },
      regions: { "moonshot-kimi-k2-table": { columns: ["ref", "name"] } },
      defaultLocale: "zh-CN",
      fixCommand: "make docs",
    });
    const overridden = projectSettings(file, { catalog: "other.jsonc", docs: ["x"], exclude: ["x/old/**"] }, dir);
    expect([overridden.catalogFile, overridden.docDirs, overridden.exclude, overridden.excludeAsWritten]).toEqual(["other.jsonc", ["x"], ["x/old/**"], undefined]);
    expect(projectSettings(file, {}, join(dir, "site")).docDirs).toEqual(["pages", "blog"]);
  });

  it("`bundled` names the package's catalog", () => {
    const file = write(join(tempDir(), PROJECT_CONFIG_FILE), '{ "catalog": "bundled" }');
    expect(projectSettings(file, {}, tempDir()).catalogFile).toBe(join(repoRoot, "schema", "catalog.jsonc"));
  });

  it("drive gen end to end: docs, schemas and the fix command come from the file", async () => {
    const project = tempProject();
    write(join(project.dir, "site", "models.md"), STALE);
    writeFileSync(
      project.config,
      JSON.stringify({ catalog: "schema/catalog.jsonc", docs: ["site"], schemas: { config: "out/config.schema.json" }, fixCommand: "make docs" }),
    );
    const check = await runCli(["gen", "--check", "--config", project.config]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${join(project.dir, "site", "models.md")}:1: region moonshot-kimi-k2-ids is out of date`);
    expect(check.stdout).toContain("1 region in 1 file and 1 schema file are out of date; run `make docs`");
    // Docs lead, the schema follows.
    expect(check.stdout.indexOf("models.md")).toBeLessThan(check.stdout.indexOf("config.schema.json"));

    expect((await runCli(["gen", "--config", project.config])).code).toBe(0);
    expect(readFileSync(join(project.dir, "out", "config.schema.json"), "utf8")).toBe(readFileSync(join(repoRoot, "schema", "config.schema.json"), "utf8"));
    expect((await runCli(["gen", "--check", "--config", project.config])).code).toBe(0);
  });
});

describe("a configuration file that cannot be used", () => {
  async function genWith(text: string) {
    const project = tempProject();
    write(join(project.dir, "docs", "models.md"), STALE);
    writeFileSync(project.config, text);
    const before = snapshot(project.dir);
    const result = await runCli(["gen", "--config", project.config]);
    expect(snapshot(project.dir)).toEqual(before); // nothing written
    return { ...result, file: project.config };
  }

  it("names an unknown key at its position, with a did-you-mean, and exits 2", async () => {
    const result = await genWith('{\n  "catalog": "schema/catalog.jsonc",\n  "shemas": {}\n}\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${result.file}:3:3: shemas: unknown key "shemas" (did you mean \`schemas\`?)`);
  });

  it("names a nested unknown key and a wrong value", async () => {
    const result = await genWith('{\n  "schemas": { "confg": "x.json" },\n  "rules": { "secret": "warning", "secrets": "warn" }\n}\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${result.file}:2:16: schemas.confg: unknown key "confg" (did you mean \`config\`?)`);
    expect(result.stderr).toMatch(new RegExp(`${result.file}:3:24: rules\\.secret: `));
    // Rule ids are keys of the file's schema: an unknown one is named at its key in the same run.
    expect(result.stderr).toContain(`${result.file}:3:35: rules.secrets: unknown key "secrets" (did you mean \`secret\`?)`);
  });

  it("names the key inside a rule's setting that is wrong, with a did-you-mean, in order, with a summary", async () => {
    const result = await genWith('{ "rules": { "secret": { "severity": "error", "scope": "everywhere" }, "mdx": "warning", "json": { "severity": "warm" } } }\n');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      `${result.file}:1:56: rules.secret.scope: must be one of "generated", "pages-with-regions", "all"`,
      `${result.file}:1:79: rules.mdx: must be one of "error", "warn", "off" (did you mean "warn"?)`,
      `${result.file}:1:112: rules.json.severity: must be one of "error", "warn", "off" (did you mean "warn"?)`,
      "3 problems in the input; nothing was written",
    ]);
  });

  it("gives the documented JSON report of gen and of validate when the file cannot be used", async () => {
    const project = tempProject();
    write(join(project.dir, "docs", "models.md"), STALE);
    writeFileSync(project.config, '{ "docz": ["docs"] }\n');
    const gen = await runCli(["gen", "--check", "--json", "--config", project.config]);
    expect(gen.code).toBe(2);
    expect(JSON.parse(gen.stdout)).toMatchObject({ status: "invalid", files: [], summary: "1 problem in the input; nothing was written" });
    const config = join(project.dir, "ok.json");
    writeFileSync(config, "{}");
    const validate = await runCli(["validate", "--json", "--config", project.config, config]);
    expect(validate.code).toBe(2);
    const report = JSON.parse(validate.stdout);
    expect(report).toMatchObject({ exitCode: 2, files: [], summary: { files: 0, errors: 1 } });
    expect(report.diagnostics[0].message).toContain('unknown key "docz"');
  });

  it("reports a syntax error at its position", async () => {
    const result = await genWith('{\n  "docs": ["docs"]\n  "catalog": "x"\n}\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${result.file}:3:3: missing comma: add "," after the value that ends on line 2; the configuration file is JSON with comments (JSONC)`);
  });

  it("refuses a schema path that is the configuration file, a docs page, the catalog or another schema's file", async () => {
    const own = await genWith('{\n  "schemas": { "config": "kimi-config-sync.config.jsonc" }\n}\n');
    expect(own.code).toBe(2);
    expect(own.stderr).toContain(`${own.file}:2:26: schemas.config: a JSON Schema is written to this path: give one ending in \`.json\``);
    const page = await genWith('{ "schemas": { "catalog": "docs/models.md" } }');
    expect(page.stderr).toContain(`${page.file}:1:27: schemas.catalog: a JSON Schema is written to this path`);
    const twice = await genWith('{ "schemas": { "catalog": "out/s.json", "config": "./out/../out/s.json" } }');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`${twice.file}:1:51: schemas.config: ./out/../out/s.json is also where schemas.catalog is written; give each schema a file of its own`);
  });

  it("refuses a schema path naming a file that exists and is no JSON Schema (the host's config, a package.json), and writes nothing", async () => {
    const project = tempProject();
    write(join(project.dir, "docs", "models.md"), STALE);
    const config = '{\n  "agents": { "defaults": { "model": "moonshot/kimi-k3" } },\n  "gateway": { "port": 8080 }\n}\n';
    write(join(project.dir, "openclaw.json"), config);
    writeFileSync(project.config, '{\n  "catalog": "schema/catalog.jsonc",\n  "schemas": { "config": "openclaw.json" }\n}\n');
    const before = snapshot(project.dir);
    const result = await runCli(["gen", "--config", project.config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${project.config}:3:26: schemas\\.config: \\S*openclaw\\.json exists and is not a JSON Schema; \`gen\` replaces the file whole: write the schema to a file of its own`));
    expect(snapshot(project.dir)).toEqual(before);
  });

  it("refuses a schema path that is an example config the catalog generates (each run would rewrite the other's file)", async () => {
    const result = await genWith('{\n  "catalog": "schema/catalog.jsonc",\n  "schemas": { "config": "examples/openclaw.json" }\n}\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${result.file}:3:26: schemas\\.config: \\S*examples/openclaw\\.json is an example config that \`gen\` writes from the catalog; write the schema to a file of its own`));
  });

  it("refuses to write a schema over the catalog; a schema file broken by hand is regenerated", async () => {
    const project = tempProject();
    write(join(project.dir, "docs", "models.md"), STALE);
    write(join(project.dir, "data", "catalog.json"), readFileSync(join(repoRoot, "schema", "catalog.jsonc"), "utf8"));
    writeFileSync(project.config, '{\n  "catalog": "data/catalog.json",\n  "schemas": { "catalog": "data/catalog.json" }\n}\n');
    const before = snapshot(project.dir);
    const result = await runCli(["gen", "--config", project.config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${project.config}:3:27: schemas.catalog: data/catalog.json is the catalog, which \`gen\` reads; write the schema to a file of its own`);
    expect(snapshot(project.dir)).toEqual(before);
    // A schema file is replaced whatever it holds (here half of a merge conflict).
    writeFileSync(project.config, '{ "catalog": "data/catalog.json", "schemas": { "config": "out/config.schema.json" } }');
    expect((await runCli(["gen", "--config", project.config])).code).toBe(0);
    writeFileSync(join(project.dir, "out", "config.schema.json"), '<<<<<<< HEAD\n{ "type": "object" }\n');
    expect((await runCli(["gen", "--config", project.config])).code).toBe(0);
    expect(readFileSync(join(project.dir, "out", "config.schema.json"), "utf8")).toBe(readFileSync(join(repoRoot, "schema", "config.schema.json"), "utf8"));
  });

  it("names region settings the catalog has no region for, or that the region's kind does not take", async () => {
    const result = await genWith(
      '{\n  "regions": {\n    "moonshot-kimi-k2-tabel": { "columns": ["ref"] },\n    "moonshot-kimi-k2-models": { "columns": ["ref"] },\n    "moonshot-kimi-k2-table": { "columns": ["ref", "ref"] }\n  }\n}\n',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${result.file}:3:5: regions["moonshot-kimi-k2-tabel"]: unknown region "moonshot-kimi-k2-tabel" (did you mean \`moonshot-kimi-k2-table\`?)`);
    expect(result.stderr).toContain(`${result.file}:4:34: regions["moonshot-kimi-k2-models"].columns: a models region has no columns; ids, model-refs, table regions take them`);
    // Checked here, at the key, whether or not a page holds the region.
    expect(result.stderr).toContain(`${result.file}:5:44: regions["moonshot-kimi-k2-table"].columns: column "ref" is named twice; name each column once`);
  });

  it("names a --config file that does not exist", async () => {
    const missing = join(tempDir(), "nope.jsonc");
    const result = await runCli(["gen", "--config", missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${missing}:1:1: cannot read the configuration file: file not found`);
  });
});

describe("the configuration file's JSON Schema", () => {
  it("is committed as generated, and accepts this repository's configuration file", () => {
    const committed = readFileSync(join(repoRoot, "schema", "kimi-config-sync.config.schema.json"), "utf8");
    expect(committed).toBe(serializeSchema(projectConfigJsonSchema()));
    const validate = new Ajv({ strict: false }).compile(JSON.parse(committed));
    const own = readFileSync(join(repoRoot, PROJECT_CONFIG_FILE), "utf8").replace(/^\s*\/\/.*$/gm, "");
    expect(validate(JSON.parse(own)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ shemas: {} })).toBe(false);
  });
});
