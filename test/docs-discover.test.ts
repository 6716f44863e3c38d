// Which files the engine reads and may write: Markdown and MDX under the docs
// folders, never anything through a symbolic link leading outside them.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverDocs } from "../scripts/docs/discover.ts";
import { runGenWith, snapshot, tempDir } from "./support/run-cli.ts";
import { docsProject } from "./fixtures/docs/project.ts";

const REGION = "{/* moonshot-kimi-k2-ids:start */}\n{/* moonshot-kimi-k2-ids:end */}\n";

describe("finding docs", () => {
  it("reads every .md and .mdx file once and hands on only those holding a marker token", async () => {
    const project = await docsProject({
      "a.md": REGION,
      "b/c.mdx": REGION,
      "b/plain.md": "# No markers\n",
      "b/notes.txt": REGION,
      "node_modules/x.md": REGION,
      ".hidden/y.md": REGION,
    });
    const found = discoverDocs([project.docs, join(project.docs, "b")]);
    expect(found.docs).toBe(3);
    expect(found.files.map((f) => f.path.slice(project.docs.length + 1))).toEqual(["a.md", "b/c.mdx"]);
    expect(found.diagnostics).toEqual([]);
  });

  it("names each file as path.join would, however the folder is spelled", async () => {
    const project = await docsProject({ "a.md": REGION, "b/c/d.mdx": REGION });
    const fromHere = relative(process.cwd(), project.docs);
    const spellings = [project.docs, `${project.docs}/`, `${project.docs}//`, join(project.docs, "b", ".."), `${project.docs}/./b/../`, fromHere, `./${fromHere}/`];
    for (const spelling of spellings) {
      const paths = discoverDocs([spelling]).files.map((f) => f.path);
      expect(paths, spelling).toEqual([join(spelling, "a.md"), join(spelling, "b", "c", "d.mdx")]);
    }
  });

  it("refuses a missing docs folder with exit 2", async () => {
    const project = await docsProject({});
    const missing = join(project.dir, "nope");
    const result = await (await import("./support/run-cli.ts")).runCli(["gen", "--check", "--catalog", project.catalog, "--docs", missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${missing}:1:1: cannot read the docs folder: no such folder; name the right one with --docs or with "docs" in the configuration file`);
  });

  it("tells where to correct a missing docs folder that the configuration file names: there, not only with --docs", async () => {
    const project = await docsProject({});
    const result = await runGenWith({ catalog: project.catalog, docs: join(project.dir, "site", "docs"), check: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read the docs folder: no such folder; name the right one with --docs or with "docs" in the configuration file');
  });

  it("refuses a file that is not UTF-8 rather than change bytes it cannot read", async () => {
    const project = await docsProject({ "latin1.md": Buffer.from(`caf\xe9\n${REGION}`, "latin1") });
    const before = snapshot(project.dir);
    const result = await project.gen();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("latin1.md:1:4: the file is not valid UTF-8");
    expect(snapshot(project.dir)).toEqual(before);
  });

  it("never writes through a symbolic link leading outside the docs, and says so", async () => {
    const outside = tempDir("kcs-outside-");
    writeFileSync(join(outside, "page.md"), REGION);
    mkdirSync(join(outside, "folder"));
    writeFileSync(join(outside, "folder", "inner.md"), REGION);
    const project = await docsProject({ "real.md": REGION });
    symlinkSync(join(outside, "page.md"), join(project.docs, "linked.md"));
    symlinkSync(join(outside, "folder"), join(project.docs, "linked-folder"));
    symlinkSync(join(project.docs, "real.md"), join(project.docs, "alias.md"));
    symlinkSync(join(outside, "missing.md"), join(project.docs, "broken.md"));

    const result = await project.gen();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${join(project.docs, "linked.md")}:1:1: warning: symbolic link to ${join(outside, "page.md")}, outside the docs folders; not synced`);
    expect(result.stderr).toContain(`${join(project.docs, "linked-folder")}:1:1: warning: symbolic link to ${join(outside, "folder")}, outside the docs folders; not synced`);
    expect(result.stderr).toContain(`${join(project.docs, "broken.md")}:1:1: warning: symbolic link to nothing; not synced`);
    expect(result.stdout).toContain("updated 1 file:");
    expect(readFileSync(join(outside, "page.md"), "utf8")).toBe(REGION);
    expect(readFileSync(join(outside, "folder", "inner.md"), "utf8")).toBe(REGION);
    expect(project.doc("real.md")).toContain("- `kimi-k2.5`");
    expect(project.doc("alias.md")).toBe(project.doc("real.md")); // still the link, synced through its target
  });
});
