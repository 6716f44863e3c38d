// Docs the project excludes are neither synced nor checked.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot, runGenWith, tempProjectWith } from "./support/run-cli.ts";

const KEY = ["sk", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9Pl1Mn8Bv"].join("-");

it("leaves excluded docs alone: no region synced, no problem reported, nothing written", async () => {
  const broken = "# Old\n\n{/* kimi-code-ids:start */}\n";
  const stale = "# Old\n\n{/* kimi-code-ids:start */}\n- `old`\n{/* kimi-code-ids:end */}\n";
  const p = tempProjectWith({ "archive/broken.md": broken, "archive/stale.md": stale, "archive/key.md": `Key: \`${KEY}\`\n`, "page.md": "# Page\n" });
  const exclude = ["docs/archive/**"];
  const rules = { secret: { severity: "error" as const, scope: "all" as const } };
  expect((await runGenWith({ catalog: p.catalog, docs: p.docs, check: true, rules })).code).toBe(2);
  const check = await runGenWith({ catalog: p.catalog, docs: p.docs, check: true, rules, exclude });
  expect(check.stderr).toBe("");
  expect(check.code).toBe(0);
  expect((await runGenWith({ catalog: p.catalog, docs: p.docs, rules, exclude })).code).toBe(0);
  expect(readFileSync(join(p.docs, "archive/stale.md"), "utf8")).toBe(stale);
  // Not read, so not counted among the docs either.
  expect(check.stdout).toMatch(/ in 1 doc\b/);
});

it("reads the configuration's globs from its own folder, wherever the run starts (here in docs/)", () => {
  const stale = "{/* kimi-code-ids:start */}\n- `old`\n{/* kimi-code-ids:end */}\n";
  const p = tempProjectWith({ "archive/stale.md": stale, "page.md": stale });
  writeFileSync(p.config, JSON.stringify({ catalog: "schema/catalog.jsonc", docs: ["docs"], exclude: ["docs/archive/**"] }));
  for (const cwd of [join(p.docs, ".."), p.docs]) {
    const run = spawnSync(process.execPath, [join(repoRoot, "scripts/bin.cjs"), "gen", "--check"], { cwd, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain("1 region in 1 file is out of date");
    expect(run.stdout).not.toContain("archive");
  }
});

it("takes a folder's name, with or without a final slash, as everything in the folder; warns about a pattern that leaves out nothing", () => {
  const stale = "{/* kimi-code-ids:start */}\n- `old`\n{/* kimi-code-ids:end */}\n";
  const p = tempProjectWith({ "archive/stale.md": stale, "old/deep/stale.md": stale, "page.md": stale });
  writeFileSync(p.config, JSON.stringify({ catalog: "schema/catalog.jsonc", docs: ["docs"], exclude: ["docs/archive/", "docs/old", "docs/nope/**"] }, null, 2));
  const run = spawnSync(process.execPath, [join(repoRoot, "scripts/bin.cjs"), "gen", "--check"], { cwd: join(p.docs, ".."), encoding: "utf8" });
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toContain("1 region in 1 file is out of date");
  expect(run.stdout).not.toMatch(/archive|old\//);
  const config = readFileSync(p.config, "utf8");
  const line = config.split("\n").findIndex((l) => l.includes("docs/nope/**")) + 1;
  expect(run.stderr.split("\n").filter((l) => l.includes("exclude"))).toEqual([
    `${p.config}:${line}:5: warning: exclude[2]: "docs/nope/**" leaves out no doc under docs; patterns are relative to this file (a folder's name leaves out all of it, as \`docs/archive\`)`,
  ]);
});

it("warns about an --exclude pattern that leaves out nothing, naming the pattern, and not about one that does", () => {
  const stale = "{/* kimi-code-ids:start */}\n- `old`\n{/* kimi-code-ids:end */}\n";
  const p = tempProjectWith({ "archive/stale.md": stale, "page.md": stale });
  writeFileSync(p.config, JSON.stringify({ catalog: "schema/catalog.jsonc", docs: ["docs"], exclude: ["docs/unused/**"] }));
  const args = ["gen", "--check", "--exclude", "docs/archive", "--exclude", "docs/archiv/**"];
  const run = spawnSync(process.execPath, [join(repoRoot, "scripts/bin.cjs"), ...args], { cwd: join(p.docs, ".."), encoding: "utf8" });
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toContain("1 region in 1 file is out of date");
  // The configuration's pattern was replaced by the command line's, so it is not warned about.
  expect(run.stderr.split("\n").filter((l) => l.includes("exclude"))).toEqual([
    'docs/archiv/**:1:1: warning: --exclude "docs/archiv/**" leaves out no doc under docs; patterns on the command line are relative to the working folder (a folder\'s name leaves out all of it, as `docs/archive`)',
  ]);
});

it("leaves out a file whose name holds a line break, as any other under the pattern", () => {
  const stale = "{/* kimi-code-ids:start */}\n- `old`\n{/* kimi-code-ids:end */}\n";
  const p = tempProjectWith({ "two\nlines.md": stale, "deep/new\nline.md": stale, "page.md": "# Page\n" });
  writeFileSync(p.config, JSON.stringify({ catalog: "schema/catalog.jsonc", docs: ["docs"] }));
  const gen = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, "scripts/bin.cjs"), "gen", "--check", ...args], { cwd: join(p.docs, ".."), encoding: "utf8" });
  // Without the pattern, both pages drift; with it, neither is read.
  expect(gen().stdout).toContain("2 regions in 2 files are out of date");
  for (const pattern of ["docs/**", "docs", "docs/*.md", "docs/two?lines.md"]) {
    const run = gen("--exclude", pattern, ...(pattern.endsWith(".md") ? ["--exclude", "docs/deep/**"] : []));
    expect(run.status, `${pattern}: ${run.stdout}${run.stderr}`).toBe(0);
    expect(run.stderr).toBe("");
  }
});
