// The docs rules: each one's scope and severity, the settings that change them,
// and the texts of a real docs tree that must never be flagged.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findSecrets } from "../scripts/docs-checks/secrets.ts";
import { DOC_RULES } from "../scripts/docs-checks/registry.ts";
import { checkDocsIn, where, writeDocs } from "./support/docs-checks.ts";
import { runGenWith, tempProjectWith } from "./support/run-cli.ts";

// Assembled at run time so that this file itself holds no key-shaped string.
const KEY = ["sk", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9Pl1Mn8Bv"].join("-");
const REGION = ["{/* kimi-code-ids:start */}", "", "- `kimi-for-coding`", "", "{/* kimi-code-ids:end */}"];

function project(pages: Record<string, string>) {
  const p = tempProjectWith(pages);
  return {
    ...p,
    check: (rules?: Parameters<typeof runGenWith>[0]["rules"]) => runGenWith({ catalog: p.catalog, docs: p.docs, check: true, rules }),
  };
}

/** `path:line: severity` for every finding of a rule in a run's output. */
function findings(output: string, docs: string, needle: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.includes(needle))
    .map((line) => {
      const m = /^(.+?):(\d+):\d+: (warning: )?/.exec(line)!;
      return `${m[1]!.slice(docs.length + 1)}:${m[2]}: ${m[3] ? "warning" : "error"}`;
    });
}

