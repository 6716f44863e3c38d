// Failure injection for the all-or-nothing writer: whichever step fails,
// every file keeps its exact bytes and permissions, no temporary file is
// left behind, and the error names the file that could not be written.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentKey } from "../scripts/lib/content-cache.ts";
import { WriteError, writeAllOrNothing, type FileWrite } from "../scripts/lib/write-files.ts";
import { faultyFs, InjectedFault, unprivilegedFs, type Fault } from "./support/faulty-fs.ts";
import { spawnCli } from "./support/child-cli.ts";
import { runs, timeoutFor } from "./support/fc.ts";
import { docProject } from "./support/doc-project.ts";
import { repoRoot, runCli, tempDir, tempProject } from "./support/run-cli.ts";

interface FileSpec {
  name: string;
  /** null: the file does not exist before the write. */
  before: string | null;
  after: string;
  readOnly: boolean;
}

/** Each file's bytes (as latin1, so any byte compares exactly) and permission bits. */
function filesIn(dir: string): Record<string, { bytes: string; mode: number }> {
  const out: Record<string, { bytes: string; mode: number }> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile()) continue;
    const name = entry.name;
    const path = join(dir, name);
    out[name] = { bytes: readFileSync(path, "latin1"), mode: statSync(path).mode & 0o777 };
  }
  return out;
}

function setUp(specs: readonly FileSpec[]): { dir: string; writes: FileWrite[] } {
  const dir = tempDir("kcs-write-");
  for (const spec of specs) {
    if (spec.before === null) continue;
    writeFileSync(join(dir, spec.name), spec.before);
    if (spec.readOnly) chmodSync(join(dir, spec.name), 0o444);
  }
  return { dir, writes: specs.map((s) => ({ path: join(dir, s.name), before: s.before, after: s.after })) };
}

/** How `gen` gives a doc to write: the new content as UTF-8 bytes, the old one by its key. */
function asGenGives(write: FileWrite): FileWrite {
  const before = write.before === null ? null : { key: contentKey(write.before as string) };
  return { path: write.path, before, after: Buffer.from(write.after as string) };
}

function thrownBy(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const content = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", "\ufeff# Title\r\n\r\ntext\r\n", "no final newline", "a\n\tb\n", "x".repeat(5000)),
);

const fileSpecs = fc
  .uniqueArray(fc.stringMatching(/^[a-z]{1,8}\.(md|mdx|json)$/), { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record({ name: fc.constant(name), before: fc.option(content, { nil: null }), after: content, readOnly: fc.constant(false) }),
      ),
    ),
  );

