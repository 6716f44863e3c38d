// A page with one very long line full of marker-like prose (`dev:start`, `session:end`):
// the check finishes and reports no region, however many such words the line holds.
// Before, each of them rescanned the whole line, so a 4 MB line never finished.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docProject } from "./support/doc-project.ts";
import { repoRoot } from "./support/run-cli.ts";

describe("a very long line of marker-like prose", () => {
  it("is read once, not once per marker-like word", async () => {
    const project = await docProject(join(repoRoot, "schema/catalog.jsonc"));
    // A real page of the host's docs, with a generated log line appended to it.
    const real = readFileSync(join(repoRoot, "test/fixtures/host-docs-sample/docs/install/server.md"), "utf8");
    const page = `${real}\n${"npm run dev:start, then session:end; ".repeat(150_000)}\n`;
    writeFileSync(join(project.docs, "server.md"), page);

    const check = await project.gen("--check");
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("up to date: 0 regions in 1 doc");
    expect(readFileSync(join(project.docs, "server.md"), "utf8")).toBe(page);
  });
});