describe("rule scopes and severities", () => {
  const pages = {
    // A page with a region: hand-written text around it.
    "with-region.md": ["# With a region", "", ...REGION, "", `Key: \`${KEY}\``, ""].join("\n"),
    // `:start` in prose but no region: read by the engine, holds no region.
    "prose.md": ["# Prose", "", "Run `npm run dev:start`.", "", `Key: \`${KEY}\``, ""].join("\n"),
    // No marker token at all.
    "plain.md": ["# Plain", "", `Key: \`${KEY}\``, ""].join("\n"),
  };

  it("by default: a warning in hand-written text of pages with regions, nothing on pages without", async () => {
    const p = project(pages);
    const result = await p.check();
    expect(result.code).toBe(1);
    expect(findings(result.stderr, p.docs, "possible API key")).toEqual(["with-region.md:9: warning"]);
  });

  it("`error`: the same finding stops the run", async () => {
    const p = project(pages);
    const result = await p.check({ secret: { severity: "error" } });
    expect(result.code).toBe(2);
    expect(findings(result.stderr, p.docs, "possible API key")).toEqual(["with-region.md:9: error"]);
  });

  it("scope `all`: every doc, a page with `:start` prose and a page without any marker alike", async () => {
    const p = project(pages);
    const result = await p.check({ secret: { scope: "all", severity: "error" } });
    expect(result.code).toBe(2);
    expect(findings(result.stderr, p.docs, "possible API key")).toEqual(["plain.md:3: error", "prose.md:5: error", "with-region.md:9: error"]);
  });

  it("scope `generated`: only region bodies", async () => {
    const p = project(pages);
    const result = await p.check({ secret: { scope: "generated", severity: "error" } });
    expect(result.code).toBe(1); // the region's drift, nothing else
    expect(findings(result.stderr, p.docs, "possible API key")).toEqual([]);
  });

  it("generated text is always an error unless the rule is off", async () => {
    const p = project({ "page.md": ["```json5", "{", "  // kimi-code-env:start", "  // kimi-code-env:end", "}", "```", ""].join("\n") });
    const catalog = readFileSync(p.catalog, "utf8");
    writeFileSync(p.catalog, catalog.replace('"placeholder": "sk-kimi-..."', `"placeholder": "${KEY}"`));
    for (const setting of [undefined, { severity: "warn" as const }, { scope: "generated" as const }]) {
      const result = await p.check(setting && { secret: setting });
      expect(result.code, JSON.stringify(setting)).toBe(2);
      expect(result.stderr).toContain("in the text `gen` generates for region kimi-code-env");
    }
    expect((await p.check({ secret: { severity: "off" } })).code).toBe(1);
  });

  it("an unknown rule id stops the run with a did-you-mean", async () => {
    const p = project({ "page.md": "# Page\n" });
    const result = await p.check({ secrets: { severity: "error" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/kimi-config-sync\.config\.jsonc:\d+:\d+: rules\.secrets: unknown key "secrets" \(did you mean `secret`\?\)/);
  });

  // One hand-written problem per rule, on a page with a region and on a page without one.
  const violations: Record<string, { text: string; needle: string; line?: number }> = {
    mdx: { text: "Hand-written {broken", needle: "does not compile as MDX" },
    json: { text: "```json\n{,}\n```", needle: "code block does not parse", line: 1 },
    secret: { text: `Key: \`${KEY}\``, needle: "possible API key" },
    "inactive-model": { text: "Set `moonshot/kimi-k2.5` as the default.", needle: "is retired" },
  };

  it.each(Object.keys(violations))("%s: warn by default, error or off when set, pages without regions only in scope `all`", async (id) => {
    const { text, needle, line = 0 } = violations[id]!;
    const [withRegion, without] = [`with-region.md:${9 + line}`, `without.md:${3 + line}`];
    const p = project({
      "with-region.md": ["# Page", "", ...REGION, "", text, ""].join("\n"),
      "without.md": ["# Page", "", text, ""].join("\n"),
    });
    expect(findings((await p.check()).stderr, p.docs, needle)).toEqual([`${withRegion}: warning`]);
    const strict = await p.check({ [id]: { severity: "error" } });
    expect(strict.code).toBe(2);
    expect(findings(strict.stderr, p.docs, needle)).toEqual([`${withRegion}: error`]);
    expect(findings((await p.check({ [id]: { severity: "off" } })).stderr, p.docs, needle)).toEqual([]);
    expect(findings((await p.check({ [id]: { scope: "all" } })).stderr, p.docs, needle)).toEqual([`${withRegion}: warning`, `${without}: warning`]);
  });

  it("every rule is registered with the default severity `warn` and scope `pages-with-regions`", () => {
    expect(DOC_RULES.map((r) => r.id).sort()).toEqual(["inactive-model", "json", "mdx", "secret"]);
    for (const rule of DOC_RULES) expect(rule.defaults).toEqual({ severity: "warn", scope: "pages-with-regions" });
  });
});

describe("no false positives on a real docs tree", () => {
  it("inactive models: other providers' refs and bare ids away from the provider's regions are not catalog models", async () => {
    const dir = writeDocs({
      "ollama.md": [
        "Pick `ollama-cloud/kimi-k2.5:cloud`, or `nvidia/moonshotai/kimi-k2.5`, or `openrouter/moonshotai/kimi-k2.5`.",
        "",
        "| Model | Notes |",
        "| --- | --- |",
        "| `kimi-k2-thinking` | Served by Venice |",
        "",
      ].join("\n"),
      "kimi-code.md": ["Other hosts serve `kimi-k2.5`.", "", ...REGION, ""].join("\n"),
      "moonshot.md": ["Ollama serves `ollama-cloud/kimi-k2.5:cloud`.", "", "{/* moonshot-kimi-k2-ids:start */}", "{/* moonshot-kimi-k2-ids:end */}", ""].join("\n"),
    });
    expect(where(dir, await checkDocsIn(dir))).toEqual([]);
  });

  it("inactive models: a ref through a provider alias is a catalog ref", async () => {
    const p = project({ "page.md": ["Use `moonshot-ai/kimi-k2.5`, not `nvidia/moonshot-ai/kimi-k2.5`.", "", ...REGION, ""].join("\n") });
    const catalog = readFileSync(p.catalog, "utf8");
    writeFileSync(p.catalog, catalog.replace('"id": "moonshot",', '"id": "moonshot",\n      "aliases": ["moonshot-ai"],'));
    const result = await p.check({ "inactive-model": { severity: "error" } });
    expect(findings(result.stderr, p.docs, "is retired")).toEqual(["page.md:1: error"]);
    expect(result.stderr).toContain("page.md:1:6: `moonshot-ai/kimi-k2.5` is retired");
  });

  it("secrets: no match across a line break, names and paths, placeholders, allow-listed lines", () => {
    const text = [
      "MY_API_TOKEN=",
      "OPENCLAW_GATEWAY_BIND=lan",
      "openclaw secrets set --target channels.telegram.botToken=channels/telegram/botToken",
      'apiKey: "${MOONSHOT_API_KEY}"',
      "apiKey: <your-moonshot-api-key-goes-here>",
      "token: sk-...",
      "MOONSHOT_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
      'botToken: "123456:ABC-not-real-0123456789abcdefXYZ"',
      'apiKey: "sk-example0123456789abcdefABCDEF"',
      `apiKey: "${KEY}" // pragma: allowlist secret`,
      "",
    ].join("\n");
    expect(findSecrets(text)).toEqual([]);
    expect(findSecrets(`apiKey: "${KEY}"`)).toHaveLength(1);
  });

  it("config examples: other providers' refs and the host's own keys are not checked; catalog providers' facts are", async () => {
    const dir = writeDocs({
      "ok.md": [
        "```json5",
        "{",
        '  agents: { defaults: { model: { primary: "moonshot/kimi-k2.6", fallbacks: ["openai/gpt-5", "ollama/llama3.3"] }, workspace: "~/w" } },',
        '  gateway: { mode: "local", bind: "loopback" },',
        '  models: { mode: "merge", providers: { openai: { baseUrl: "not a url" } } },',
        "}",
        "```",
        "",
      ].join("\n"),
      "bad.md": [
        "```json5",
        "{",
        '  agents: { defaults: { model: { primary: "moonshot/kimi-k9" } } },',
        '  models: { providers: { moonshot: { baseUrl: "not a url", models: [] } } },',
        "}",
        "```",
        "",
      ].join("\n"),
    });
    expect(where(dir, await checkDocsIn(dir))).toEqual(["bad.md:3: docs/config/unknown-model", "bad.md:4: docs/config/schema"]);
  });
});
