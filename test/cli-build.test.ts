// The bundle in a source checkout: built on the first run after an edit, once
// when several runs start at once, none of which may read half a bundle.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./support/run-cli.ts";

/** A checkout of the sources (without dist/), sharing this one's node_modules. */
function checkout(): string {
  const dir = tempDir("kcs-checkout-");
  for (const entry of ["package.json", "pnpm-lock.yaml", "patches", "scripts", "schema"]) cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function runAll(dir: string, count: number, cwd = dir): Promise<Array<{ code: number | null; stdout: string; stderr: string }>> {
  return Promise.all(
    Array.from({ length: count }, () => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(dir, "scripts", "bin.cjs"), "--version"], { cwd });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
    })),
  );
}

describe("the bundle in a source checkout", () => {
  it("is built by concurrent first runs, and again after an edit, without any run failing", async () => {
    const dir = checkout();
    const version = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(join(dir, "package.json"), "utf8"))).version;
    expect(existsSync(join(dir, "dist"))).toBe(false);
    for (const result of await runAll(dir, 4)) expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });

    // An edit (a newer source) makes the next runs rebuild, all at once, here started from
    // another folder (a docs repository running this checkout's bin): packages still resolve.
    // One of them builds and the others wait for it (the build lock): the CLI script is replaced once.
    // (The build's stamp made older, not the source newer: a source dated in the future stays newer than every build.)
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "dist", ".built"), earlier, earlier);
    const edited = new Date(Date.now() - 30_000);
    utimesSync(join(dir, "scripts", "cli.ts"), edited, edited);
    let replaced = 0;
    const watcher = watch(join(dir, "dist"), (event, name) => void (event === "rename" && name === "cli.cjs" && replaced++));
    try {
      for (const result of await runAll(dir, 4, tempDir("kcs-elsewhere-"))) expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    } finally {
      watcher.close();
    }
    expect(replaced).toBe(1);
    expect(readdirSync(join(dir, "dist")).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"))).toEqual([]);

    // A lock left by a run that was killed while building (not refreshed for a minute) is taken over.
    utimesSync(join(dir, "dist", ".built"), earlier, earlier);
    mkdirSync(join(dir, "dist", ".build.lock"));
    utimesSync(join(dir, "dist", ".build.lock"), earlier, earlier);
    const [afterKill] = await runAll(dir, 1);
    expect(afterKill).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect(statSync(join(dir, "dist", ".built")).mtimeMs).toBeGreaterThan(earlier.getTime() + 30_000);
    expect(existsSync(join(dir, "dist", ".build.lock"))).toBe(false);
  }, 120_000);
});

describe("the dependency patches, applied by the build whatever installed the dependencies", () => {
  it("patch an unpatched file, take a patched one as it is, and refuse a file the patch does not fit", async () => {
    const { readPatches, patchedText } = await import("../scripts/build-patches.mjs");
    const { applyPatch, reversePatch } = await import("diff");
    const patches = await readPatches(repoRoot);
    expect(patches.map((p: { name: string; file: string }) => `${p.name}/${p.file}`)).toEqual(
      expect.arrayContaining(["@humanwhocodes/momoa/dist/momoa.cjs", "micromark/lib/initialize/document.js"]),
    );
    const store = join(repoRoot, "node_modules", ".pnpm");
    for (const { name, version, file, patch } of patches) {
      // pnpm's copy of the package, which it patched.
      const copy = readdirSync(store).find((d) => d.startsWith(`${name.replace("/", "+")}@${version}_patch_hash=`))!;
      const installed = readFileSync(join(store, copy, "node_modules", name, file), "utf8");
      const original = applyPatch(installed, reversePatch(patch));
      expect(original, `${name}/${file}`).not.toBe(false);
      expect(await patchedText(original as string, patch)).toBe(installed);
      expect(await patchedText(installed, patch)).toBe(installed);
      expect(await patchedText("module.exports = {};\n", patch)).toBeUndefined();
    }
  });
});

