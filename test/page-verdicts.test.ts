// Pages found up to date are not planned again on the next run (page-verdicts.ts),
// and that may never change what a run reports: after every edit below, the built
// CLI with its cache says exactly what it says with the cache turned off. The
// edits are those a stored verdict could miss: a page's own text, the
// source-language page a translation takes its columns from, the page that was
// first to need a missing word, and the catalog.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { repoRoot, tempProjectWith } from "./support/run-cli.ts";

const start = (options = "") => `[//]: # "kimi-code-ids:start${options}"`;
const end = `[//]: # "kimi-code-ids:end"`;
const table = (header: string, options = "") =>
  ["# Models", "", start(options), "", header, `|${header.split("|").slice(1, -1).map(() => " --- |").join("")}`, "", end, "", "Text after.", ""].join("\n");

const SOURCE_HEADER = "| Model ref | Name | Reasoning |";
const project = tempProjectWith({
  "page.md": table(SOURCE_HEADER),
  // Its columns can only be identified from page.md, the page it translates, until its rows are written.
  "de/page.md": table("| Modellreferenz | Name | Denken |"),
  // The first German page to need words German lacks.
  "de/a.md": table("| Ref | Denken |", " columns=ref,reasoning"),
  "notes.md": "# Notes\n\nNo regions here.\n",
});
mkdirSync(join(project.dir, "node_modules"));
const cacheDir = join(project.dir, "node_modules", ".cache", "kimi-config-sync");
/** The verdict files: one per settings (the catalog, its words, the docs and rule settings). */
const verdictFiles = () => readdirSync(cacheDir).filter((name) => name.startsWith("pages-") && name.endsWith(".json"));
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

function run(command: string[], cache: "on" | "off") {
  const result = spawnSync(process.execPath, [join(repoRoot, "scripts/bin.cjs"), ...command, "--catalog", project.catalog, "--docs", project.docs, "--no-config"], {
    cwd: project.dir,
    encoding: "utf8",
    env: { ...process.env, KIMI_CONFIG_SYNC_CACHE: cache === "on" ? "" : "off", NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The check with the cache (as left by the runs before) and without: they must agree. */
function check() {
  const cached = run(["gen", "--check"], "on");
  expect(cached).toEqual(run(["gen", "--check"], "off"));
  return cached;
}

const edit = (path: string, change: (text: string) => string) => writeFileSync(join(project.docs, path), change(readFileSync(join(project.docs, path), "utf8")));
const missingWord = (path: string) => new RegExp(`${path.replace(/[/.]/g, "\\$&")}:\\d+:\\d+: warning: no de text for the word`);

describe("verdicts of earlier runs", () => {
  it("are stored for pages found up to date and replayed with their warnings", () => {
    expect(run(["gen"], "off").code).toBe(0);
    const first = check();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(missingWord("de/a.md"));
    expect(verdictFiles()).toHaveLength(1);
    const pagesCache = join(cacheDir, verdictFiles()[0]!);
    const stored = JSON.parse(readFileSync(pagesCache, "utf8")) as { entries: Record<string, [number, { regions: number }]> };
    const paths = Object.keys(stored.entries).map((p) => p.slice(project.docs.length + 1)).sort();
    expect(paths).toEqual(["de/a.md", "de/page.md", "page.md"]);
    // A second run gives the same report from the stored verdicts...
    expect(check()).toEqual(first);
    // ...and it does use them: a warning planted in one is reported.
    const planted = { file: join(project.docs, "page.md"), line: 1, column: 1, severity: "warning", rule: "test/planted", message: "planted in the stored verdict" };
    const verdict = stored.entries[join(project.docs, "page.md")]![1] as unknown as { warnings: unknown[] };
    verdict.warnings.push(planted);
    writeFileSync(pagesCache, JSON.stringify(stored));
    expect(run(["gen", "--check"], "on").stderr).toContain("planted in the stored verdict");
    rmSync(pagesCache);
  });

  it("hold no longer when the page itself changes", () => {
    check();
    // The region's last row removed by hand.
    edit("page.md", (text) => text.replace(/\n\|[^\n]*\|\n\n\[\/\/\]: # "kimi-code-ids:end"/, '\n\n[//]: # "kimi-code-ids:end"'));
    const result = check();
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain("page.md");
    expect(run(["gen"], "off").code).toBe(0);
  });

  it("move a missing word's warning to the next page needing it when the first one no longer does", () => {
    check();
    writeFileSync(join(project.docs, "de/a.md"), "# Keine Tabelle mehr\n");
    const result = check();
    expect(result.stderr).not.toMatch(missingWord("de/a.md"));
    expect(result.stderr).toMatch(missingWord("de/page.md"));
  });

  it("hold no longer for a translation when the page it translates changes its columns", () => {
    check();
    edit("page.md", (text) => text.replace(SOURCE_HEADER, "| Reasoning | Model ref | Name |"));
    // check() compares the run with its cache to one without; the German page's rows, once written, name its
    // columns by their cells, so only page.md itself is out of date.
    const result = check();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("docs/page.md");
    expect(result.stdout).not.toContain("de/page.md");
    edit("page.md", (text) => text.replace("| Reasoning | Model ref | Name |", SOURCE_HEADER));
    expect(check().code).toBe(0);
  });

  it("hold no longer when the catalog changes", () => {
    check();
    const catalog = loadCatalog(project.catalog);
    const model = catalog.groups.find((g) => g.id === "kimi-code")!.models[0]!;
    const text = readFileSync(project.catalog, "utf8");
    expect(text).toContain(`"name": "${model.name}"`);
    writeFileSync(project.catalog, text.replace(`"name": "${model.name}"`, `"name": "${model.name} Renamed"`));
    const result = check();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("page.md");
    expect(result.stdout).toContain("de/page.md");
  });

  it("are kept in one file per settings, the four most recent of them", () => {
    const text = readFileSync(project.catalog, "utf8");
    const model = loadCatalog(project.catalog).groups.find((g) => g.id === "kimi-code")!.models[0]!;
    for (let edit = 1; edit <= 5; edit++) {
      writeFileSync(project.catalog, text.replace(`"name": "${model.name}"`, `"name": "${model.name} ${edit}"`));
      expect(run(["gen"], "on").code).toBe(0);
      expect(run(["gen", "--check"], "on").code).toBe(0);
      expect(verdictFiles().length).toBe(Math.min(edit + 1, 4));
    }
    // Ten runs of the CLI, each with a catalog it has not seen: a few seconds, many more on a busy machine.
  }, 120_000);
});
