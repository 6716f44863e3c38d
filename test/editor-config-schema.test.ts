// The generated schema/config.schema.json, read from disk, driven through VS Code's
// own JSON engine: what a user editing a config file sees.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Hover, MarkupContent } from "vscode-json-languageservice";
import { ProviderModel } from "../schema/config.ts";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { allModels, isActive } from "../scripts/catalog/model.ts";
import { modelRefCompletions } from "../scripts/schema-gen/json-schema.ts";
import { checkConfigText } from "../scripts/validate/check-config.ts";
import { CATALOG_SCHEMA, CONFIG_SCHEMA, createLanguageService, fileUri, open, rangeText, ROOT, spanOf } from "./editor-support.ts";

// A config as a user writes it: `$schema` beside the file, comments, trailing commas.
const VALID = `// Assistant config for Moonshot AI
{
  "$schema": "./schema/config.schema.json",
  "env": { "MOONSHOT_API_KEY": "sk-test", },
  "agents": {
    "defaults": {
      "model": { "primary": "moonshot/kimi-k2.6", "fallbacks": ["moonshot/kimi-k3",], },
      "models": { "moonshot/kimi-k2.6": { "alias": "K2.6" }, },
    },
  },
  "models": {
    "mode": "merge", /* "replace" drops the built-in providers */
    "providers": {
      "moonshot": {
        "baseUrl": "https://api.moonshot.ai/v1",
        "apiKey": "\${MOONSHOT_API_KEY}",
        "api": "openai-completions",
        "models": [
          { "id": "kimi-k2.6", "name": "Kimi K2.6", "contextWindow": 262144, "maxTokens": 262144, },
        ],
      },
    },
  },
}
`;

const DOC = join(ROOT, "openclaw.json");

function variant(from: string, to: string): string {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
}

const catalog = loadCatalog(join(ROOT, "schema/catalog.jsonc"));
const current = allModels(catalog).filter(({ model }) => isActive(model));
const inactive = allModels(catalog).filter(({ model }) => !isActive(model));

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  if (contents === undefined) return "";
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((p) => (typeof p === "string" ? p : (p as MarkupContent).value)).join("\n");
}

