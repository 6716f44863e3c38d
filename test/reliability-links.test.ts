// Symbolic links in the docs folder: a link leading outside is neither
// followed for writing nor written through; the file it points to keeps its
// bytes, and the link stays a link to the same place.
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docProject } from "./support/doc-project.ts";
import { repoRoot, tempDir } from "./support/run-cli.ts";

const CATALOG = join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc");
/** A region that is out of date for the fixture catalog: `gen` would rewrite it. */
const STALE = "# Outside\n\n{/* demo-ids:start */}\n\n- `old`\n\n{/* demo-ids:end */}\n";

function outsideFile(name = "outside.md"): string {
  const path = join(tempDir("kcs-outside-"), name);
  writeFileSync(path, STALE);
  return path;
}

function expectLink(link: string, target: string): void {
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe(target);
}

describe("symbolic links in the docs folder", () => {
  it("a link to a file outside is reported and left alone by gen", async () => {
    const project = await docProject(CATALOG);
    const target = outsideFile();
    const link = join(project.docs, "linked.md");
    symlinkSync(target, link);

    const result = await project.gen();

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${link}:1:1: warning: symbolic link to ${target}, outside the docs folders; not synced`);
    expect(readFileSync(target, "utf8")).toBe(STALE);
    expectLink(link, target);
  });

  it("a link to a folder outside is not entered", async () => {
    const project = await docProject(CATALOG);
    const target = outsideFile();
    const folder = join(project.docs, "elsewhere");
    symlinkSync(join(target, ".."), folder);

    const result = await project.gen();

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${folder}:1:1: warning: symbolic link to`);
    expect(readFileSync(target, "utf8")).toBe(STALE);
    expectLink(folder, join(target, ".."));
  });

  it("a link to a doc inside the folder syncs the doc once, through its own path, and stays a link", async () => {
    const project = await docProject(CATALOG);
    const real = join(project.docs, "real.md");
    writeFileSync(real, STALE);
    const link = join(project.docs, "alias.md");
    symlinkSync(real, link);

    const result = await project.gen();

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("updated 1 file");
    expect(readFileSync(real, "utf8")).toContain("- `demo-large`\n- `demo-small`\n");
    expectLink(link, real);
  });

  it("a link planted under a temporary-file name of ours is removed, never written through", async () => {
    const project = await docProject(CATALOG);
    writeFileSync(join(project.docs, "page.md"), STALE);
    const target = outsideFile("victim.md");
    // A name of the writer's pattern, left by no live run: it is removed as stale, the link and not its target.
    const planted = join(project.docs, `.page.md.kcs-${process.pid}-0123456789ab.tmp`);
    symlinkSync(target, planted);

    const result = await project.gen();

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(STALE);
    expect(existsSync(planted)).toBe(false);
    expect(readFileSync(join(project.docs, "page.md"), "utf8")).not.toBe(STALE);
  });

  it("a broken link is reported, not followed", async () => {
    const project = await docProject(CATALOG);
    const nowhere = join(tempDir("kcs-gone-"), "gone", "page.md");
    mkdirSync(join(project.docs, "sub"));
    const link = join(project.docs, "sub", "gone.md");
    symlinkSync(nowhere, link);

    const result = await project.gen();

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${link}:1:1: warning: symbolic link to nothing`);
    expectLink(link, nowhere);
  });
});
