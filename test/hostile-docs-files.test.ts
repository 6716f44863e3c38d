// Docs files as adopters' repositories hold them, through the real command line:
// front matter, odd file names, files that vanish while `gen` runs. Every case ends
// in a clear message at file:line:column, or in bytes left exactly as they were.
import { constants } from "node:buffer";
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docProject, type DocProject } from "./support/doc-project.ts";
import { fuzzing } from "./support/fc.ts";
import { repoRoot, runCli } from "./support/run-cli.ts";

const CATALOG = join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc");
const STACK = /\n\s+at .+[(:]\d+/;

let shared: Promise<DocProject> | undefined;
/** One project for the whole file; each case writes its own pages, runs on them alone, and removes them. */
async function genOn(pages: Record<string, string | Buffer>, ...flags: string[]) {
  const project = await (shared ??= docProject(CATALOG));
  const docs = mkdtempSync(join(project.dir, "case-"));
  for (const [name, content] of Object.entries(pages)) writeFileSync(join(docs, name), content);
  const result = await runCli(["gen", ...flags, "--catalog", project.catalog, "--docs", docs]);
  const after = Object.fromEntries(Object.keys(pages).map((name) => [name, readFileSync(join(docs, name))]));
  rmSync(docs, { recursive: true, force: true });
  expect(result.stderr).not.toMatch(STACK);
  return { ...result, docs, after };
}

describe("markers in front matter", () => {
  it("a marker comment in YAML front matter is named, not silently left unsynced", async () => {
    const page = "---\ntitle: Models\nmodels:\n  # demo-ids:start\n  - old\n  # demo-ids:end\n---\n\nText.\n";
    const r = await genOn({ "page.md": page });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(r.docs, "page.md")}:4:3: \`demo-ids:start\` stands in the page's front matter`);
    expect(r.stderr).toContain(`${join(r.docs, "page.md")}:6:3: \`demo-ids:end\` stands in the page's front matter`);
    expect(r.after["page.md"]!.toString()).toBe(page);
  });

  it("a Markdown-comment marker in front matter is named too; a region below the front matter is not held up by prose in it", async () => {
    const marker = await genOn({ "page.mdx": "---\ntitle: x\n{/* demo-ids:start */}\n---\n\nText.\n" }, "--check");
    expect(marker.code).toBe(2);
    expect(marker.stderr).toContain(":3:1: `demo-ids:start` stands in the page's front matter");

    const prose = "---\ntitle: x\nnote: see demo-ids:start below\n---\n\n{/* demo-ids:start */}\n{/* demo-ids:end */}\n";
    const fine = await genOn({ "page.md": prose }, "--check");
    expect(fine.code, fine.stderr).toBe(1);
    expect(fine.stderr).not.toContain("front matter");
  });
});

describe.runIf(fuzzing)("a page too large to be text", () => {
  // A sparse file: the marker, then zeros up to one byte more than a JavaScript string may hold. It is read
  // twice, half a gigabyte each time (tens of seconds), so it is one of the size cases of `pnpm test:fuzz`.
  it("a page over the longest string Node.js can make is named, with what to do: exit 2, not an internal error", async () => {
    const project = await (shared ??= docProject(CATALOG));
    const docs = mkdtempSync(join(project.dir, "case-"));
    const page = join(docs, "dump.md");
    writeFileSync(page, "{/* demo-ids:start */}\n{/* demo-ids:end */}\n");
    truncateSync(page, constants.MAX_STRING_LENGTH + 1);
    try {
      const r = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", docs]);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${page}:1:1: cannot read the file: it is too large to read as text`);
      expect(r.stderr).toContain("leave it out with `exclude`");
      const json = await runCli(["gen", "--check", "--json", "--catalog", project.catalog, "--docs", docs]);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout).diagnostics[0].rule).toBe("docs/unreadable");
    } finally {
      rmSync(docs, { recursive: true, force: true });
    }
  }, 300_000);
});