describe("a package whose scripts are missing or damaged (an interrupted install, a failed build)", () => {
  /** The installed layout (bin.cjs and dist/, no sources), with the CLI script left out or broken. */
  function damagedPackage(cli: string | null): string {
    const dir = tempDir("kcs-damaged-");
    cpSync(join(repoRoot, "scripts", "bin.cjs"), join(dir, "scripts", "bin.cjs"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    mkdirSync(join(dir, "dist"));
    if (cli !== null) writeFileSync(join(dir, "dist", "cli.cjs"), cli);
    return dir;
  }
  const runBin = (dir: string, ...args: string[]) => spawnSync(process.execPath, [join(dir, "scripts", "bin.cjs"), ...args], { cwd: dir, encoding: "utf8" });

  it("exits 3 with a one-line message and what to do, never 1 (drift); with --json, the error as JSON", () => {
    for (const cli of [null, "module.exports = { run(\n"]) {
      const dir = damagedPackage(cli);
      const text = runBin(dir, "gen", "--check");
      expect(text.status, text.stderr).toBe(3);
      expect(text.stderr).toMatch(/^internal error: kimi-config-sync cannot start: .+\n.*reinstall/);
      expect(text.stderr).not.toMatch(/\n\s+at .+[(:]\d+/);
      const json = runBin(dir, "gen", "--check", "--json");
      expect(json.status).toBe(3);
      expect(JSON.parse(json.stdout)).toMatchObject({ exitCode: 3, error: { kind: "internal" } });
    }
  });

  it("says to reinstall, not that it is a bug, when a library script the run needs is missing or damaged", () => {
    for (const [script, text] of [["markdown.cjs", null], ["zod.cjs", "module.exports = {\n"]] as const) {
      const dir = damagedPackage(readFileSync(join(repoRoot, "dist", "cli.cjs"), "utf8"));
      for (const file of readdirSync(join(repoRoot, "dist")).filter((f) => f.endsWith(".cjs") && f !== "cli.cjs" && f !== script)) {
        cpSync(join(repoRoot, "dist", file), join(dir, "dist", file));
      }
      if (text !== null) writeFileSync(join(dir, "dist", script), text);
      cpSync(join(repoRoot, "schema"), join(dir, "schema"), { recursive: true });
      cpSync(join(repoRoot, "package.json"), join(dir, "package.json"));
      mkdirSync(join(dir, "docs"));
      writeFileSync(join(dir, "docs", "p.md"), "# Models\n\n{/* kimi-code-ids:start */}\n- `kimi/old`\n{/* kimi-code-ids:end */}\n");
      const env = { ...process.env, KIMI_CONFIG_SYNC_CACHE: "off" };
      const run = spawnSync(process.execPath, [join(dir, "scripts", "bin.cjs"), "gen", "--check", "--no-config"], { cwd: dir, encoding: "utf8", env });
      expect(run.status, run.stderr).toBe(3);
      expect(run.stderr).toMatch(new RegExp(`^internal error: kimi-config-sync cannot load dist/${script.replace(".", "\\.")}: .+\n.*reinstall the package`));
      expect(run.stderr).not.toContain("a bug");
    }
  });
});

describe("a Node.js older than the package's engines", () => {
  it("is told which Node.js it needs, exit 2, never Node's own crash with exit 1 (drift)", () => {
    const dir = tempDir("kcs-old-node-");
    // Node 18 as the script meets it: another version, and no process.getBuiltinModule.
    const preload = join(dir, "node-18.cjs");
    writeFileSync(preload, 'Object.defineProperty(process.versions, "node", { value: "18.20.4" });\ndelete process.getBuiltinModule;\n');
    const engines = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).engines.node as string;
    const required = /^>=(\d+\.\d+)$/.exec(engines)![1];
    for (const json of [false, true]) {
      const run = spawnSync(process.execPath, ["-r", preload, join(repoRoot, "scripts", "bin.cjs"), "gen", "--check", ...(json ? ["--json"] : [])], { cwd: dir, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toBe(`kimi-config-sync needs Node.js ${required} or later; this is Node.js 18.20.4: run it with a newer Node.js (in GitHub Actions, actions/setup-node with node-version: 20)\n`);
      if (json) expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 2, error: { kind: "usage" } });
    }
  });
});
