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
