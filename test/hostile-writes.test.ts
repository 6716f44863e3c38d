// Nothing is lost when the files change under a run: a save by another program
// while `gen` runs, `kill -9` in the middle of the write, a symbolic link or a
// folder where a generated file belongs. Real child processes, paused at exact
// points by the test hook in scripts/lib/test-pause.ts.
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, readlinkSync, lstatSync, rmSync, symlinkSync, writeFileSync, renameSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { isWriterFile } from "../scripts/lib/write-files.ts";
import { pausedGen } from "./support/child-cli.ts";
import { docProject } from "./support/doc-project.ts";
import { repoRoot, runCli, tempProject } from "./support/run-cli.ts";

const CATALOG = join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc");
const STALE = "# Page\n\n{/* demo-ids:start */}\n\n- `old`\n\n{/* demo-ids:end */}\n";
const STACK = /\n\s+at .+[(:]\d+/;

function temporaryFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => isWriterFile(basename(name)));
}

describe("another program saves a doc while gen runs", () => {
  it("gen stops with exit 2 naming the file, and writes nothing, so the save is kept", async () => {
    const project = await docProject(CATALOG);
    const edited = join(project.docs, "edited.md");
    const other = join(project.docs, "other.md");
    writeFileSync(edited, STALE);
    writeFileSync(other, STALE);
    const run = await pausedGen("before-write", join(project.dir, "pause"), ["--catalog", project.catalog, "--docs", project.docs]);

    // An editor saves the page the way editors do: a new file renamed over the old one.
    const saved = `${STALE}\nA paragraph written while gen ran.\n`;
    writeFileSync(`${edited}.swp`, saved);
    renameSync(`${edited}.swp`, edited);
    run.resume();
    const result = await run.done;

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${edited}: cannot write: it changed on disk after \`gen\` read it`);
    expect(result.stderr).toContain("no file was changed");
    expect(result.stderr).not.toMatch(STACK);
    expect(readFileSync(edited, "utf8")).toBe(saved);
    expect(readFileSync(other, "utf8")).toBe(STALE);
    expect(temporaryFiles(project.dir)).toEqual([]);
  });

  it("a page removed while gen runs is named as removed, not as saved, and is not made again", async () => {
    const project = await docProject(CATALOG);
    const removed = join(project.docs, "removed.md");
    const other = join(project.docs, "other.md");
    writeFileSync(removed, STALE);
    writeFileSync(other, STALE);
    const run = await pausedGen("before-write", join(project.dir, "pause"), ["--catalog", project.catalog, "--docs", project.docs]);
    rmSync(removed);
    run.resume();
    const result = await run.done;

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${removed}: cannot write: it was removed after \`gen\` read it (by another program, or a checkout); run \`gen\` again`);
    expect(result.stderr).not.toContain("saved it meanwhile");
    expect(existsSync(removed)).toBe(false);
    expect(readFileSync(other, "utf8")).toBe(STALE);
    expect(temporaryFiles(project.dir)).toEqual([]);
  });

  it("a JSON Schema edited meanwhile is not replaced either", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const schema = join(project.dir, "schema", "config.schema.json");
    writeFileSync(schema, "{}\n");
    const run = await pausedGen("before-write", join(project.dir, "pause"), ["--config", project.config, "--docs", project.docs]);
    writeFileSync(schema, '{ "edited": true }\n');
    run.resume();
    const result = await run.done;
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${schema}: cannot write: it changed on disk`);
    expect(readFileSync(schema, "utf8")).toBe('{ "edited": true }\n');
  });
});

describe("gen killed with kill -9 in the middle of its write", () => {
  it("leaves temporary files that the next run removes, then writes as usual", async () => {
    const project = await docProject(CATALOG);
    for (const name of ["a.md", "b.md", "c.md"]) writeFileSync(join(project.docs, name), STALE);
    const args = ["--catalog", project.catalog, "--docs", project.docs];
    const run = await pausedGen("before-rename", join(project.dir, "pause"), args);

    const litter = temporaryFiles(project.docs);
    expect(litter).toHaveLength(3);
    expect(litter.every((name) => /^\.[abc]\.md\.kcs-\d+-[0-9a-f]{12}\.tmp$/.test(name))).toBe(true);
    run.child.kill("SIGKILL");
    expect((await run.done).signal).toBe("SIGKILL");
    expect(readFileSync(join(project.docs, "a.md"), "utf8")).toBe(STALE);

    const next = await project.gen();
    expect(next.code, next.stderr).toBe(0);
    expect(temporaryFiles(project.dir)).toEqual([]);
    expect(readFileSync(join(project.docs, "a.md"), "utf8")).toContain("`demo-large`");
  });

  it("a temporary file or an old version left under this run's own process id (PID 1 in a container) is no obstacle", async () => {
    const project = await docProject(CATALOG);
    writeFileSync(join(project.docs, "a.md"), STALE);
    const left = join(project.docs, `.a.md.kcs-${process.pid}-0123456789ab.tmp`);
    writeFileSync(left, "half a page");
    const old = join(project.docs, `.a.md.kcs-${process.pid}-0123456789ab.old`);
    linkSync(join(project.docs, "a.md"), old);
    const result = await project.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(old)).toBe(false);
    expect(temporaryFiles(project.dir)).toEqual([]);
  });
});

describe("what stands where a generated file belongs", () => {
  it("a JSON Schema path that is a symbolic link is written through the link", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const schema = join(project.dir, "schema", "config.schema.json");
    const shared = join(project.dir, "shared-config.schema.json");
    renameSync(schema, shared);
    writeFileSync(shared, "{}\n");
    symlinkSync(shared, schema);

    const result = await runCli(["gen", "--config", project.config, "--docs", project.docs]);

    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(schema).isSymbolicLink()).toBe(true);
    expect(readlinkSync(schema)).toBe(shared);
    expect(readFileSync(shared, "utf8")).toContain('"$schema"');
  });

  it("a symbolic link to nothing is refused, saying why", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const schema = join(project.dir, "schema", "config.schema.json");
    renameSync(schema, join(project.dir, "elsewhere.json"));
    symlinkSync(join(project.dir, "missing.json"), schema);
    const result = await runCli(["gen", "--config", project.config, "--docs", project.docs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${schema}: cannot write: it is a symbolic link to ${join(project.dir, "missing.json")}, which does not exist`);
    expect(existsSync(join(project.dir, "missing.json"))).toBe(false);
  });

  it("a folder where a JSON Schema belongs: exit 2 with a message, no stack trace", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const schema = join(project.dir, "schema", "config.schema.json");
    renameSync(schema, join(project.dir, "elsewhere.json"));
    mkdirSync(schema);
    for (const flags of [[], ["--check"]]) {
      const result = await runCli(["gen", ...flags, "--config", project.config, "--docs", project.docs]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${schema}:1:1: cannot read the generated file: it is a folder, where a generated file belongs`);
      expect(result.stderr).not.toMatch(STACK);
    }
  });
});

describe("a JSON Schema in a folder that cannot be made", () => {
  it.runIf(process.platform === "linux")("exit 2 naming the folder (Node's recursive mkdir never returned under /proc)", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const config = JSON.parse(readFileSync(project.config, "utf8"));
    writeFileSync(project.config, JSON.stringify({ ...config, schemas: { ...config.schemas, config: "/proc/kcs-no-such-folder/config.schema.json" } }));
    const result = await runCli(["gen", "--config", project.config, "--docs", project.docs]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("/proc/kcs-no-such-folder/config.schema.json: cannot write: cannot make its folder: ENOENT");
    expect(result.stderr).toContain("no file was changed");
  });
});

describe("gen stopped by a signal in the middle of its write", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} lets the write finish: every page written, no temporary file left`, async () => {
      const project = await docProject(CATALOG);
      for (const name of ["a.md", "b.md"]) writeFileSync(join(project.docs, name), STALE);
      const run = await pausedGen("before-rename", join(project.dir, "pause"), ["--catalog", project.catalog, "--docs", project.docs]);
      expect(temporaryFiles(project.docs)).toHaveLength(2);
      run.child.kill(signal);
      run.resume();
      const result = await run.done;
      expect(result.stderr).not.toMatch(STACK);
      expect(temporaryFiles(project.dir)).toEqual([]);
      for (const name of ["a.md", "b.md"]) expect(readFileSync(join(project.docs, name), "utf8")).toContain("`demo-large`");
    });
  }
});
