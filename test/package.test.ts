// The package as another docs repository gets it: `npm pack`, install the tarball
// into a fresh project that has only docs/, and run the installed bin there.
// One pack and one install serve every case. The bundle inlines every runtime
// dependency, so installing the tarball needs no registry.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, snapshot, tempDir } from "./support/run-cli.ts";

const STALE_PAGE = "# Models\n\n{/* moonshot-kimi-k2-ids:start */}\n\n- `kimi-k1`\n\n{/* moonshot-kimi-k2-ids:end */}\n";
const version = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version as string;

function sh(command: string, args: string[], cwd: string) {
  const run = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "" } });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let tarball: string;
let installed: string;

beforeAll(() => {
  const packDir = tempDir("kcs-pack-");
  const pack = sh("npm", ["pack", "--silent", "--pack-destination", packDir], repoRoot);
  expect(pack.code, pack.stderr).toBe(0);
  tarball = join(packDir, pack.stdout.trim().split("\n").at(-1)!);
  // Installed once into a template folder; each project gets a copy of its node_modules.
  installed = tempDir("kcs-install-");
  writeFileSync(join(installed, "package.json"), JSON.stringify({ name: "docs-site", private: true }));
  const install = sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], installed);
  expect(install.code, install.stderr).toBe(0);
}, 120_000);

/** A fresh project: only docs/ with a stale region (and package.json + node_modules from the install). */
function project(): { dir: string; bin: (args: string[], cwd?: string) => ReturnType<typeof sh> } {
  const dir = tempDir("kcs-site-");
  mkdirSync(join(dir, ".git")); // the repository root: configuration lookup stops here
  cpSync(join(installed, "node_modules"), join(dir, "node_modules"), { recursive: true, verbatimSymlinks: true });
  cpSync(join(installed, "package.json"), join(dir, "package.json"));
  mkdirSync(join(dir, "docs"));
  writeFileSync(join(dir, "docs", "models.md"), STALE_PAGE);
  const binPath = join(dir, "node_modules", ".bin", "kimi-config-sync");
  return { dir, bin: (args, cwd = dir) => sh(binPath, args, cwd) };
}

const outside = <T,>(files: Map<string, T>) => new Map([...files].filter(([path]) => !path.startsWith("node_modules") && !path.startsWith(".git")));