describe("all-or-nothing writes under injected failures", () => {
  it("without a failure, every file gets its new content and no temporary file remains", () => {
    const specs: FileSpec[] = [
      { name: "a.md", before: "old a\n", after: "new a\n", readOnly: false },
      { name: "b.mdx", before: null, after: "new b\n", readOnly: false },
    ];
    const { dir, writes } = setUp(specs);
    writeAllOrNothing(writes, faultyFs({ op: "write", nth: 0 }));
    expect(filesIn(dir)).toEqual({ "a.md": { bytes: "new a\n", mode: 0o644 }, "b.mdx": { bytes: "new b\n", mode: 0o644 } });
  });

  it("writes contents given as UTF-8 bytes and old ones by key, and refuses a file whose bytes changed since the plan", () => {
    const specs: FileSpec[] = [
      { name: "a.md", before: "旧 a\n", after: "新 a\n", readOnly: false },
      { name: "b.md", before: "b\n", after: "B\n", readOnly: false },
    ];
    const { dir, writes } = setUp(specs);
    writeAllOrNothing(writes.map(asGenGives));
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("新 a\n");
    expect(readFileSync(join(dir, "b.md"), "utf8")).toBe("B\n");

    const again = setUp(specs);
    writeFileSync(join(again.dir, "b.md"), "b edited\n");
    const before = filesIn(again.dir);
    const error = thrownBy(() => writeAllOrNothing(again.writes.map(asGenGives)));
    expect((error as WriteError).file).toBe(join(again.dir, "b.md"));
    expect((error as WriteError).message).toContain("changed on disk");
    expect(filesIn(again.dir)).toEqual(before);
  });

  it(
    "a failure at any temporary write or rename leaves every file as it was",
    () => {
      const scenario = fileSpecs.chain((specs) =>
        fc.tuple(
          fc.constant(specs),
          fc.oneof(
            fc.record({ op: fc.constant("write" as const), nth: fc.integer({ min: 1, max: specs.length }), partial: fc.option(fc.nat(20), { nil: undefined }) }),
            fc.record({ op: fc.constant("rename" as const), nth: fc.integer({ min: 1, max: specs.length }) }),
          ),
          // The contents as text, or as `gen` gives them (bytes and a key).
          fc.boolean(),
          // A file system with hard links (old files kept under a second name) or without (kept as bytes).
          fc.boolean(),
        ),
      );
      fc.assert(
        fc.property(scenario, ([specs, fault, asGen, links]: [FileSpec[], Fault, boolean, boolean]) => {
          const { dir, writes: texts } = setUp(specs);
          const writes = asGen ? texts.map(asGenGives) : texts;
          try {
            const before = filesIn(dir);
            const fs = faultyFs(fault, { links });
            const error = thrownBy(() => writeAllOrNothing(writes, fs));

            expect(error).toBeInstanceOf(WriteError);
            const failed = writes[fault.nth - 1]!.path;
            expect((error as WriteError).file).toBe(failed);
            expect((error as WriteError).message).toContain(failed);
            expect((error as WriteError).message).toContain("no file was changed");
            expect((error as WriteError).cause).toBeInstanceOf(InjectedFault);
            expect(filesIn(dir)).toEqual(before);
            // The failure came where it was injected: nothing was renamed before a temporary write failed.
            if (fault.op === "write") expect(fs.calls.rename).toBe(0);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        runs(150),
      );
    },
    timeoutFor(150, 10),
  );

  it("a read-only file among several stops the write before anything changes, naming that file", () => {
    const specs: FileSpec[] = [
      { name: "a.md", before: "a\n", after: "A\n", readOnly: false },
      { name: "b.md", before: "b\r\n", after: "B\r\n", readOnly: true },
      { name: "c.md", before: null, after: "C\n", readOnly: false },
    ];
    const { dir, writes } = setUp(specs);
    const before = filesIn(dir);
    const error = thrownBy(() => writeAllOrNothing(writes, unprivilegedFs()));
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).file).toBe(join(dir, "b.md"));
    expect((error as WriteError).message).toBe(`${join(dir, "b.md")}: cannot write: the file is read-only; no file was changed`);
    expect(filesIn(dir)).toEqual(before);
    expect(before["b.md"]!.mode).toBe(0o444);
  });

  it("two contents for one file (by another spelling of its path, or through a link) stop the write before anything changes", () => {
    const { dir, writes } = setUp([
      { name: "a.md", before: "a\n", after: "A\n", readOnly: false },
      { name: "b.md", before: "b\n", after: "B\n", readOnly: false },
    ]);
    symlinkSync("a.md", join(dir, "link.md"));
    const before = filesIn(dir);
    for (const other of [join(dir, ".", "b.md"), join(dir, "link.md")]) {
      const error = thrownBy(() => writeAllOrNothing([...writes, { path: other, before: null, after: "other\n" }]));
      expect(error).toBeInstanceOf(WriteError);
      expect((error as WriteError).message).toMatch(/is the same file and was given another content; no file was changed$/);
      expect(filesIn(dir)).toEqual(before);
    }
  });

  it("a folder where no new file can be made is named as the problem, not the temporary file", () => {
    const { dir, writes } = setUp([{ name: "a.md", before: "a\n", after: "A\n", readOnly: false }]);
    const before = filesIn(dir);
    const denied = (code: string) => ({
      ...unprivilegedFs(),
      writeFileSync: (path: string) => {
        throw Object.assign(new Error(`${code}: cannot open '${path}'`), { code });
      },
    });
    const error = thrownBy(() => writeAllOrNothing(writes, denied("EACCES")));
    expect((error as WriteError).message).toBe(
      `${join(dir, "a.md")}: cannot write: the folder ${dir} is not writable, and a file is replaced by writing a new one beside it ` +
        "and renaming it over the old one; make the folder writable; no file was changed",
    );
    expect((thrownBy(() => writeAllOrNothing(writes, denied("EROFS"))) as WriteError).message).toContain("cannot write: the file system is mounted read-only;");
    expect(filesIn(dir)).toEqual(before);
  });

  it("when a file already replaced cannot be put back either, its old content stays beside it, and the error says where", () => {
    const specs: FileSpec[] = [
      { name: "a.md", before: "old a\n", after: "new a\n", readOnly: false },
      { name: "b.md", before: "old b\n", after: "new b\n", readOnly: false },
      { name: "c.md", before: "old c\n", after: "new c\n", readOnly: false },
    ];
    const { dir, writes } = setUp(specs);
    // The third rename fails, and so does every rename that would put an old version back.
    const faulty = faultyFs({ op: "rename", nth: 3 });
    const fs = { ...faulty, renameSync: (from: string, to: string) => {
      if (from.endsWith(".old")) throw new InjectedFault(to);
      faulty.renameSync(from, to);
    } };
    const error = thrownBy(() => writeAllOrNothing(writes.map(asGenGives), fs)) as WriteError;

    expect(error).toBeInstanceOf(WriteError);
    expect(error.file).toBe(join(dir, "c.md"));
    expect(error.unrestored.map((u) => u.path)).toEqual([join(dir, "a.md"), join(dir, "b.md")]);
    for (const [i, { oldAt }] of error.unrestored.entries()) {
      expect(readFileSync(oldAt, "utf8")).toBe(specs[i]!.before);
      expect(error.message).toContain(`${error.unrestored[i]!.path} (its old content is in ${oldAt}; rename it back)`);
    }
    expect(error.message).not.toContain("no file was changed");
    // Nothing else is left: no temporary file, no second name of the file that was not replaced.
    expect(Object.keys(filesIn(dir)).sort()).toEqual(["a.md", "b.md", "c.md", ...error.unrestored.map((u) => u.oldAt.slice(dir.length + 1))].sort());
    expect(readFileSync(join(dir, "c.md"), "utf8")).toBe("old c\n");
  });
});

/**
 * Runs the real command line as a user who may not write a 0444 file: the suite
 * itself when it is not root, else a child process as `nobody` (root may write any
 * file). Everything under `dir` is opened to that user except the read-only files.
 */
const NOBODY = 65534;
const AS_ROOT = process.getuid?.() === 0;
async function genAsUnprivileged(dir: string, args: string[]) {
  if (!AS_ROOT) return runCli(["gen", ...args]);
  // The bundle is built (or found fresh) by root first: `nobody` may not write dist/.
  expect((await spawnCli(["--version"]).done).code).toBe(0);
  return (await spawnCli(["gen", ...args], { uid: NOBODY, cwd: dir, bin: binForNobody() }).done);
}

/**
 * This checkout's bin, or, when `nobody` cannot reach it (a clone in a folder only
 * root may enter), a copy of the built package as npm would install it.
 */
function binForNobody(): string {
  const bin = join(repoRoot, "scripts", "bin.cjs");
  const probe = spawnSync(process.execPath, ["-e", `require("node:fs").accessSync(${JSON.stringify(bin)})`], { uid: NOBODY, gid: NOBODY });
  if (probe.status === 0) return bin;
  const installed = tempDir("kcs-installed-");
  cpSync(join(repoRoot, "package.json"), join(installed, "package.json"));
  cpSync(join(repoRoot, "scripts", "bin.cjs"), join(installed, "scripts", "bin.cjs"));
  cpSync(join(repoRoot, "schema"), join(installed, "schema"), { recursive: true, filter: (src) => !src.endsWith(".ts") });
  cpSync(join(repoRoot, "dist"), join(installed, "dist"), { recursive: true, filter: (src) => !/\.(?:map|v8-cache|tmp)$/.test(src) });
  openTo(installed);
  return join(installed, "scripts", "bin.cjs");
}

function openTo(dir: string): void {
  if (!AS_ROOT) return;
  chmodSync(dir, 0o777);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) openTo(path);
    else if (statSync(path).mode & 0o200) chmodSync(path, 0o666);
  }
}

