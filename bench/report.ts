// The benchmark's results as Markdown: one table per run, the targets of the
// benchmark issue checked against it, and what machine it ran on.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import { MARKDOWN_MAGIC_PEER, type BenchCase, type CaseId } from "./cases.ts";
import type { Summary } from "./measure.ts";
import type { ProfileSummary } from "./profile.ts";
import type { TreeManifest } from "./tree/write.ts";

export interface SizeResult {
  files: number;
  /** Timed runs per case (fewer than asked when the time budget ran out). */
  runs: number;
  manifest: TreeManifest;
  cases: BenchCase[];
  summaries: Map<CaseId, Summary>;
  problems: string[];
  /** Set when markdown-magic could not process the tree at all. */
  mmFailure?: string;
  /** Single runs of some cases under the CPU profiler. */
  profiles: Array<{ title: string; summary: ProfileSummary }>;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  markdownMagic: string;
  grep: string;
  commit: string;
  date: string;
  /** 1-minute load average when the report was written: other work on the machine skews the times. */
  load: number;
}

export function machineInfo(root: string): MachineInfo {
  const firstLine = (file: string, args: string[]) =>
    (spawnSync(file, args, { cwd: root, encoding: "utf8" }).stdout ?? "").split("\n")[0]?.trim() || "unknown";
  const mm = JSON.parse(readFileSync(join(root, "node_modules/markdown-magic/package.json"), "utf8")) as { version: string };
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    markdownMagic: mm.version,
    grep: firstLine("grep", ["--version"]),
    commit: `${firstLine("git", ["rev-parse", "--short", "HEAD"])}${
      spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).stdout?.trim() ? " with uncommitted changes" : ""
    }`,
    date: new Date().toISOString().slice(0, 10),
    load: loadavg()[0] ?? 0,
  };
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const ratio = (value: number) => `${value.toFixed(2)}×`;

function caseRow(result: SizeResult, c: BenchCase): string {
  const s = result.summaries.get(c.id)!;
  const cells = [result.files.toLocaleString("en-US"), c.label, ms(s.median), ms(s.min), ms(s.max), s.rssMb === null ? "n/a" : `${s.rssMb.toFixed(0)} MB`];
  const peer = MARKDOWN_MAGIC_PEER[c.id];
  if (peer) {
    const mm = result.summaries.get(peer);
    cells.push(
      mm ? ratio(s.median / mm.median) : "n/a",
      ratio(s.median / result.summaries.get("grep")!.median),
      ratio(s.median / result.summaries.get("node")!.median),
    );
  } else {
    cells.push("", "", "");
  }
  return `| ${cells.join(" | ")} |`;
}

interface Target {
  text: string;
  measured: string;
  met: boolean;
}

function median(result: SizeResult | undefined, id: CaseId): number | undefined {
  return result?.summaries.get(id)?.median;
}

