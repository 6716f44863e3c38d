// The benchmark's results as Markdown: the summary per tree (ratios to the floor and
// to the fastest peer), every case, the targets of the benchmark issue checked
// against them, where the time goes, and what machine it ran on.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import { WORK, type BenchCase, type CaseId, type Work } from "./cases.ts";
import type { Summary } from "./measure.ts";
import { PEERS } from "./peers.ts";
import type { PreparedTree } from "./prepare.ts";
import type { ProfileSummary } from "./profile.ts";

export interface TreeResult {
  tree: PreparedTree;
  /** Timed runs per case (fewer than asked when the time budget ran out). */
  runs: number;
  cases: BenchCase[];
  summaries: Map<CaseId, Summary>;
  problems: string[];
  /** Single runs of some cases under the CPU profiler. */
  profiles: Array<{ title: string; summary: ProfileSummary }>;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  peers: string;
  commit: string;
  date: string;
  /** 1-minute load average when the report was written: other work on the machine skews the times. */
  load: number;
}

export function machineInfo(root: string): MachineInfo {
  const firstLine = (file: string, args: string[]) =>
    (spawnSync(file, args, { cwd: root, encoding: "utf8" }).stdout ?? "").split("\n")[0]?.trim() || "unknown";
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    peers: PEERS.map((p) => `${p} ${version(p)}`).join(", "),
    commit: `${firstLine("git", ["rev-parse", "--short", "HEAD"])}${
      spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).stdout?.trim() ? " with uncommitted changes" : ""
    }`,
    date: new Date().toISOString().slice(0, 16).replace("T", " "),
    load: loadavg()[0] ?? 0,
  };
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const mb = (value: number | null | undefined) => (value === null || value === undefined ? "n/a" : `${value.toFixed(0)} MB`);

function median(result: TreeResult | undefined, id: CaseId): number | undefined {
  return result?.summaries.get(id)?.median;
}

/** The fastest peer at a kind of work in this tree. */
function fastestPeer(result: TreeResult, work: Work): { id: string; ms: number } | undefined {
  let best: { id: string; ms: number } | undefined;
  for (const peer of PEERS) {
    const value = median(result, `${peer}-${work}`);
    if (value !== undefined && (best === undefined || value < best.ms)) best = { id: peer, ms: value };
  }
  return best;
}

function summaryRow(result: TreeResult): string {
  const floor = median(result, "floor")!;
  const { manifest } = result.tree;
  const cells = [result.tree.title, `${(manifest.bytes / 1e6).toFixed(0)} MB`, ms(floor)];
  for (const work of WORK) {
    const ours = median(result, `ours-${work}`);
    cells.push(ours === undefined ? "n/a" : `${ratio(ours / floor)} (${ms(ours)})`);
  }
  const writeFloor = median(result, "write-floor");
  const gen = median(result, "ours-write-drift");
  cells.push(writeFloor === undefined || gen === undefined ? "n/a" : `${ratio(gen / writeFloor)} (${ms(writeFloor)})`);
  for (const id of ["ours-check-clean-cold", "ours-check-drift-cold"] as const) {
    const ours = median(result, id);
    cells.push(ours === undefined ? "n/a" : `${ratio(ours / floor)} (${ms(ours)})`);
  }
  cells.push(WORK.map((work) => mb(result.summaries.get(`ours-${work}`)?.rssMb)).join(" / "));
  for (const work of ["check-clean", "check-drift"] as const) {
    const peer = fastestPeer(result, work);
    const ours = median(result, `ours-${work}`);
    cells.push(peer && ours !== undefined ? `${ratio(ours / peer.ms)} (${peer.id})` : "—");
  }
  return `| ${cells.join(" | ")} |`;
}

function caseRow(result: TreeResult, c: BenchCase): string {
  const s = result.summaries.get(c.id)!;
  const floor = median(result, "floor")!;
  const cells = [result.tree.title, c.label, ms(s.median), ms(s.min), ms(s.max), mb(s.rssMb), c.id === "node" ? "" : ratio(s.median / floor)];
  return `| ${cells.join(" | ")} |`;
}

interface Target {
  text: string;
  measured: string;
  met: boolean;
}

