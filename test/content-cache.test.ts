// The content cache of the built CLI: a second run on the same pages gives the same
// report from stored results, a page that changed is computed afresh (a cached verdict
// never hides a new error, nor does a changed catalog), and `KIMI_CONFIG_SYNC_CACHE=off` keeps nothing.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import JSON5 from "json5";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, tempProject } from "./support/run-cli.ts";

const project = tempProject();
const docs = join(project.dir, "docs");
const cacheDir = join(project.dir, "node_modules", ".cache", "kimi-config-sync");
mkdirSync(join(project.dir, "node_modules"));
mkdirSync(docs);
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

// Markers indented inside JSX: only a full parse can place them, and the stale body is compiled.
const page = (extra: string, stale = "kimi-k2-0905-preview") =>
  [
    "# Models",
    "",
    "<Tabs>",
    '  <Tab title="Refs">',
    "    {/* moonshot-kimi-k2-model-refs:start */}",
    "",
    `    - \`moonshot/${stale}\``,
    "",
    "    {/* moonshot-kimi-k2-model-refs:end */}",
    "  </Tab>",
    "</Tabs>",
    "",
    extra,
    "",
  ].join("\n");

/** Runs the check with the cache where it is by default (the test run points it elsewhere), unless `env` says otherwise. */
function check(env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(repoRoot, "scripts/bin.cjs"), "gen", "--check", "--catalog", project.catalog, "--docs", docs], {
    cwd: project.dir,
    encoding: "utf8",
    env: { ...process.env, KIMI_CONFIG_SYNC_CACHE: undefined, ...env },
    timeout: 60_000, // a run that never ends fails the test instead of stalling the suite
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("content cache", () => {
  it("keeps nothing when turned off", () => {
    writeFileSync(join(docs, "models.md"), page("Plain text."));
    const off = check({ KIMI_CONFIG_SYNC_CACHE: "off" });
    expect(off.code, off.stderr).toBe(1);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("runs on, with the report a run without a cache gives, when the cache cannot be written", () => {
    writeFileSync(join(docs, "models.md"), page("Plain text."));
    const off = check({ KIMI_CONFIG_SYNC_CACHE: "off" });
    const aFile = join(project.dir, "a-file");
    writeFileSync(aFile, "not a folder");
    // A file in the way, a folder below a file, and a place where no folder can be made
    // (under /proc, Node's recursive mkdir never returned).
    const places = [aFile, join(aFile, "sub"), ...(process.platform === "linux" ? ["/proc/kcs-no-such-folder/cache"] : [])];
    for (const place of places) expect(check({ KIMI_CONFIG_SYNC_CACHE: place }), place).toEqual(off);
    expect(readFileSync(aFile, "utf8")).toBe("not a folder");
  });

  it("gives the same report from stored results on a second run", () => {
    const first = check();
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toContain("moonshot-kimi-k2-model-refs");
    expect(readdirSync(cacheDir).sort()).toEqual(["catalog.json", "classification.json", "mdx.json", "project-config.json"]);
    const second = check();
    expect(second).toEqual(first);
  });

  it("computes a changed page afresh: its new drift is shown, not the stored one", () => {
    writeFileSync(join(docs, "models.md"), page("Plain text.", "kimi-k2-turbo-preview"));
    const changed = check();
    expect(changed.code, changed.stderr).toBe(1);
    expect(changed.stdout).toContain("-    - `moonshot/kimi-k2-turbo-preview`");
    expect(changed.stdout).not.toContain("kimi-k2-0905-preview");
  });

  it("computes a changed page afresh: a new MDX error is reported, not a stored verdict", () => {
    const simple = (extra: string) =>
      ["{/* moonshot-kimi-k2-model-refs:start */}", "", "- `moonshot/kimi-k2-0905-preview`", "", "{/* moonshot-kimi-k2-model-refs:end */}", "", extra, ""].join("\n");
    writeFileSync(join(docs, "models.md"), simple("Plain text."));
    const valid = check();
    expect(valid.code).toBe(1);
    expect(valid.stderr).not.toContain("does not compile as MDX");
    writeFileSync(join(docs, "models.md"), simple("A <div that never closes."));
    // An error or a warning, by the MDX rule's severity for hand-written text; never the stored verdict.
    const broken = check();
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain("does not compile as MDX");
  });

  it("judges a config example afresh when the catalog changes: a stored verdict never hides a new finding", () => {
    const example = ["```json5", '{ agents: { defaults: { model: { primary: "moonshot/kimi-latest" } } } }', "```"].join("\n");
    writeFileSync(join(docs, "models.md"), page(example));
    const finding = 'unknown model "moonshot/kimi-latest"';
    const first = check();
    expect(first.stderr).not.toContain(finding);
    expect(readdirSync(cacheDir)).toContain("json-blocks.json");
    expect(check()).toEqual(first);
    // The model is renamed in the catalog: the same block now refers to a model the catalog lacks.
    writeFileSync(project.catalog, readFileSync(project.catalog, "utf8").replaceAll('"kimi-latest"', '"kimi-latest-2"'));
    const renamed = check();
    expect(renamed.stderr).toContain(finding);
    expect(renamed.stderr).toContain("models.md:14:43:");
    expect(check({ KIMI_CONFIG_SYNC_CACHE: "off" }).stderr).toBe(renamed.stderr);
  });

  it("reports a catalog's problems on every run: only a catalog that passed is kept", () => {
    const good = readFileSync(project.catalog, "utf8");
    writeFileSync(project.catalog, good.replace('"kimi-latest-2"', '"kimi latest"'));
    for (let run = 0; run < 2; run++) {
      const broken = check();
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain("catalog.jsonc:");
    }
    writeFileSync(project.catalog, good);
    expect(check().code).toBe(1);
  });
});

describe("content cache of an installed package", () => {
  it("starts afresh when a built script changed after its build (a hand fix, patch-package), and not otherwise", () => {
    // A package as npm installs it: the built scripts, without the sources that would rebuild them.
    const pkg = join(project.dir, "installed");
    // Not a build's temporary files: `npm pack` in another test file rebuilds dist/ meanwhile, and removes them.
    for (const entry of ["dist", "scripts/bin.cjs", "schema", "package.json"]) cpSync(join(repoRoot, entry), join(pkg, entry), { recursive: true, filter: (src) => !src.endsWith(".tmp") });
    const cache = join(project.dir, "installed-cache");
    writeFileSync(join(docs, "models.md"), page("Plain text."));
    const run = () => spawnSync(process.execPath, [join(pkg, "scripts/bin.cjs"), "gen", "--check", "--catalog", project.catalog, "--docs", docs], {
      cwd: project.dir,
      encoding: "utf8",
      env: { ...process.env, KIMI_CONFIG_SYNC_CACHE: cache },
      timeout: 60_000,
    });
    const builds = () => new Set(readdirSync(cache).map((f) => JSON.parse(readFileSync(join(cache, f), "utf8")).build as string));
    expect(run().status).toBe(1);
    const first = builds();
    expect(first.size).toBe(1);
    expect(run().status).toBe(1);
    expect(builds()).toEqual(first);
    const cli = join(pkg, "dist", "cli.cjs");
    const later = new Date(statSync(cli).mtimeMs + 60_000);
    utimesSync(cli, later, later);
    expect(run().status).toBe(1);
    expect([...builds()].some((b) => !first.has(b))).toBe(true);
  });
});

describe("content cache and the calendar", () => {
  it("tells of a deprecation in the past tense once its date has come, though the page's verdict was kept", () => {
    const dir = join(project.dir, "calendar");
    mkdirSync(join(dir, "docs"), { recursive: true });
    // A model deprecated two days from now, named on a page with a region.
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const catalog = JSON5.parse(readFileSync(project.catalog, "utf8"));
    const moonshot = catalog.providers.find((p: { id: string }) => p.id === "moonshot");
    const model = moonshot.models.find((m: { id: string }) => m.id === "kimi-k2.7-code-highspeed");
    model.lifecycle = { status: "deprecated", date: soon, replacement: "kimi-k3" };
    for (const group of catalog.docGroups) {
      if (group.provider === "moonshot") group.models = group.allowInactive ? [model.id, ...group.models] : group.models.filter((id: string) => id !== model.id);
    }
    cpSync(join(dirname(project.catalog), "locales"), join(dir, "locales"), { recursive: true });
    writeFileSync(join(dir, "catalog.jsonc"), JSON.stringify(catalog, null, 2));
    writeFileSync(join(dir, "docs", "p.md"), `# Page\n\nUse \`moonshot/${model.id}\` for speed.\n\n{/* kimi-code-ids:start */}\n{/* kimi-code-ids:end */}\n`);
    const later = join(dir, "later.cjs");
    writeFileSync(later, [
      "const shift = 7 * 86400000, RealDate = Date;",
      "globalThis.Date = class extends RealDate { constructor(...a) { if (a.length === 0) super(RealDate.now() + shift); else super(...a); } static now() { return RealDate.now() + shift; } };",
    ].join("\n"));
    const run = (...node: string[]) => spawnSync(process.execPath, [...node, join(repoRoot, "scripts/bin.cjs"), "gen", "--no-config", "--catalog", join(dir, "catalog.jsonc"), "--docs", join(dir, "docs")], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, KIMI_CONFIG_SYNC_CACHE: join(dir, "cache") },
      timeout: 60_000,
    });
    expect(run().status).toBe(0); // fills the region; the page is then up to date
    const today = run();
    expect(today.stderr).toContain(`will be deprecated on ${soon}`);
    const aWeekLater = run("--require", later);
    expect(aWeekLater.stderr).toContain(`is deprecated (since ${soon})`);
    expect(aWeekLater.stderr).not.toContain("will be deprecated");
  });
});