describe("the packed package", () => {
  it("holds the built CLI, the catalog with its locales, the JSON Schemas, README and licence, and nothing else", () => {
    const list = sh("tar", ["-tzf", tarball], repoRoot).stdout.trim().split("\n").sort();
    expect(list).toEqual(
      [
        "LICENSE",
        "README.md",
        "dist/cli.cjs",
        "dist/homoglyphs.cjs",
        "dist/markdown.cjs",
        "dist/zod.cjs",
        "package.json",
        "schema/catalog.jsonc",
        "schema/catalog.schema.json",
        "schema/config.schema.json",
        "schema/kimi-config-sync.config.schema.json",
        "scripts/bin.cjs",
        ...list.filter((f) => f.startsWith("package/schema/locales/")).map((f) => f.slice("package/".length)),
      ].map((f) => `package/${f}`).sort(),
    );
    expect(list.some((f) => f.startsWith("package/schema/locales/en.jsonc"))).toBe(true);
  });

  it("installs without dependencies and resolves its exported files from node_modules", () => {
    const manifest = JSON.parse(readFileSync(join(installed, "node_modules", "kimi-config-sync", "package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
    const resolved = sh(
      process.execPath,
      ["-e", 'for (const f of ["config.schema.json", "catalog.jsonc", "kimi-config-sync.config.schema.json", "locales/en.jsonc"]) console.log(require.resolve("kimi-config-sync/schema/" + f))'],
      installed,
    );
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout.trim().split("\n")).toHaveLength(4);
  });
});

describe("the installed bin in a project without configuration", () => {
  it("prints its version and help, checks, fixes only the page, and validates from a subfolder", () => {
    const { dir, bin } = project();
    expect(bin(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = bin(["gen", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: kimi-config-sync gen");

    const before = outside(snapshot(dir));
    const check = bin(["gen", "--check"]);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain("docs/models.md:3: region moonshot-kimi-k2-ids is out of date");
    expect(check.stdout).toContain("run `npx kimi-config-sync gen`");
    expect(outside(snapshot(dir))).toEqual(before);

    const gen = bin(["gen"]);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toBe("updated 1 file: docs/models.md\n");
    const after = outside(snapshot(dir));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort()); // no schema or other file written
    expect([...after].filter(([path, file]) => file.bytes !== before.get(path)?.bytes).map(([path]) => path)).toEqual(["docs/models.md"]);
    expect(readFileSync(join(dir, "docs", "models.md"), "utf8")).toContain("- `kimi-k2.6`");
    expect(bin(["gen", "--check"]).code).toBe(0);

    mkdirSync(join(dir, "config"));
    cpSync(join(repoRoot, "examples", "openclaw.json"), join(dir, "config", "openclaw.json"));
    const valid = bin(["validate", "openclaw.json"], join(dir, "config"));
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    expect(valid.stdout).toContain("1 file checked: 1 valid");
  });
});

describe("the installed bin with a configuration file", () => {
  it("uses the project's own catalog, writes the schema it asks for, and validates against that catalog", () => {
    const { dir, bin } = project();
    // The project's own catalog: the seed catalog, whose group still lists kimi-k2-0905-preview.
    mkdirSync(join(dir, "catalog"));
    cpSync(join(repoRoot, "test", "fixtures", "docs", "seed", "catalog.jsonc"), join(dir, "catalog", "models.jsonc"));
    writeFileSync(
      join(dir, "kimi-config-sync.config.jsonc"),
      [
        "{",
        '  "$schema": "./node_modules/kimi-config-sync/schema/kimi-config-sync.config.schema.json",',
        '  "catalog": "catalog/models.jsonc",',
        "  // the host config's JSON Schema (completions from this catalog), and this file's own",
        '  "schemas": { "config": "schema/openclaw.schema.json", "projectConfig": "schema/settings.schema.json" },',
        "}",
      ].join("\n"),
    );
    mkdirSync(join(dir, "docs", "guide"));
    const check = bin(["gen", "--check"], join(dir, "docs", "guide")); // found from a subfolder
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/models\.md:3: region moonshot-kimi-k2-ids is out of date/);
    expect(check.stdout).toMatch(/schema\/settings\.schema\.json:1: missing/);
    expect(check.stdout).toMatch(/schema\/openclaw\.schema\.json:1: missing/);

    expect(bin(["gen"]).code).toBe(0);
    expect(readFileSync(join(dir, "docs", "models.md"), "utf8")).toContain("- `kimi-k2-0905-preview`");
    const shipped = readFileSync(join(dir, "node_modules", "kimi-config-sync", "schema", "kimi-config-sync.config.schema.json"), "utf8");
    expect(readFileSync(join(dir, "schema", "settings.schema.json"), "utf8")).toBe(shipped);
    // Completions come from the project's catalog, where kimi-k2-0905-preview is current; the shipped schema's do not offer it.
    expect(readFileSync(join(dir, "schema", "openclaw.schema.json"), "utf8")).toContain('"moonshot/kimi-k2-0905-preview"');
    expect(readFileSync(join(dir, "node_modules", "kimi-config-sync", "schema", "config.schema.json"), "utf8")).not.toContain('"moonshot/kimi-k2-0905-preview"');
    expect(bin(["gen", "--check"])).toMatchObject({ code: 0 });

    mkdirSync(join(dir, "config"));
    writeFileSync(join(dir, "config", "openclaw.json5"), '{ agents: { defaults: { model: { primary: "moonshot/kimi-k2-0905-preview" } } } }\n');
    const valid = bin(["validate", "openclaw.json5"], join(dir, "config"));
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    // The bundled catalog retired this model; the project's catalog has it current: no warning.
    expect(valid.stdout).toBe("1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n");
  });
});
