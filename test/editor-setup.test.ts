// The editor set-up a new user follows, tried headless: the workspace's
// .vscode/settings.json `json.schemas` entries (resolved the way VS Code resolves
// workspace settings) and `$schema` in a file, applied to the shipped examples.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SchemaConfiguration } from "vscode-json-languageservice";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { parseJsonSource } from "../scripts/lib/json-source.ts";
import { checkConfigText } from "../scripts/validate/check-config.ts";
import { CATALOG_SCHEMA, CONFIG_SCHEMA, createLanguageService, fileUri, open, ROOT } from "./editor-support.ts";

interface SchemaSetting {
  fileMatch: string[];
  url: string;
}

function workspaceSchemas(): SchemaConfiguration[] {
  const settings = parseJsonSource(readFileSync(join(ROOT, ".vscode/settings.json"), "utf8"), "jsonc").value as {
    "json.schemas": SchemaSetting[];
  };
  const folder = `${fileUri(ROOT).replace(/\/$/, "")}/`;
  return settings["json.schemas"].map((s) => ({
    // VS Code resolves a relative url in workspace settings against the workspace folder.
    uri: new URL(s.url, folder).href,
    fileMatch: s.fileMatch,
    folderUri: folder,
  }));
}

const EXAMPLES = readdirSync(join(ROOT, "examples"))
  .filter((name) => /\.jsonc?$/.test(name))
  .map((name) => join(ROOT, "examples", name));

describe("editor set-up: json.schemas in .vscode/settings.json", () => {
  const service = createLanguageService(workspaceSchemas());

  it("points every entry at a schema file in the repository", () => {
    const uris = workspaceSchemas().map((s) => s.uri);
    expect(uris).toEqual([fileUri(CONFIG_SCHEMA), fileUri(CATALOG_SCHEMA)]);
  });

  it("ships examples to try it on", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
  });

  for (const path of EXAMPLES) {
    const name = path.slice(ROOT.length);
    it(`${name}: the config schema applies and finds nothing wrong`, async () => {
      const session = open(service, path, readFileSync(path, "utf8"));
      expect(session.schemaUris()).toContain(fileUri(CONFIG_SCHEMA));
      expect(await session.diagnostics()).toEqual([]);
    });
  }

  it("matches a user's openclaw.json by name alone, without `$schema`, and flags a mistake in it", async () => {
    const text = readFileSync(join(ROOT, "examples/openclaw.json"), "utf8").replace(/"\$schema": "[^"]*",/, "");
    expect(text).not.toContain(`"$schema"`);
    const path = join(ROOT, "config", "openclaw.json");
    expect(open(service, path, text).schemaUris()).toEqual([fileUri(CONFIG_SCHEMA)]);
    expect(await open(service, path, text).diagnostics()).toEqual([]);
    const broken = text.replace(`"mode": "merge"`, `"mode": "merged"`);
    const diagnostics = await open(service, path, broken).diagnostics();
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining(`"merge", "replace"`)]);
  });

  it("matches *.config.json without `$schema` and flags a mistake in it", async () => {
    const path = join(ROOT, "examples/kimi-code.config.json");
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain(`"$schema"`);
    const broken = text.replace(`"contextWindow": 262144`, `"contextWindow": "big"`);
    expect(broken).not.toBe(text);
    const diagnostics = await open(service, path, broken).diagnostics();
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("integer")]);
  });

  it("applies the catalog schema to schema/catalog.jsonc", async () => {
    const path = join(ROOT, "schema/catalog.jsonc");
    const session = open(service, path, readFileSync(path, "utf8"));
    expect(session.schemaUris()).toContain(fileUri(CATALOG_SCHEMA));
    expect(await session.diagnostics()).toEqual([]);
  });

  it("leaves other JSON files alone", () => {
    expect(open(service, join(ROOT, "package.json"), "{}").schemaUris()).toEqual([]);
  });
});

describe("editor set-up: `$schema` in the file", () => {
  const service = createLanguageService();

  it("examples/openclaw.json names the generated schema by relative path, and it loads", async () => {
    const path = join(ROOT, "examples/openclaw.json");
    const text = readFileSync(path, "utf8");
    const session = open(service, path, text);
    expect(session.schemaUris()).toEqual([fileUri(CONFIG_SCHEMA)]);
    expect(await session.diagnostics()).toEqual([]);
    const broken = text.replace(`"baseUrl": "https://api.moonshot.ai/v1"`, `"baseUrl": "api.moonshot.ai"`);
    expect((await open(service, path, broken).diagnostics()).map((d) => d.message)).toEqual([
      expect.stringContaining("http(s) URL"),
    ]);
  });
});

describe("the examples pass `validate` too", () => {
  const catalog = loadCatalog(join(ROOT, "schema/catalog.jsonc"));
  for (const path of EXAMPLES) {
    it(`${path.slice(ROOT.length)} has no errors and no warnings`, () => {
      expect(checkConfigText(path, readFileSync(path, "utf8"), { catalog, environment: {} })).toEqual([]);
    });
  }
});
