// Odd input through the real command line: every case ends with a clear
// message at the right file:line:column and the right exit code, never a stack
// trace, never a silent skip; a page without regions never stops the run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docProject, type DocProject } from "./support/doc-project.ts";
import { repoRoot, runCli } from "./support/run-cli.ts";

const CATALOG = join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc");
const STACK = /\n\s+at .+[(:]\d+/;
const REGION = "{/* demo-ids:start */}\n\n- `old`\n\n{/* demo-ids:end */}\n";

let shared: Promise<DocProject> | undefined;
/** One project for the whole file; each case writes its own page, runs on it alone, and removes it. */
async function genOn(name: string, content: string | Buffer, ...flags: string[]) {
  const project = await (shared ??= docProject(CATALOG));
  const docs = mkdtempSync(join(project.dir, "case-"));
  const file = join(docs, name);
  writeFileSync(file, content);
  const result = await runCli(["gen", ...flags, "--catalog", project.catalog, "--docs", docs]);
  rmSync(docs, { recursive: true, force: true });
  expect(result.stderr).not.toMatch(STACK);
  return { ...result, file, output: result.stdout + result.stderr };
}

describe("crashes become messages", () => {
  it("a 10,000-deep blockquote next to a changed region: exit 2 at the page, no stack trace", async () => {
    const r = await genOn("deep.md", `${REGION}\n${">".repeat(10_000)} deep\n`, "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:1:1: cannot be compiled as MDX: its blocks (blockquotes, lists) are nested too deeply`);
  });

  it("markers inside a 10,000-deep blockquote: exit 2 at the page, no stack trace", async () => {
    const r = await genOn("deep.md", `${"> ".repeat(10_000)}x\n\n> ${REGION.replaceAll("\n", "\n> ")}\n`, "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.md:1:1: cannot be (read|compiled as MDX): its blocks .* are nested too deeply/);
  });
});

describe("messages point at the file on disk", () => {
  it("an MDX error on the user's own marker line is reported at that line, not in generated text", async () => {
    const r = await genOn("page.md", "# T\n\n<!-- demo-ids:start -->\n\n<!-- demo-ids:end -->\n", "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:3:2: does not compile as MDX`);
    expect(r.stderr).not.toContain("generates for region");
  });

  it("an MDX error without a position of its own, after a region that grows, is at the file's line", async () => {
    const r = await genOn("page.md", "{/* demo-ids:start */}\n\n{/* demo-ids:end */}\n\nSome text\n\n<div>\n\nmore\n", "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:7:1: does not compile as MDX: Expected a closing tag for \`<div>\`;`);
  });
});
