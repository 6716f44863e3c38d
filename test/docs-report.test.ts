// What `gen --check` shows for drifted regions: one unified diff per region whose
// hunks carry the file's real line numbers, GitHub annotations, and the same as data.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { displayPath } from "../scripts/report/gen-report.ts";
import { docsProject, seedPage } from "./fixtures/docs/project.ts";
import { runCli } from "./support/run-cli.ts";

const PAGE = "moonshot.md";
/** The seed page with one id, one alias and one context window changed by hand. */
const edited = seedPage
  .replace("* `kimi-k2-thinking`\n", "* `kimi-k2-thinking-turbo`\n")
  .replace('{ alias: "Kimi K2 Turbo" }', '{ alias: "Turbo" }')
  .replace("contextWindow: 256000,\n            maxTokens: 8192\n          }\n          // moonshot", "contextWindow: 1,\n            maxTokens: 8192\n          }\n          // moonshot");

interface Hunk {
  oldStart: number;
  newStart: number;
  lines: string[];
}

/** The hunks of a unified diff, each with as many lines as its header counts. */
function hunks(diff: string): Hunk[] {
  const found: Hunk[] = [];
  const lines = diff.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@/.exec(lines[i]!);
    if (!header) continue;
    const hunk: Hunk = { oldStart: Number(header[1]), newStart: Number(header[3]), lines: [] };
    let [oldLeft, newLeft] = [Number(header[2]), Number(header[4])];
    while (oldLeft > 0 || newLeft > 0) {
      const line = lines[++i]!;
      hunk.lines.push(line);
      if (!line.startsWith("+")) oldLeft--;
      if (!line.startsWith("-")) newLeft--;
    }
    found.push(hunk);
  }
  return found;
}

/** Each hunk's old lines stand at its old start in the current file, its new lines at its new start in the regenerated one. */
function expectHunksInPlace(all: readonly Hunk[], before: string, after: string): void {
  const oldLines = before.split("\n");
  const newLines = after.split("\n");
  for (const hunk of all) {
    const old = hunk.lines.filter((l) => !l.startsWith("+")).map((l) => l.slice(1));
    const now = hunk.lines.filter((l) => !l.startsWith("-")).map((l) => l.slice(1));
    expect(oldLines.slice(hunk.oldStart - 1, hunk.oldStart - 1 + old.length)).toEqual(old);
    expect(newLines.slice(hunk.newStart - 1, hunk.newStart - 1 + now.length)).toEqual(now);
  }
}