describe("config schema in VS Code's JSON engine", () => {
  const service = createLanguageService();

  beforeAll(() => {
    // The catalog has both kinds, or the completion tests below prove little.
    expect(current.length).toBeGreaterThan(0);
    expect(inactive.length).toBeGreaterThan(0);
  });

  it("applies the schema named by `$schema` and finds nothing wrong in a valid JSONC config", async () => {
    const session = open(service, DOC, VALID);
    expect(session.schemaUris()).toEqual([fileUri(CONFIG_SCHEMA)]);
    expect(await session.diagnostics()).toEqual([]);
  });

  it("accepts `$include` in any object, which then need not hold its required keys, and refuses one that is no path", async () => {
    const text = variant(`"mode": "merge",`, `"mode": "merge", "$include": ["./models.json5"],`)
      .replace(`"env": { "MOONSHOT_API_KEY": "sk-test", },`, `"env": { "$include": "./env.json5", "MOONSHOT_API_KEY": "sk-test", },`)
      .replace(`"providers": {`, `"providers": { "custom": { "$include": "./custom.json5" }, "spare": { "$include": [] },`);
    expect(await open(service, DOC, text).diagnostics()).toEqual([]);
    const wrong = variant(`"mode": "merge",`, `"mode": "merge", "$include": 3,`);
    const diagnostics = await open(service, DOC, wrong).diagnostics();
    expect(diagnostics).toHaveLength(1);
  });

  it("takes an object holding `$include` alone as the included file's value, of any type (the host's src/config/includes.ts), as validate does", async () => {
    const text = variant(`"fallbacks": ["moonshot/kimi-k3",]`, `"fallbacks": { "$include": "./fallbacks.json5" }`)
      .replace(`"apiKey": "\${MOONSHOT_API_KEY}",`, `"apiKey": { "$include": "./moonshot-key.json5" }, "request": { "auth": { "$include": "./auth.json5" } },`)
      .replace(/"models": \[[^\]]*\]/, `"models": { "$include": "./moonshot-models.json5" }`);
    expect(text).toContain(`"models": { "$include"`);
    expect(await open(service, DOC, text).diagnostics()).toEqual([]);
    // Beside other keys the file must hold an object, merged with them: where a list goes, that is one problem.
    const merged = variant(`"fallbacks": ["moonshot/kimi-k3",]`, `"fallbacks": { "$include": "./fallbacks.json5", "more": "moonshot/kimi-k3" }`);
    const diagnostics = await open(service, DOC, merged).diagnostics();
    expect(diagnostics.map((d) => d.message)).toEqual(["Property more is not allowed."]);
    // The value completions of a ref do not offer such an object.
    const at = VALID.indexOf(`"moonshot/kimi-k2.6"`) + 1;
    const labels = (await open(service, DOC, VALID).completeAt(at)).map((item) => item.label);
    expect(labels).toContain(JSON.stringify("moonshot/kimi-k2.6"));
    expect(labels.some((label) => label.startsWith("{"))).toBe(false);
  });

  it("takes `$include` beside keys that several kinds of a union share (a proxy's `tls`, a secret reference's `provider`): the included file says which kind, as validate does", async () => {
    const text = variant(`"apiKey": "\${MOONSHOT_API_KEY}",`, [
      `"apiKey": { "$include": "./key.json5", "provider": "default" },`,
      `"request": {`,
      `  "proxy": { "$include": "./proxy.json5", "tls": { "insecureSkipVerify": false } },`,
      `  "auth": { "$include": "./auth.json5", "prefix": "Bearer " },`,
      `},`,
    ].join("\n"));
    expect(await open(service, DOC, text).diagnostics()).toEqual([]);
    expect(checkConfigText("openclaw.json", text, { catalog })).toEqual([]);
    // Without `$include` the kind must still be named, and a wrong one is still one problem.
    const unnamed = variant(`"apiKey": "\${MOONSHOT_API_KEY}",`, `"request": { "proxy": { "tls": { "insecureSkipVerify": false } } },`);
    expect((await open(service, DOC, unnamed).diagnostics()).map((d) => d.message)).toEqual(['Missing property "mode".']);
  });

  it("accepts a ${VAR} placeholder for a string value with fixed choices or a pattern, as validate does, and not for a number", async () => {
    const text = variant(`"mode": "merge"`, `"mode": "\${MODELS_MODE}"`).replace(`"api": "openai-completions"`, `"api": "\${MOONSHOT_API}"`);
    expect(text).toContain(`"api": "\${MOONSHOT_API}"`);
    expect(await open(service, DOC, text).diagnostics()).toEqual([]);
    const number = variant(`"contextWindow": 262144`, `"contextWindow": "\${CONTEXT_WINDOW}"`);
    expect((await open(service, DOC, number).diagnostics()).map((d) => d.message)).toEqual(['Incorrect type. Expected "integer".']);
    // The choices are still offered.
    const at = spanOf(VALID, `"mode": "`).end;
    const labels = (await open(service, DOC, VALID).completeAt(at)).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining([JSON.stringify("merge"), JSON.stringify("replace")]));
  });

  it("accepts a model named by an alias or by its id alone, as the host does", async () => {
    const text = variant(`"fallbacks": ["moonshot/kimi-k3",]`, `"fallbacks": ["kimi-k3", "opus",]`);
    expect(await open(service, DOC, text).diagnostics()).toEqual([]);
  });

  it("takes a built-in provider's id in any case (the host lower-cases ids), and still asks a provider of the file's own for baseUrl and models", async () => {
    const builtIn = variant(`"providers": {`, `"providers": { "OpenRouter": { "apiKey": "" }, " Ollama ": { "apiKey": "" },`);
    expect(await open(service, DOC, builtIn).diagnostics()).toEqual([]);
    const own = variant(`"providers": {`, `"providers": { "MyProxy": { "apiKey": "" },`);
    const diagnostics = await open(service, DOC, own).diagnostics();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map((d) => d.message).join("\n")).toMatch(/baseUrl|models/);
  });

  it("refuses a catalog model's id in another case, naming the ref to write, as validate does, and takes the provider id in any case (the host lower-cases provider ids and compares model ids as written)", async () => {
    const text = variant(`"primary": "moonshot/kimi-k2.6"`, `"primary": "moonshot/Kimi-K2.6"`)
      .replace(`["moonshot/kimi-k3",]`, `["Moonshot/kimi-k3", "kimi-code/K2P5",]`)
      .replace(`"models": { "moonshot/kimi-k2.6": { "alias": "K2.6" }, },`, `"models": { "moonshot/kimi-k2.6": { "alias": "K2.6" }, "Kimi/Kimi-For-Coding": {}, },`);
    const diagnostics = await open(service, DOC, text).diagnostics();
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Model ids are case-sensitive: write "moonshot/kimi-k2.6".',
      'Model ids are case-sensitive: write "kimi/kimi-for-coding".',
    ]);
    expect(checkConfigText("openclaw.json", text, { catalog }).map((d) => d.message)).toEqual([
      expect.stringContaining("model ids are case-sensitive: write `moonshot/kimi-k2.6`"),
      expect.stringContaining("model ids are case-sensitive: write `Kimi/kimi-for-coding`"),
    ]);
  });

  it("takes a ref to a model the file defines itself under a catalog provider with an id in another case, as validate and the host do", async () => {
    const own = variant(`"primary": "moonshot/kimi-k2.6"`, `"primary": "moonshot/Kimi-K2.6"`).replace(`"models": [`, `"models": [ { "id": "Kimi-K2.6", "name": "Kimi K2.6 (fine-tuned)" },`);
    expect(await open(service, DOC, own).diagnostics()).toEqual([]);
    expect(checkConfigText("openclaw.json", own, { catalog })).toEqual([]);
    // The schema cannot compare a ref with the ids the file lists, only tell whether the file lists such an id at all:
    // in such a file a third spelling (KIMI-K2.6) names no model, which validate reports and the editor leaves alone.
    const third = own.replace(`["moonshot/kimi-k3",]`, `["moonshot/KIMI-K2.6",]`);
    expect(await open(service, DOC, third).diagnostics()).toEqual([]);
    expect(checkConfigText("openclaw.json", third, { catalog }).map((d) => d.message)).toEqual([expect.stringContaining("model ids are case-sensitive")]);
  });

  it("marks keys current host releases no longer take as deprecated, warnings with what to write instead, as validate does", async () => {
    const path = join(ROOT, "test/fixtures/configs/warnings/retired-keys.jsonc");
    const text = readFileSync(path, "utf8");
    const editor = createLanguageService([{ uri: fileUri(CONFIG_SCHEMA), fileMatch: ["*.jsonc"] }]);
    const session = open(editor, path, text);
    const marked = (await session.diagnostics()).map((d) => ({ at: rangeText(session, d), severity: d.severity, message: d.message }));
    const found = checkConfigText(path, text, { catalog });
    // The editor marks the whole member, starting at its key; validate points at the key.
    expect(marked.map((m) => m.at.split(":")[0])).toEqual([`"nativeWebSearchTool"`, `"requiresMistralToolIds"`]);
    expect(marked.every((m) => m.severity === 2)).toBe(true); // DiagnosticSeverity.Warning
    expect(found.map((d) => d.message)).toEqual(marked.map((m) => m.message));
    expect(found.every((d) => d.severity === "warning")).toBe(true);
  });

  it("accepts a model ref that is not in the catalog", async () => {
    const text = variant(`"primary": "moonshot/kimi-k2.6"`, `"primary": "local/my-finetune"`);
    expect(await open(service, DOC, text).diagnostics()).toEqual([]);
  });

  const cases = [
    { name: "an unknown key inside a provider", from: `"api": "openai-completions",`, to: `"api": "openai-completions", "regoin": "cn",`, at: `"regoin"`, says: /regoin/ },
    { name: "an unknown key inside a model's compat", from: `"maxTokens": 262144, }`, to: `"maxTokens": 262144, "compat": { "supportsDevloperRole": false } }`, at: `"supportsDevloperRole"`, says: /supportsDevloperRole/ },
    { name: "an unknown thinking level", from: `"maxTokens": 262144, }`, to: `"maxTokens": 262144, "thinkingLevelMap": { "ultra": "max" } }`, at: `"ultra"`, says: /ultra/ },
    { name: "a secret reference with an unknown source", from: `"apiKey": "\${MOONSHOT_API_KEY}",`, to: `"apiKey": { "source": "vault", "provider": "default", "id": "MOONSHOT_API_KEY" },`, at: `"vault"`, says: /"env", "file", "exec", "store"/ },
    { name: "a negative price", from: `"maxTokens": 262144, }`, to: `"maxTokens": 262144, "cost": { "input": -1 } }`, at: `-1`, says: /0/ },
    { name: `contextWindow: "big"`, from: `"contextWindow": 262144`, to: `"contextWindow": "big"`, at: `"big"`, says: /integer/ },
    { name: "an unknown api", from: `"api": "openai-completions"`, to: `"api": "openai-chat"`, at: `"openai-chat"`, says: /openai-completions/ },
    { name: `mode: "merged"`, from: `"mode": "merge"`, to: `"mode": "merged"`, at: `"merged"`, says: /"merge", "replace"/ },
    { name: "a baseUrl that is not a URL", from: `"baseUrl": "https://api.moonshot.ai/v1"`, to: `"baseUrl": "api.moonshot.ai/v1"`, at: `"api.moonshot.ai/v1"`, says: /http\(s\) URL/ },
    { name: "a model ref that is not a string", from: `"fallbacks": ["moonshot/kimi-k3",]`, to: `"fallbacks": [3,]`, at: `3`, says: /string/ },
  ];

  for (const c of cases) {
    it(`reports ${c.name} once, on exactly that token`, async () => {
      const text = variant(c.from, c.to);
      const session = open(service, DOC, text);
      const diagnostics = await session.diagnostics();
      expect(diagnostics).toHaveLength(1);
      const [diagnostic] = diagnostics;
      const expected = spanOf(text, c.at, text.indexOf(c.to));
      expect(session.document.offsetAt(diagnostic!.range.start)).toBe(expected.start);
      expect(session.document.offsetAt(diagnostic!.range.end)).toBe(expected.end);
      expect(rangeText(session, diagnostic!)).toBe(c.at);
      expect(diagnostic!.message).toMatch(c.says);
    });
  }

  it("reports a comment when the file is strict JSON in all but that", async () => {
    // The schema is what allows comments; without it the same text is an error.
    const bare = createLanguageService();
    const text = VALID.replace(`"$schema": "./schema/config.schema.json",`, "");
    const diagnostics = await open(bare, join(ROOT, "unrelated.json"), text).diagnostics();
    expect(diagnostics.map((d) => d.message)).toContain("Comments are not permitted in JSON.");
  });

  for (const where of [
    { name: "primary", text: () => variant(`"primary": "moonshot/kimi-k2.6"`, `"primary": ""`), cursor: `"primary": "` },
    { name: "a fallback", text: () => variant(`["moonshot/kimi-k3",]`, `["",]`), cursor: `"fallbacks": ["` },
    { name: "model given as a string", text: () => variant(`"model": { "primary": "moonshot/kimi-k2.6", "fallbacks": ["moonshot/kimi-k3",], },`, `"model": "",`), cursor: `"model": "` },
    { name: "mediaModels.image", text: () => variant(`"models": { "moonshot/kimi-k2.6"`, `"mediaModels": { "image": "" }, "models": { "moonshot/kimi-k2.6"`), cursor: `"image": "` },
  ]) {
    it(`completes ${where.name} with the catalog's current model refs, named in the detail`, async () => {
      const text = where.text();
      const session = open(service, DOC, text);
      const items = await session.completeAt(spanOf(text, where.cursor).end);
      const offered = new Map(items.map((item) => [item.label, item.detail]));
      for (const { ref, model } of current) expect(offered.get(JSON.stringify(ref)), ref).toBe(model.name);
      for (const { ref } of inactive) expect(offered.has(JSON.stringify(ref)), ref).toBe(false);
      // One per current model and id its provider answers to (aliases included).
      expect(items.filter((item) => item.detail !== undefined)).toHaveLength(modelRefCompletions(catalog).length);
    });
  }

  // Every place the host takes a model ref (its AgentEntrySchema in src/config/zod-schema.agent-runtime.ts, HeartbeatSchema,
  // and the subagents and compaction settings of AgentDefaultsSchema), under agents.defaults and in each agent of agents.entries.
  const AGENT_ENTRY = `"entries": { "work": { "workspace": "~/w", "model": "", "utilityModel": "", "heartbeat": { "every": "30m", "model": "" }, "subagents": { "allowAgents": ["*"], "model": "" }, "models": {  } } },`;
  const withEntry = () => variant(`"defaults": {`, `${AGENT_ENTRY}\n    "defaults": { "heartbeat": { "model": "" }, "subagents": { "model": { "primary": "" } }, "compaction": { "model": "" },`);
  const refPlaces = [
    { name: "agents.entries.<id>.model", cursor: `"work": { "workspace": "~/w", "model": "` },
    { name: "agents.entries.<id>.utilityModel", cursor: `"utilityModel": "` },
    { name: "agents.entries.<id>.heartbeat.model", cursor: `"every": "30m", "model": "` },
    { name: "agents.entries.<id>.subagents.model", cursor: `"allowAgents": ["*"], "model": "` },
    { name: "agents.defaults.heartbeat.model", cursor: `"defaults": { "heartbeat": { "model": "` },
    { name: "agents.defaults.subagents.model.primary", cursor: `"subagents": { "model": { "primary": "` },
    { name: "agents.defaults.compaction.model", cursor: `"compaction": { "model": "` },
  ];
  for (const where of refPlaces) {
    it(`completes ${where.name} with the catalog's current model refs, as under agents.defaults.model`, async () => {
      const text = withEntry();
      expect(await open(service, DOC, text).diagnostics()).toEqual([]);
      const items = await open(service, DOC, text).completeAt(spanOf(text, where.cursor).end);
      const offered = new Map(items.map((item) => [item.label, item.detail]));
      for (const { ref, model } of current) expect(offered.get(JSON.stringify(ref)), ref).toBe(model.name);
      for (const { ref } of inactive) expect(offered.has(JSON.stringify(ref)), ref).toBe(false);
    });
  }

  it("completes keys under agents.entries.<id>.models with the catalog's current refs, and checks their settings as under agents.defaults.models", async () => {
    const text = withEntry();
    const items = await open(service, DOC, text).completeAt(spanOf(text, `"models": { `, text.indexOf(`"work"`)).end);
    const offered = new Map(items.map((item) => [item.label, item.detail]));
    for (const { ref, model } of current) expect(offered.get(ref), ref).toBe(model.name);
    const wrong = text.replace(`"models": {  } } },`, `"models": { "moonshot/kimi-k2.6": { "alias": 3 } } } },`);
    expect((await open(service, DOC, wrong).diagnostics()).map((d) => d.message)).toEqual(['Incorrect type. Expected "string".']);
  });

  it("shows the same hover on a ref under agents.entries.<id> as under agents.defaults, and refuses a ref that is no string there too", async () => {
    const text = withEntry().replace(`"work": { "workspace": "~/w", "model": ""`, `"work": { "workspace": "~/w", "model": "moonshot/kimi-k2.6"`);
    const session = open(service, DOC, text);
    const inEntry = hoverText(await session.hoverAt(spanOf(text, `"moonshot/kimi-k2.6"`, text.indexOf(`"work"`)).start + 3));
    const inDefaults = hoverText(await session.hoverAt(spanOf(text, `"moonshot/kimi-k2.6"`, text.indexOf(`"primary"`)).start + 3));
    expect(inEntry).toContain("Kimi K2.6");
    expect(inEntry).toBe(inDefaults);
    const number = text.replace(`"utilityModel": ""`, `"utilityModel": 3`);
    const diagnostics = await open(service, DOC, number).diagnostics();
    expect(diagnostics.map((d) => d.message)).toEqual(['Incorrect type. Expected "string".']);
    expect(checkConfigText("openclaw.json", number, { catalog }).map((d) => d.path)).toEqual(["agents.entries.work.utilityModel"]);
  });

  it("completes keys under agents.defaults.models with the catalog's current refs, named in the detail", async () => {
    const text = variant(`"models": { "moonshot/kimi-k2.6": { "alias": "K2.6" }, },`, `"models": {  },`);
    const session = open(service, DOC, text);
    const items = await session.completeAt(spanOf(text, `"models": { `).end);
    const offered = new Map(items.map((item) => [item.label, item.detail]));
    for (const { ref, model } of current) expect(offered.get(ref), ref).toBe(model.name);
    for (const { ref } of inactive) expect(offered.has(ref), ref).toBe(false);
  });

  it("shows the description of contextWindow on hover", async () => {
    const description = ProviderModel.shape.contextWindow.description;
    expect(description).toBeTruthy();
    const session = open(service, DOC, VALID);
    const hover = await session.hoverAt(spanOf(VALID, `"contextWindow"`).start + 3);
    expect(hoverText(hover)).toContain(description);
  });
});

describe("pattern messages", () => {
  it("every pattern in both schemas carries the message VS Code shows instead of the regex", () => {
    for (const file of [CONFIG_SCHEMA, CATALOG_SCHEMA]) {
      const bare: string[] = [];
      const visit = (node: unknown, path: string): void => {
        if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`));
        if (node === null || typeof node !== "object") return;
        const schema = node as Record<string, unknown>;
        if (typeof schema.pattern === "string" && typeof schema.patternErrorMessage !== "string") bare.push(path);
        for (const [key, child] of Object.entries(schema)) visit(child, `${path}.${key}`);
      };
      visit(JSON.parse(readFileSync(file, "utf8")), "$");
      expect(bare, file).toEqual([]);
    }
  });
});

describe("catalog schema in VS Code's JSON engine", () => {
  it("finds nothing wrong in schema/catalog.jsonc, which names its schema with `$schema`", async () => {
    const path = join(ROOT, "schema/catalog.jsonc");
    const session = open(createLanguageService(), path, readFileSync(path, "utf8"));
    expect(session.schemaUris()).toEqual([fileUri(CATALOG_SCHEMA)]);
    expect(await session.diagnostics()).toEqual([]);
  });
});