function targets(results: readonly SizeResult[]): Target[] {
  const small = results.find((r) => r.files === 2000);
  const large = results.find((r) => r.files === 20000);
  const list: Target[] = [];
  for (const id of ["ours-check-clean", "ours-check-drift"] as const) {
    const which = id === "ours-check-clean" ? "clean" : "drifted";
    const ours = median(small, id);
    const mm = median(small, MARKDOWN_MAGIC_PEER[id]!);
    if (ours !== undefined && mm !== undefined) {
      list.push({ text: `2,000 files, \`gen --check\` (${which}) ≤ 180 ms`, measured: ms(ours), met: ours <= 180 });
      list.push({ text: `2,000 files, \`gen --check\` (${which}) ≥ 3× faster than markdown-magic`, measured: `${(mm / ours).toFixed(1)}× faster`, met: mm / ours >= 3 });
    }
  }
  for (const id of ["ours-check-clean", "ours-check-drift"] as const) {
    const which = id === "ours-check-clean" ? "clean" : "drifted";
    const big = median(large, id);
    const little = median(small, id);
    const startup = median(large, "ours-startup");
    if (big === undefined || little === undefined || startup === undefined) continue;
    list.push({ text: `20,000 files, \`gen --check\` (${which}) ≤ 1.5 s`, measured: ms(big), met: big <= 1500 });
    // Linear: the cost per page beyond start-up stays the same from 2,000 to 20,000 pages (within 25%).
    const perPageSmall = (little - startup) / 2000;
    const perPageLarge = (big - startup) / 20000;
    list.push({
      text: `time grows linearly (${which}): cost per 1,000 pages beyond start-up`,
      measured: `${(perPageSmall * 1000).toFixed(0)} ms at 2,000, ${(perPageLarge * 1000).toFixed(0)} ms at 20,000`,
      met: perPageLarge <= perPageSmall * 1.25,
    });
  }
  if (large) {
    const peak = Math.max(
      ...(["ours-check-clean", "ours-check-drift", "ours-gen-drift"] as const).map((id) => large.summaries.get(id)?.rssMb ?? Number.NaN),
    );
    const clean = large.summaries.get("ours-check-clean")?.rssMb;
    if (Number.isFinite(peak)) {
      list.push({
        text: "peak RSS ≤ 150 MB at 20,000 files (worst of `gen --check` and `gen`)",
        measured: `${peak.toFixed(0)} MB${clean ? ` (clean \`gen --check\`: ${clean.toFixed(0)} MB)` : ""}`,
        met: peak <= 150,
      });
    }
  }
  const first = results[0];
  const startup = median(first, "ours-startup");
  const node = median(first, "node");
  if (startup !== undefined && node !== undefined) {
    list.push({ text: "CLI overhead over `node -e ''` ≤ 60 ms", measured: `${ms(startup - node)} (${ms(startup)} vs ${ms(node)})`, met: startup - node <= 60 });
  }
  return list;
}

function profileSection(title: string, profile: ProfileSummary): string[] {
  const share = (ms: number) => `${((100 * ms) / profile.totalMs).toFixed(0)}%`;
  const rows = (entries: ProfileSummary["functions"]) => entries.map((e) => `| ${e.label.replace(/\|/g, "\\|")} | ${ms(e.ms)} | ${share(e.ms)} |`);
  return [
    `## Where the time goes: ${title}`,
    "",
    `One run under \`node --cpu-prof\` (the profiler slows it down): ${ms(profile.totalMs)} of busy time sampled.`,
    "",
    "| Function (with what it calls) | Time | Share |",
    "| --- | ---: | ---: |",
    ...rows(profile.functions),
    "",
    "| Source area (own time) | Time | Share |",
    "| --- | ---: | ---: |",
    ...rows(profile.areas),
    "",
  ];
}

export function renderResults(results: readonly SizeResult[], machine: MachineInfo, options: { runs: number; seed: number; rss: boolean }): string {
  const header = [
    "| Files | Case | Median | Min | Max | Peak RSS | ours ÷ markdown-magic | ours ÷ grep | ours ÷ node |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const rows = results.flatMap((r) => [
    ...r.cases.map((c) => caseRow(r, c)),
    ...(r.mmFailure ? [`| ${r.files.toLocaleString("en-US")} | markdown-magic | failed: ${r.mmFailure.replace(/\|/g, "\\|")} | | | | | | |`] : []),
  ]);
  const trees = results.map(
    (r) =>
      `- ${r.files.toLocaleString("en-US")} files, ${(r.manifest.bytes / r.files / 1024).toFixed(1)} KB on average, ${r.manifest.regionDocs.length} with regions (5 each), ${r.manifest.staleDocs.length} of them drifted; ${r.runs} timed ${r.runs === 1 ? "run" : "runs"} per case.`,
  );
  const problems = results.flatMap((r) => r.problems.map((p) => `- ${r.files.toLocaleString("en-US")} files: ${p}`));
  return [
    "# Benchmark results",
    "",
    `Written by \`pnpm bench\` on ${machine.date} (commit ${machine.commit}): median of ${options.runs} ${options.runs === 1 ? "run" : "runs"} (unless said below) after one warm-up round, cases interleaved, seed ${options.seed}.`,
    "",
    ...header,
    ...rows,
    "",
    "## Targets",
    "",
    "| Target | Measured | Met |",
    "| --- | --- | --- |",
    ...targets(results).map((t) => `| ${t.text} | ${t.measured} | ${t.met ? "yes" : "**no**"} |`),
    "",
    ...(problems.length > 0 ? ["## Problems seen during the run", "", ...problems, ""] : []),
    ...results.flatMap((r) => r.profiles.flatMap((p) => profileSection(p.title, p.summary))),
    "## Trees",
    "",
    ...trees,
    "",
    "## Method",
    "",
    "- Our tool runs as users start it, `node scripts/bin.mjs gen [--check] --catalog … --docs …` (the bundle is built before timing).",
    "- markdown-magic runs through `bench/markdown-magic-run.mjs` on the same pages with its own `<!-- docs NAME -->` … `<!-- /docs -->` markers, one transform per region name returning the body our tool rendered (it loads no catalog and validates nothing). Its dry run (`dryRun: true`) stands for `--check`. It has no notion of code fences (its markers inside JSON5 fences are HTML comments that break the JSON5), keeps no table header, reports no diff, and tells a changed file only by comparing whole texts.",
    "- markdown-magic reads every page at once (one `readFile` promise per file), so it starts from `sh -c 'ulimit -n …; exec node …'` with the most file descriptors the system grants; the shell adds about a millisecond. Its documented `dry` option still writes files in 4.11, so the runner passes `dryRun`. Its markers inside fences stand at column 0: 4.11 misplaces the rewrite of an indented block that follows another block.",
    "- Writing cases restore the drifted pages before each run; that copy is not timed. After the warm-up both writers must have produced their clean tree byte for byte.",
    "- Output goes to /dev/null. Wall time is taken around the process; peak RSS " + (options.rss ? "comes from GNU time (`/usr/bin/time -f %M`), which wraps every case alike." : "was not measured (no GNU time on this machine)."),
    "",
    "## Machine",
    "",
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; ${machine.os}; Node ${machine.node}; markdown-magic ${machine.markdownMagic}; ${machine.grep}. Load average at the end of the run: ${machine.load.toFixed(1)} (other work on the machine slows every case alike; the ratios hold better than the absolute times).`,
    "",
  ].join("\n");
}
