// A translated docs tree shaped like the host application's: the first check
// reports drift and nothing else, `gen` rewrites only region bodies, tables keep
// their headers and columns, hand-written keys are named, and a second check is clean.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeHostLikeTree, type HostLikeManifest } from "../bench/tree/host-like.ts";
import { fuzzing } from "./support/fc.ts";
import { cells, outsideBodies, regionBodyLines, tableRows } from "./support/region-bodies.ts";
import { repoRoot, runCli, tempDir, tempProject } from "./support/run-cli.ts";

/** Lines of a run's output that are problems (file:line:column: message) but not warnings. */
function errorLines(output: string): string[] {
  return output.split("\n").filter((line) => /^\S+:\d+:\d+: /.test(line) && !/^\S+:\d+:\d+: warning: /.test(line));
}

function firstTableLine(text: string): string {
  return text.split("\n").find((line) => line.startsWith("| "))!;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe("the host docs sample, through the command line", () => {
  const sample = join(import.meta.dirname, "fixtures", "host-docs-sample", "docs");
  const catalog = join(repoRoot, "schema", "catalog.jsonc");
  const tables = ["providers/moonshot.md", "zh-CN/providers/moonshot.md", "pt-BR/providers/moonshot.md"];

  it("reports drift and no error, syncs only region bodies, keeps the translated tables, then is clean", () => {
    const dir = tempDir("kcs-host-sample-");
    cpSync(sample, join(dir, "docs"), { recursive: true });
    for (const file of allFiles(join(dir, "docs"))) chmodSync(join(dir, "docs", file), 0o644);
    const run = (...flags: string[]) =>
      spawnSync(process.execPath, [join(repoRoot, "scripts", "bin.cjs"), "gen", ...flags, "--catalog", catalog, "--docs", "docs"], {
        cwd: dir,
        encoding: "utf8",
      });

    const check = run("--check");
    expect(errorLines(check.stderr), check.stderr).toEqual([]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("docs/providers/moonshot.md:10: region moonshot-kimi-k2-ids is out of date");
    expect(check.stdout).toContain("docs/zh-CN/providers/moonshot.md:10: region moonshot-kimi-k2-ids is out of date");
    expect(check.stdout).toContain("docs/pt-BR/providers/moonshot.md:8: region moonshot-kimi-k2-ids is out of date");
    // The other providers' page names `ollama-cloud/kimi-k2.5:cloud`: not a catalog model.
    expect(check.stderr).not.toContain("ollama-cloud.md");
    expect(check.stderr).not.toContain("server.md");

    const gen = run();
    expect(errorLines(gen.stderr), gen.stderr).toEqual([]);
    expect(gen.status).toBe(0);
    const names = ["moonshot-kimi-k2-ids", "moonshot-kimi-k2-aliases", "moonshot-kimi-k2-models"];
    for (const file of allFiles(sample)) {
      const before = readFileSync(join(sample, file), "utf8");
      const after = readFileSync(join(dir, "docs", file), "utf8");
      expect(outsideBodies(after, names), file).toBe(outsideBodies(before, names));
    }
    for (const file of tables) {
      // Translators own the header: byte for byte, spaces too.
      expect(firstTableLine(readFileSync(join(dir, "docs", file), "utf8"))).toBe(firstTableLine(readFileSync(join(sample, file), "utf8")));
    }
    const zh = readFileSync(join(dir, "docs", "zh-CN/providers/moonshot.md"), "utf8");
    expect(tableRows(regionBodyLines(zh, "moonshot-kimi-k2-ids")).map(cells)).toContainEqual(expect.arrayContaining(["`moonshot/kimi-k2.6`", "Kimi K2.6", "是"]));
    expect(zh).toContain("文本、图像、视频");

    const again = run("--check");
    expect(again.stderr).not.toMatch(/thinkingLevelMap/);
    expect(again.status).toBe(0);
  });
});

describe("a multi-locale host-like tree", () => {
  // Six languages, Arabic written right to left among them; translated pages mirror the English ones.
  const locales = ["en", "zh-CN", "pt-BR", "ja-JP", "ar", "de"];
  // 20 pages a language hold every trait below, two region pages a language among them; the long run has 60.
  const pages = locales.length * (fuzzing ? 60 : 20);
  let project: ReturnType<typeof tempProject>;
  let manifest: HostLikeManifest;
  let original: string;

  beforeAll(() => {
    project = tempProject();
    original = tempDir("kcs-host-like-");
    manifest = writeHostLikeTree(original, {
      seed: 7,
      pages,
      locales,
      averageBytes: 3_000,
      incidentalShare: 0.6,
      largeShare: 0.02,
    });
    cpSync(original, project.docs, { recursive: true });
    // A key no catalog field produces, added by hand to every model entry of the -models regions.
    for (const path of manifest.regionDocs) {
      const file = join(project.docs, path);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^(\s*)contextWindow: (\d+),$/gm, "$1params: { temperature: 0.6 },\n$1contextWindow: $2,"));
      cpSync(file, join(original, path));
    }
  });

  it("has the traits of the host's tree", () => {
    expect(manifest.regionDocs.length).toBeGreaterThanOrEqual(locales.length);
    // More than one region page per language, so that a warning given once per language is told apart from once per page.
    for (const locale of locales.slice(1)) expect(manifest.regionDocs.filter((p) => p.startsWith(`${locale}/`)).length, locale).toBeGreaterThanOrEqual(2);
    expect(manifest.incidentalDocs.length).toBeGreaterThanOrEqual(pages / 2);
    expect(manifest.largeDocs.some((path) => statSync(join(original, path)).size > 100_000)).toBe(true);
  });

  it("first check: drift and warnings, no error; gen changes only region bodies; tables keep their shape; then clean", async () => {
    const check = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", project.docs]);
    expect(errorLines(check.stderr), check.stderr.slice(0, 2000)).toEqual([]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/region moonshot-kimi-k2-ids is out of date/);
    expect(check.stderr).toMatch(/warning: `params` in the entry of `[\w.-]+` in region moonshot-kimi-k2-models is written by hand/);
    // One warning per word and language that falls back to English, not one per page.
    const fallbacks = check.stderr.split("\n").filter((line) => line.includes("no ja-JP text for the word \"yes\""));
    expect(fallbacks).toHaveLength(1);

    const gen = await runCli(["gen", "--catalog", project.catalog, "--docs", project.docs]);
    expect(errorLines(gen.stderr)).toEqual([]);
    expect(gen.code).toBe(0);

    const kinds = ["ids", "model-refs", "aliases", "models"].map((k) => `moonshot-kimi-k2-${k}`);
    for (const path of allFiles(original)) {
      const before = readFileSync(join(original, path), "utf8");
      const after = readFileSync(join(project.docs, path), "utf8");
      const names = manifest.regionDocs.includes(path) ? kinds : [];
      if (names.length === 0) expect(after === before, path).toBe(true);
      else expect(outsideBodies(after, names), path).toBe(outsideBodies(before, names));
    }
    for (const path of manifest.regionDocs) {
      const before = tableRows(regionBodyLines(readFileSync(join(original, path), "utf8"), "moonshot-kimi-k2-ids"));
      const after = tableRows(regionBodyLines(readFileSync(join(project.docs, path), "utf8"), "moonshot-kimi-k2-ids"));
      expect(after.slice(0, 2), path).toEqual(before.slice(0, 2));
      const columns = cells(before[0]!).length;
      expect(after.length).toBeGreaterThan(2);
      for (const row of after.slice(2)) expect(cells(row), `${path}: ${row}`).toHaveLength(columns);
    }
    const zh = manifest.regionDocs.find((p) => p.startsWith("zh-CN/"))!;
    const zhRows = tableRows(regionBodyLines(readFileSync(join(project.docs, zh), "utf8"), "moonshot-kimi-k2-ids")).slice(2);
    // Reasoning and input cells in Chinese: `是`/`否` or effort levels, `文本、图像…`.
    for (const row of zhRows) {
      const [, , reasoning, input] = cells(row);
      expect(reasoning, row).not.toMatch(/[A-Za-z]/);
      expect(input, row).toMatch(/^文本/);
    }

    const again = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", project.docs]);
    expect(errorLines(again.stderr)).toEqual([]);
    expect(again.code).toBe(0);
  });
});