describe("a read-only generated file on the command line", () => {
  it("gen exits 2 naming the file, and changes no file", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const schemaFile = join(project.dir, "schema", "catalog.schema.json");
    const otherSchema = join(project.dir, "schema", "config.schema.json");
    // Both schemas are out of date; the first cannot be written.
    writeFileSync(schemaFile, "{}\n");
    writeFileSync(otherSchema, "{}\n");
    chmodSync(schemaFile, 0o444);
    openTo(project.dir);
    const before = filesIn(join(project.dir, "schema"));

    const result = await genAsUnprivileged(project.dir, ["--config", project.config, "--docs", project.docs]);

    expect(result.code).toBe(2);
    // Named as the configuration file gives it, from wherever the run started.
    expect(result.stderr).toMatch(/(^|\/)schema\/catalog\.schema\.json: cannot write: the file is read-only; no file was changed/m);
    expect(result.stderr).not.toMatch(/\n\s+at .+[(:]\d+/);
    expect(filesIn(join(project.dir, "schema"))).toEqual(before);
  });

  it("a read-only doc among stale docs: gen exits 2 naming it, and no doc changes", async () => {
    const project = await docProject(join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc"));
    const stale = "{/* demo-ids:start */}\n\n- `old`\n\n{/* demo-ids:end */}\n";
    for (const name of ["a.md", "b.md", "c.md"]) writeFileSync(join(project.docs, name), stale);
    chmodSync(join(project.docs, "b.md"), 0o444);
    openTo(project.dir);
    const before = filesIn(project.docs);

    const result = await genAsUnprivileged(project.dir, ["--no-config", "--catalog", project.catalog, "--docs", project.docs]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(project.docs, "b.md")}: cannot write: the file is read-only; no file was changed`);
    expect(filesIn(project.docs)).toEqual(before);
  });

  it("a folder the user may not read: exit 2 saying so and what to do; excluded, it is not even listed", async () => {
    const project = await docProject(join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc"));
    writeFileSync(join(project.docs, "a.md"), "# A\n");
    mkdirSync(join(project.docs, "private"));
    writeFileSync(join(project.docs, "private", "p.md"), "# P\n");
    openTo(project.dir);
    chmodSync(join(project.docs, "private"), 0o000);
    try {
      const args = ["--check", "--no-config", "--catalog", project.catalog, "--docs", project.docs];
      const denied = await genAsUnprivileged(project.dir, args);
      expect(denied.code, denied.stderr).toBe(2);
      expect(denied.stderr).toContain(`${join(project.docs, "private")}:1:1: cannot list the folder: permission denied to the user running gen; change its permissions, or leave it out with \`exclude\``);
      const excluded = await genAsUnprivileged(project.dir, [...args, "--exclude", join(project.docs, "private")]);
      expect(excluded.code, excluded.stderr).toBe(0);
    } finally {
      chmodSync(join(project.docs, "private"), 0o755);
    }
  });

  it("a rewritten file keeps every permission bit, those the umask would hold back too", () => {
    const dir = tempDir();
    const modes = [0o664, 0o666, 0o660, 0o775, 0o2775, 0o600];
    const files: FileWrite[] = modes.map((mode, i) => {
      const path = join(dir, `page-${i}.md`);
      writeFileSync(path, "old");
      chmodSync(path, mode);
      return { path, before: "old", after: "new" };
    });
    const umask = process.umask(0o022);
    try {
      writeAllOrNothing(files);
    } finally {
      process.umask(umask);
    }
    expect(files.map((f) => statSync(f.path).mode & 0o7777)).toEqual(modes);
    expect(files.map((f) => readFileSync(f.path, "utf8"))).toEqual(modes.map(() => "new"));
  });

  it("a file whose name is too long for its temporary name to be as long is written (76 CJK characters are 228 bytes)", () => {
    const dir = tempDir();
    const names = ["a".repeat(240), "模".repeat(80)].map((n) => `${n}.md`);
    const files: FileWrite[] = names.map((name) => {
      const path = join(dir, name);
      writeFileSync(path, "old");
      return { path, before: "old", after: "new" };
    });
    writeAllOrNothing(files);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    expect(files.map((f) => readFileSync(f.path, "utf8"))).toEqual(["new", "new"]);
  });

  it.runIf(process.getuid?.() === 0)("as root, a 0444 doc in a read-only folder is rewritten and keeps its mode", async () => {
    const project = await docProject(join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc"));
    const stale = "{/* demo-ids:start */}\n\n- `old`\n\n{/* demo-ids:end */}\n";
    const page = join(project.docs, "a.md");
    writeFileSync(page, stale);
    chmodSync(page, 0o444);
    chmodSync(project.docs, 0o555);

    const result = await project.gen();

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(page, "utf8")).not.toBe(stale);
    expect(statSync(page).mode & 0o777).toBe(0o444);
    expect(readdirSync(project.docs)).toEqual(["a.md"]);
  });
});