function targets(results: readonly TreeResult[]): Target[] {
  const list: Target[] = [];
  const limits: Record<Work, number> = { "check-clean": 1.5, "check-drift": 2, "write-drift": 2 };
  const names: Record<Work, string> = { "check-clean": "clean `gen --check`", "check-drift": "drifted `gen --check`", "write-drift": "`gen` on the drifted tree" };
  for (const result of results) {
    const floor = median(result, "floor")!;
    for (const work of WORK) {
      const ours = median(result, `ours-${work}`);
      if (ours === undefined) continue;
      list.push({ text: `${result.tree.title}: ${names[work]} ≤ ${limits[work]}× floor`, measured: ratio(ours / floor), met: ours / floor <= limits[work] });
      const cold = median(result, `ours-${work}-cold` as CaseId);
      if (cold === undefined) continue;
      list.push({ text: `${result.tree.title}: ${names[work]}, no cache (first run) ≤ ${limits[work]}× floor`, measured: ratio(cold / floor), met: cold / floor <= limits[work] });
    }
    for (const work of ["check-clean", "check-drift"] as const) {
      const peer = fastestPeer(result, work);
      const ours = median(result, `ours-${work}`);
      if (!peer || ours === undefined) continue;
      list.push({
        text: `${result.tree.title}: ${names[work]} ≤ 0.5× the fastest peer`,
        measured: `${ratio(ours / peer.ms)} of ${peer.id}`,
        met: ours / peer.ms <= 0.5,
      });
    }
  }
  const synthetic = results.filter((r) => r.tree.spec.shape === "synthetic");
  const first = results[0];
  const startup = median(first, "ours-startup");
  const smallest = synthetic[0];
  const largest = synthetic.at(-1);
  if (startup !== undefined && smallest && largest && smallest !== largest) {
    for (const work of WORK) {
      const perPage = (r: TreeResult) => ((median(r, `ours-${work}`) ?? Number.NaN) - startup) / r.tree.spec.files;
      const little = perPage(smallest);
      const big = perPage(largest);
      if (!Number.isFinite(little) || !Number.isFinite(big)) continue;
      list.push({
        text: `time per page flat (${names[work]}): beyond start-up, per 1,000 pages, within 25%`,
        measured: `${(little * 1000).toFixed(0)} ms at ${smallest.tree.spec.files.toLocaleString("en-US")}, ${(big * 1000).toFixed(0)} ms at ${largest.tree.spec.files.toLocaleString("en-US")}`,
        met: big <= little * 1.25,
      });
    }
  }
  if (largest && largest.tree.spec.files >= 40000) {
    const rss = WORK.map((work) => largest.summaries.get(`ours-${work}`)?.rssMb ?? Number.NaN);
    if (rss.every(Number.isFinite)) {
      const peak = Math.max(...rss);
      list.push({ text: `${largest.tree.title}: peak RSS ≤ 150 MB (clean / drifted / \`gen\`)`, measured: rss.map(mb).join(" / "), met: peak <= 150 });
    }
  }
  const node = median(first, "node");
  if (startup !== undefined && node !== undefined) {
    list.push({ text: "start-up (empty docs folder) ≤ 1.5× `node -e ''`", measured: `${ratio(startup / node)} (${ms(startup)} vs ${ms(node)})`, met: startup / node <= 1.5 });
  }
  return list;
}

