import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../scripts/lib/diagnostics.ts";
import { checkDocsIn, where, writeDocs } from "./support/docs-checks.ts";

describe("docs check: only current models outside the retirement page", () => {
  it("fails a retired or deprecated model named on an ordinary page: by its ref anywhere, by its id beside the provider's regions", async () => {
    const dir = writeDocs({
      "guide.md": ["# Guide", "", "Set `moonshot/kimi-k2.5` as the default.", "", "Or use kimi-latest.", ""].join("\n"),
      "provider.md": ["Or use kimi-latest.", "", "{/* moonshot-kimi-k2-ids:start */}", "{/* moonshot-kimi-k2-ids:end */}", ""].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["guide.md:3: docs/inactive-model", "provider.md:1: docs/inactive-model"]);
    const text = diagnostics.map(formatDiagnostic).join("\n");
    expect(text).toContain("guide.md:3:6: `moonshot/kimi-k2.5` is retired (since 2026-08-31)");
    expect(text).toContain("use `moonshot/kimi-k2.6`");
    expect(text).toContain("`kimi-latest` is retired (since 2026-05-25)");
  });

  it("leaves a model id alone in the model list of a provider that is not the catalog's, and still flags the catalog's own", async () => {
    const region = ["{/* moonshot-kimi-k2-ids:start */}", "{/* moonshot-kimi-k2-ids:end */}", ""];
    const pages: Record<string, string[]> = {
      // As reported: a proxy's own model, next to a region of Moonshot's models.
      "proxy.md": [
        "# Kimi through our proxy",
        "",
        "```json5",
        "{",
        "  models: {",
        "    providers: {",
        '      "kimi-proxy": {',
        '        baseUrl: "https://proxy.example.com/v1",',
        '        api: "openai-completions",',
        '        models: [{ id: "kimi-k2.5", name: "kimi-k2.5 (proxy)" }],',
        "      },",
        '      moonshot: { models: [{ id: "kimi-k2.5", name: "Kimi K2.5" }] },',
        "    },",
        "  },",
        '  agents: { defaults: { model: { primary: "kimi-proxy/kimi-k2.5", fallbacks: ["moonshot/kimi-k2.5"] } } },',
        "}",
        "```",
        "",
        ...region,
      ],
      // A fragment, as docs often show: the part of the config that matters, without its outer braces.
      "fragment.md": [
        "```json5",
        "models: {",
        '  providers: { "Kimi-Proxy ": { models: [{ id: "kimi-k2.5" }] }, "kimi-code": { models: [{ id: "kimi-k2.5" }] } },',
        "}",
        "```",
        "",
        ...region,
      ],
    };
    const dir = writeDocs(Object.fromEntries(Object.entries(pages).map(([name, lines]) => [name, lines.join("\n")])));
    /** `page:line:column: `name`` at the last occurrence of `name` on the page's line that holds `marker`. */
    const flagged = (page: string, marker: string, name: string) => {
      const line = pages[page]!.findIndex((l) => l.includes(marker));
      return `${page}:${line + 1}:${pages[page]![line]!.lastIndexOf(name) + 1}: \`${name}\``;
    };
    const diagnostics = await checkDocsIn(dir);
    const found = diagnostics.filter((d) => d.rule === "docs/inactive-model").map(formatDiagnostic).map((l) => l.slice(dir.length + 1, l.indexOf(" is ")));
    expect(found).toEqual([
      flagged("fragment.md", '"kimi-code"', "kimi-k2.5"),
      flagged("proxy.md", "moonshot: {", "kimi-k2.5"),
      flagged("proxy.md", "fallbacks", "moonshot/kimi-k2.5"),
    ]);
  });

  it("names the replacement the way the model was named: a bare id for a bare id, a ref for a ref", async () => {
    // The third-party integration guide (shared seed 000): a Continue config and Cursor settings take the bare id.
    const page = [
      "```json",
      '{ "models": [{ "title": "Kimi K2.5", "provider": "openai", "model": "kimi-k2.5" }] }',
      "```",
      "",
      "Set `moonshot/kimi-k2.5` as the default.",
      "",
      "{/* moonshot-current-ids:start */}",
      "{/* moonshot-current-ids:end */}",
      "",
    ].join("\n");
    const dir = writeDocs({ "zh-CN/guides/kimi-third-party.md": page });
    const messages = (await checkDocsIn(dir)).map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain("`kimi-k2.5` is retired (since 2026-08-31); docs name only current models: use `kimi-k2.6`,");
    expect(messages[1]).toContain("`moonshot/kimi-k2.5` is retired (since 2026-08-31); docs name only current models: use `moonshot/kimi-k2.6`,");
  });

  it("reads a ref's provider as the host does, in any case: the json rule leaves config refs to retired models to this rule", async () => {
    // validate warns about `Moonshot/kimi-k2.5` (provider ids are compared in lower case); the docs must not let it pass.
    const dir = writeDocs({
      "config.md": ["```json5", '{ agents: { defaults: { model: { primary: "Moonshot/kimi-k2.5" } } } }', "```", "", "Or `MOONSHOT/kimi-k2-thinking`.", ""].join("\n"),
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["config.md:2: docs/inactive-model", "config.md:5: docs/inactive-model"]);
    expect(diagnostics[0]!.message).toContain("`Moonshot/kimi-k2.5` is retired (since 2026-08-31); docs name only current models: use `moonshot/kimi-k2.6`");
  });

  it("does not confuse a current id with a retired one it starts with", async () => {
    const dir = writeDocs({ "ok.md": "Use `moonshot/kimi-k2.6`, `kimi-k2.7-code` or `kimi-code/k3`.\n" });
    expect(await checkDocsIn(dir)).toEqual([]);
  });

  it("allows them on a page with a region of an allowInactive group", async () => {
    const dir = writeDocs({
      "retired.md": [
        "Older guides name `kimi-k2.5`.",
        "",
        "{/* moonshot-retired-ids:start */}",
        "{/* moonshot-retired-ids:end */}",
        "",
      ].join("\n"),
    });
    expect(await checkDocsIn(dir)).toEqual([]);
  });
});