describe("drift report", () => {
  it("numbers each region's hunks with the lines of the current and of the regenerated file", async () => {
    const project = await docsProject({ [PAGE]: edited });
    const check = await project.gen({ check: true });
    expect(check.code).toBe(1);
    const path = displayPath(join(project.docs, PAGE));
    expect(check.stdout.split("\n").filter((l) => l.startsWith(`${path}:`))).toEqual([
      `${path}:18: region moonshot-kimi-k2-ids is out of date`,
      `${path}:52: region moonshot-kimi-k2-aliases is out of date`,
      `${path}:70: region moonshot-kimi-k2-models is out of date`,
    ]);
    expect(check.stdout.trimEnd().split("\n").at(-1)).toBe(`3 regions in 1 file are out of date; run \`${project.fix}\``);

    const all = hunks(check.stdout);
    expect(all).toHaveLength(3);
    await project.gen();
    expectHunksInPlace(all, edited, project.doc(PAGE));
  });

  it("shows a region rewritten by hand as one hunk replacing its changed lines, numbered the same way", async () => {
    const junk = Array.from({ length: 24 }, (_, i) => `* \`old-model-${i}\`\n`).join("");
    const rewritten = seedPage.replace("* `kimi-k2-thinking`\n", junk);
    const project = await docsProject({ [PAGE]: rewritten });
    const check = await project.gen({ check: true });
    expect(check.code).toBe(1);
    const all = hunks(check.stdout);
    expect(all).toHaveLength(1);
    const removed = all[0]!.lines.filter((l) => l.startsWith("-"));
    expect(removed).toEqual(junk.trimEnd().split("\n").map((l) => `-${l}`));
    await project.gen();
    expectHunksInPlace(all, rewritten, project.doc(PAGE));
  });

  it("past 50 drifted regions lists the rest without their diff, and shows every diff with --verbose", async () => {
    // 18 pages with the 3 edited regions each: 54 drifted regions.
    const pages = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`page-${String(i).padStart(2, "0")}.md`, edited]));
    const project = await docsProject(pages);
    const args = ["gen", "--check", "--catalog", project.catalog, "--docs", project.docs];
    const check = await runCli(args);
    expect(check.code).toBe(1);
    const headings = check.stdout.split("\n").filter((l) => / region \S+ is out of date$/.test(l));
    expect(headings).toHaveLength(54);
    expect(hunks(check.stdout)).toHaveLength(50);
    expect(check.stdout).toContain("… the diffs of 4 more regions are not shown (the first 50 are); --verbose shows every diff");
    expect(check.stdout.trimEnd().split("\n").at(-1)).toBe(`54 regions in 18 files are out of date; run \`${project.fix}\``);
    const verbose = await runCli([...args, "--verbose"]);
    expect(hunks(verbose.stdout)).toHaveLength(54);
    expect(verbose.stdout).not.toContain("are not shown");
    // --json keeps every region's diff and every page's whole-file diff.
    const json = JSON.parse((await runCli([...args, "--json"])).stdout) as { files: Array<{ diff: string; regions: Array<{ diff: string }> }> };
    expect(json.files.flatMap((f) => f.regions).filter((r) => r.diff.includes("@@"))).toHaveLength(54);
    expect(json.files.filter((f) => f.diff.includes("@@"))).toHaveLength(18);

    // gen names the first 10 files it wrote and counts the rest; --verbose names all 18.
    const copy = await docsProject(pages);
    const written = await runCli(["gen", "--catalog", project.catalog, "--docs", project.docs]);
    const named = (line: string) => line.replace(/ and \d+ more.*$/, "").replace(/^updated \d+ files: /, "").split(", ");
    const summary = written.stdout.trimEnd().split("\n").at(-1)!;
    expect(summary).toMatch(/^updated 18 files: .* and 8 more \(--verbose names every file\)$/);
    expect(named(summary)).toEqual(Object.keys(pages).slice(0, 10).map((page) => displayPath(join(project.docs, page))));
    const all = (await runCli(["gen", "--verbose", "--catalog", copy.catalog, "--docs", copy.docs])).stdout.trimEnd().split("\n").at(-1)!;
    expect(named(all)).toEqual(Object.keys(pages).map((page) => displayPath(join(copy.docs, page))));
  });

  it("cuts a very long line of a diff short, unless --verbose; --json keeps it whole", async () => {
    const long = `* \`kimi-k3\` ${"x".repeat(100_000)}`;
    const project = await docsProject({ [PAGE]: seedPage.replace("* `kimi-k2-thinking`\n", `${long}\n`) });
    const args = ["gen", "--check", "--catalog", project.catalog, "--docs", project.docs];
    const check = await runCli(args);
    expect(check.code).toBe(1);
    expect(check.stdout.length).toBeLessThan(20_000);
    expect(check.stdout).toContain(`-${long.slice(0, 199)}… (${long.length - 199} more characters; --verbose shows them)`);
    expect((await runCli([...args, "--verbose"])).stdout).toContain(`-${long}\n`);
    expect((await runCli([...args, "--json"])).stdout).toContain(long);
  });

  it("annotates each drifted region for GitHub Actions", async () => {
    const project = await docsProject({ [PAGE]: edited });
    vi.stubEnv("GITHUB_ACTIONS", "true");
    const check = await project.gen({ check: true });
    const path = displayPath(join(project.docs, PAGE)).replace(/:/g, "%3A").replace(/,/g, "%2C");
    const annotations = check.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toEqual([
      `::error file=${path},line=18,endLine=26,col=1,title=moonshot-kimi-k2-ids out of date::region moonshot-kimi-k2-ids is out of date; run ${project.fix}`,
      `::error file=${path},line=52,endLine=58,col=9,title=moonshot-kimi-k2-aliases out of date::region moonshot-kimi-k2-aliases is out of date; run ${project.fix}`,
      `::error file=${path},line=70,endLine=116,col=11,title=moonshot-kimi-k2-models out of date::region moonshot-kimi-k2-models is out of date; run ${project.fix}`,
    ]);
  });

  it("places annotations relative to the repository (GITHUB_WORKSPACE) when the run starts elsewhere", async () => {
    const project = await docsProject({ [PAGE]: edited });
    vi.stubEnv("GITHUB_ACTIONS", "true");
    vi.stubEnv("GITHUB_WORKSPACE", join(project.docs, ".."));
    try {
      const check = await project.gen({ check: true });
      const files = check.stdout.split("\n").filter((l) => l.startsWith("::error")).map((l) => /file=([^,]*)/.exec(l)![1]);
      expect(files).toEqual(Array(3).fill(`docs/${PAGE.replace(/:/g, "%3A")}`));
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("places annotations by the page's real path when the docs folder is reached through a symbolic link", async () => {
    const project = await docsProject({ [PAGE]: edited });
    const linked = join(project.dir, "linked-docs");
    symlinkSync(project.docs, linked);
    vi.stubEnv("GITHUB_ACTIONS", "true");
    vi.stubEnv("GITHUB_WORKSPACE", project.dir);
    try {
      const check = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", linked]);
      expect(check.code, check.stderr).toBe(1);
      const files = check.stdout.split("\n").filter((l) => l.startsWith("::error")).map((l) => /file=([^,]*)/.exec(l)![1]);
      expect(files).toEqual(Array(3).fill(`docs/${PAGE}`));
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("with --json under GitHub Actions, keeps standard output one JSON document: the annotations go to standard error", async () => {
    const project = await docsProject({ [PAGE]: edited });
    vi.stubEnv("GITHUB_ACTIONS", "true");
    try {
      const json = await project.gen({ check: true, json: true });
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout).status).toBe("drift");
      expect(json.stderr.split("\n").filter((l) => l.startsWith("::error"))).toHaveLength(3);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("gives the same as data with --json", async () => {
    const project = await docsProject({ [PAGE]: edited });
    const text = await project.gen({ check: true });
    const json = await project.gen({ check: true, json: true });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.status).toBe("drift");
    expect(report.summary).toBe(`3 regions in 1 file are out of date; run \`${project.fix}\``);
    const [file] = report.files;
    expect(file.kind).toBe("doc");
    expect(file.regions.map((r: { name: string; line: number; column: number; endLine: number }) => [r.name, r.line, r.column, r.endLine])).toEqual([
      ["moonshot-kimi-k2-ids", 18, 1, 26],
      ["moonshot-kimi-k2-aliases", 52, 9, 58],
      ["moonshot-kimi-k2-models", 70, 11, 116],
    ]);
    for (const region of file.regions) expect(text.stdout).toContain(region.diff);
  });
});