function profileSection(title: string, profile: ProfileSummary): string[] {
  const share = (value: number) => `${((100 * value) / profile.totalMs).toFixed(0)}%`;
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

export function renderResults(results: readonly TreeResult[], machine: MachineInfo, options: { runs: number; seed: number; rss: boolean }): string {
  const trees = results.map((r) => {
    const m = r.tree.manifest;
    return `- ${r.tree.title}: ${m.files.toLocaleString("en-US")} pages, ${(m.bytes / m.files / 1024).toFixed(1)} KB on average, ${m.regionDocs.length} with regions, ${m.staleDocs.length} of them drifted; ${r.runs} timed ${r.runs === 1 ? "run" : "runs"} per case.`;
  });
  const problems = results.flatMap((r) => r.problems.map((p) => `- ${r.tree.title}: ${p}`));
  return [
    "# Benchmark results",
    "",
    `Written by \`pnpm bench\` on ${machine.date} UTC (commit ${machine.commit}): median of ${options.runs} ${options.runs === 1 ? "run" : "runs"} (unless said below) after one warm-up round, cases interleaved, seed ${options.seed}. Ratios are taken within one run, against the floor: a bare Node script that lists the tree, reads every page and looks for the marker bytes. \`gen\` is also set against the write floor (\`bench/write-floor.mjs\`): the same read, then each drifted page replaced by its up-to-date version as an atomic write must (a temporary file renamed over it), which is the file system's share of any safe writer's time.`,
    "",
    "| Tree | Size | Floor | Clean check ÷ floor | Drifted check ÷ floor | `gen` ÷ floor | `gen` ÷ write floor | Clean, no cache | Drifted, no cache | Peak RSS (clean / drifted / `gen`) | Clean ÷ fastest peer | Drifted ÷ fastest peer |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ...results.map(summaryRow),
    "",
    "## Targets",
    "",
    "| Target | Measured | Met |",
    "| --- | --- | --- |",
    ...targets(results).map((t) => `| ${t.text} | ${t.measured} | ${t.met ? "yes" : "**no**"} |`),
    "",
    ...(problems.length > 0 ? ["## Problems seen during the run", "", ...problems, ""] : []),
    "## Every case",
    "",
    "| Tree | Case | Median | Min | Max | Peak RSS | ÷ floor |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...results.flatMap((r) => r.cases.map((c) => caseRow(r, c))),
    "",
    ...results.flatMap((r) => r.profiles.flatMap((p) => profileSection(p.title, p.summary))),
    "## Trees",
    "",
    ...trees,
    "- synthetic: bench/tree/generate.ts, ~4 KB pages in 20 languages; 10% of the pages hold five regions each (ids, refs and a table in Markdown, aliases and models in a JSON5 fence).",
    "- host-like: bench/tree/host-like.ts, the shape of the host's real docs: ~20 KB pages in 21 languages (English at the root), translated hand-made table regions, markers in `<Tabs>`/`<Steps>` and indented fences, other providers' refs, env files, incidental `:start` text in hundreds of pages, some pages over 100 KB. Peers are not run on it, nor on the 40,000-page synthetic tree (a round of theirs takes minutes there).",
    "",
    "## Method",
    "",
    "- Our tool runs as users start it, `node scripts/bin.cjs gen [--check] --no-config --catalog … --docs …` (the bundle is built before timing; no configuration file, so no schema file is generated), from the repository, so its cache (`node_modules/.cache/kimi-config-sync/`) holds what earlier runs on the same pages computed, as it does for a user running the check again: the verdict of every page found up to date (such a page is read and hashed, not planned again), and the MDX and JSON verdicts of the texts it compiled. Drifted pages are planned on every run, as they leave no verdict. The \"no cache\" cases run with `KIMI_CONFIG_SYNC_CACHE=off`: the cost of a first run, as in CI without a kept cache.",
    "- Peers get the same pages in their own marker syntax and fill every region with the body our tool rendered (they load no catalog and validate nothing): markdown-magic through `bench/peers/markdown-magic-run.mjs` (its `dryRun` stands for `--check`); automd through `bench/peers/automd-run.mjs` (it has no check mode: its `transform` on every page, nothing written; its own runner rewrites every page, changed or not); embedme from its CLI (`--dry-run` for the check: `--verify` stops at the first changed page). embedme fills whole code fences, so its Markdown regions are ```md fences and the config example's fence is filled as one.",
    "- markdown-magic and automd read every page at once, so they start from `sh -c 'ulimit -n …; exec node …'` with the most file descriptors the system grants.",
    "- Writing cases restore the drifted pages before each run; that copy is not timed. After the warm-up every writer must have produced its clean tree byte for byte. Before every timed case `sync` flushes what earlier cases wrote, and the tree the case reads is read once, both untimed: every case starts from a tree in the page cache (this machine's kernel gives back pages left unused for a few seconds, so the first case to read a tree after a long one paid the disk for the others).",
    "- Output goes to /dev/null. Wall time is taken around the process; peak RSS " + (options.rss ? "comes from GNU time (`/usr/bin/time -f %M`), which wraps every case alike." : "was not measured (no GNU time on this machine)."),
    "",
    "## Machine",
    "",
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; ${machine.os}; Node ${machine.node}; ${machine.peers}. Load average at the end of the run: ${machine.load.toFixed(1)} (other work on the machine slows every case alike; the ratios hold better than the absolute times).`,
    "",
  ].join("\n");
}
