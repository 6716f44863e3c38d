// `gen --watch` as a person runs it: the real process, real files, Ctrl-C.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempProject } from "./support/run-cli.ts";

const STALE = "{/* moonshot-kimi-k2-ids:start */}\n- `old`\n{/* moonshot-kimi-k2-ids:end */}\n";

/** Resolves when `test` holds, polling; fails after `ms` with what was seen. */
async function until(test: () => boolean, what: () => string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting; saw:\n${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `gen --watch` in the project's folder; `stop` sends Ctrl-C and resolves to the exit code. */
function startWatch(project: { dir: string; config: string }) {
  const child = spawn(process.execPath, [join(repoRoot, "scripts", "bin.cjs"), "gen", "--watch", "--config", project.config], {
    cwd: project.dir,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" },
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => (output.stdout += d));
  child.stderr.on("data", (d) => (output.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    output,
    lines: () => output.stdout.trim().split("\n").filter(Boolean),
    seen: () => `stdout:\n${output.stdout}\nstderr:\n${output.stderr}`,
    stop: () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

describe("gen --watch", () => {
  it("regenerates once per change, never writes from an invalid catalog, and stops cleanly on Ctrl-C", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const page = join(project.docs, "models.md");
    writeFileSync(page, STALE);
    const watching = startWatch(project);
    const { lines, seen, output } = watching;

    try {
      // The first run fixes the stale page: one line.
      await until(() => lines().length === 1, seen);
      expect(lines()[0]).toMatch(/^\[\d\d:\d\d:\d\d\] updated 1 file: docs\/models\.md$/);
      const fixed = readFileSync(page, "utf8");
      expect(fixed).toContain("- `kimi-k2.6`");

      // A change: exactly one more run (its own write does not trigger another).
      writeFileSync(page, STALE);
      await until(() => lines().length === 2, seen);
      expect(lines()[1]).toMatch(/updated 1 file: docs\/models\.md$/);
      await new Promise((r) => setTimeout(r, 600));
      expect(lines()).toHaveLength(2);

      // A half-edited catalog: its errors, nothing written, even when a page then goes stale.
      const catalog = readFileSync(project.catalog, "utf8");
      writeFileSync(project.catalog, catalog.replace('"providers"', '"providers" "'));
      await until(() => output.stderr.includes("nothing was written; waiting for the next change"), seen);
      expect(output.stderr).toMatch(/catalog\.jsonc:\d+:\d+: /);
      writeFileSync(page, STALE);
      await until(() => output.stderr.split("waiting for the next change").length === 3, seen);
      expect(readFileSync(page, "utf8")).toBe(STALE);

      // Repaired: the next run writes again.
      writeFileSync(project.catalog, catalog);
      await until(() => lines().length === 3, seen);
      expect(readFileSync(page, "utf8")).toBe(fixed);
    } finally {
      expect(await watching.stop()).toBe(0);
    }
    expect(output.stderr.trim().split("\n").at(-1)).toBe("stopped");
  }, 60_000);

  it("follows a docs folder that the edited configuration names, created after the watch started", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    writeFileSync(join(project.docs, "models.md"), STALE);
    const watching = startWatch(project);
    const { lines, seen } = watching;
    try {
      await until(() => lines().length === 1, seen);

      // The configuration now names a second folder that does not exist yet: a run that reports it.
      const settings = JSON.parse(readFileSync(project.config, "utf8"));
      writeFileSync(project.config, JSON.stringify({ ...settings, docs: ["docs", "more"] }, null, 2));
      await until(() => watching.output.stderr.includes("more"), seen);

      // Created, with a stale page: regenerated; and again on the next edit, so it is watched.
      const later = join(project.dir, "more", "later.md");
      mkdirSync(join(project.dir, "more"));
      writeFileSync(later, STALE);
      await until(() => readFileSync(later, "utf8").includes("- `kimi-k2.6`"), seen);
      const runs = lines().length;
      writeFileSync(later, STALE);
      await until(() => lines().length > runs && readFileSync(later, "utf8").includes("- `kimi-k2.6`"), seen);
      expect(lines().at(-1)).toMatch(/updated 1 file: more\/later\.md$/);
    } finally {
      expect(await watching.stop()).toBe(0);
    }
  }, 60_000);
  it("keeps watching a docs folder deleted and made again (a checkout), and a subfolder replaced in it", async () => {
    const project = tempProject();
    mkdirSync(join(project.docs, "guides"), { recursive: true });
    writeFileSync(join(project.docs, "guides", "a.md"), STALE);
    const watching = startWatch(project);
    const { lines, seen } = watching;
    try {
      await until(() => lines().length === 1, seen);
      // The whole folder goes and comes back, as `rm -rf docs && git checkout -- docs` does.
      rmSync(project.docs, { recursive: true, force: true });
      mkdirSync(join(project.docs, "guides"), { recursive: true });
      writeFileSync(join(project.docs, "guides", "a.md"), STALE);
      await until(() => readFileSync(join(project.docs, "guides", "a.md"), "utf8").includes("- `kimi-k2.6`"), seen);
      // A page added to the new folder, then to a subfolder made again in it, are seen too.
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(join(project.docs, "b.md"), STALE);
      await until(() => readFileSync(join(project.docs, "b.md"), "utf8").includes("- `kimi-k2.6`"), seen);
      rmSync(join(project.docs, "guides"), { recursive: true, force: true });
      mkdirSync(join(project.docs, "guides"));
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(join(project.docs, "guides", "c.md"), STALE);
      await until(() => readFileSync(join(project.docs, "guides", "c.md"), "utf8").includes("- `kimi-k2.6`"), seen);
    } finally {
      expect(await watching.stop()).toBe(0);
    }
  }, 60_000);
});
