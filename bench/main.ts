// `pnpm bench`: times gen --check / gen against markdown-magic, grep and bare
// Node start-up on seeded synthetic docs trees, and writes bench/results.md.
// Options: --quick (2,000 files only; prints, does not write results.md unless --write),
// --runs N (timed runs per case, default 5), --seed N, --keep (leave the trees in bench/.trees),
// --minutes M (time budget of the timed rounds, default 10: fewer runs, flagged, when one round is too slow).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { casesFor, type BenchCase, type CaseId } from "./cases.ts";
import { hasGnuTime, measure, summarize, type Sample, type Summary } from "./measure.ts";
import { differingDocs, errorLine, prepareSize, type PreparedSize, type Tools } from "./prepare.ts";
import { profileRun } from "./profile.ts";
import { machineInfo, renderResults, type SizeResult } from "./report.ts";

export async function main(root: string, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      runs: { type: "string", default: "5" },
      seed: { type: "string", default: "20260716" },
      minutes: { type: "string", default: "10" },
    },
  });
  const runs = Number.parseInt(values.runs, 10);
  const seed = Number.parseInt(values.seed, 10);
  const minutes = Number.parseFloat(values.minutes);
  if (!(runs >= 1) || !Number.isInteger(seed) || !(minutes > 0)) throw new Error("--runs, --seed and --minutes take numbers");
  const deadline = Date.now() + minutes * 60_000;
  const sizes = values.quick ? [2000] : [2000, 20000];
  const withRss = hasGnuTime();
  if (!withRss) console.warn("/usr/bin/time (GNU time) not found: peak RSS is not measured");

  const tools: Tools = {
    root,
    node: process.execPath,
    ours: (args) => ({ file: process.execPath, args: [join(root, "scripts/bin.mjs"), ...args], cwd: root }),
    // markdown-magic opens every file at once: give it as many descriptors as the system allows.
    markdownMagic: (args) => ({
      file: "/bin/sh",
      args: ["-c", 'ulimit -n "$(ulimit -Hn)"; exec "$@"', "sh", process.execPath, join(root, "bench/markdown-magic-run.mjs"), ...args],
      cwd: root,
    }),
  };
  const treesDir = join(root, "bench/.trees");
  mkdirSync(treesDir, { recursive: true });

  const results: SizeResult[] = [];
  for (const [i, files] of sizes.entries()) {
    ensureBuilt(tools);
    let started = Date.now();
    const size = prepareSize(tools, treesDir, files, seed, join(root, "schema/catalog.jsonc"));
    console.log(
      `${files} files (${(size.manifest.bytes / files / 1024).toFixed(1)} KB on average, ${size.manifest.regionDocs.length} with regions, ${size.manifest.staleDocs.length} drifted): prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    started = Date.now();
    // The time left is shared by the sizes still to run, in proportion to their files.
    const share = files / sizes.slice(i).reduce((a, b) => a + b, 0);
    const result = timeSize(tools, size, runs, withRss, (deadline - started) * share);
    if (i === 0) {
      for (const c of result.cases.filter((c) => PROFILED.includes(c.id))) {
        const title = c.id === "ours-startup" ? c.label : `${c.label} of ${files.toLocaleString("en-US")} files`;
        result.profiles.push({ title, summary: profileRun(c.command, join(root, "dist/cli.cjs")) });
      }
    }
    results.push(result);
    console.log(`  timed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!values.keep) rmSync(size.dir, { recursive: true, force: true });
  }

  const markdown = renderResults(results, machineInfo(root), { runs, seed, rss: withRss });
  console.log(`\n${markdown}`);
  if (!values.quick || values.write) {
    writeFileSync(join(root, "bench/results.md"), markdown);
    console.log("written to bench/results.md");
  }
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
}

/**
 * Builds the CLI bundle if a source changed (as bin.mjs would), so no timed run pays
 * for a build. True when it had to build.
 */
function ensureBuilt(tools: Tools): boolean {
  const stamp = join(tools.root, "dist/.built");
  const before = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  const script = 'const m = await import("./scripts/build.mjs"); if (m.isStale()) await m.buildCli();';
  const build = spawnSync(tools.node, ["--input-type=module", "-e", script], { cwd: tools.root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the CLI bundle does not build");
  return statSync(stamp, { throwIfNoEntry: false })?.mtimeMs !== before;
}

/** Profiled once on the smaller tree, for the report's "where the time goes". */
const PROFILED: readonly CaseId[] = ["ours-check-clean", "ours-check-drift", "ours-startup"];

function timeSize(tools: Tools, size: PreparedSize, runs: number, withRss: boolean, budgetMs: number): SizeResult {
  const cases = casesFor(tools, size);
  const samples = new Map<CaseId, Sample[]>(cases.map((c) => [c.id, []]));
  const problems = new Set<string>();
  // Round 0 warms the page cache and checks the results; the rounds after it are timed.
  // Within a round the starting case rotates, so drift of the machine hits every case alike.
  const round = (index: number) => {
    if (ensureBuilt(tools)) problems.add("a source changed during the run, so the CLI was rebuilt: the trees were prepared with another build");
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + index) % cases.length]!;
      const sample = run(c, withRss);
      if (sample.status !== c.expect) {
        problems.add(`${c.label}: exit ${sample.status}, expected ${c.expect}${firstLine(sample.stderr)}`);
      }
      if (index > 0) samples.get(c.id)!.push(sample);
    }
  };
  const warmUp = Date.now();
  round(0);
  verifyWrites(size, problems);
  const roundMs = Date.now() - warmUp;
  const timedRuns = Math.min(runs, Math.max(1, Math.floor((budgetMs - roundMs) / roundMs)));
  if (timedRuns < runs) {
    problems.add(`only ${timedRuns} timed ${timedRuns === 1 ? "run" : "runs"} instead of ${runs}: one round takes ${(roundMs / 1000).toFixed(0)} s, more than --minutes allows`);
  }
  for (let index = 1; index <= timedRuns; index++) round(index);
  const summaries = new Map<CaseId, Summary>(cases.map((c) => [c.id, summarize(samples.get(c.id)!)]));
  return {
    files: size.files,
    runs: timedRuns,
    manifest: size.manifest,
    cases,
    summaries,
    problems: [...problems],
    profiles: [],
    ...(size.mmFailure ? { mmFailure: size.mmFailure } : {}),
  };
}

function run(c: BenchCase, withRss: boolean): Sample {
  c.before?.();
  return measure(c.command, withRss);
}

/** After the warm-up, both writers must have produced exactly their clean tree. */
function verifyWrites(size: PreparedSize, problems: Set<string>): void {
  const ours = differingDocs(size.dirs.oursWork, size.dirs.oursClean, size.manifest);
  if (ours.length > 0) problems.add(`\`gen\` left ${ours.length} pages different from the clean tree, e.g. ${ours[0]}`);
  if (size.mmFailure) return;
  const mm = differingDocs(size.dirs.mmWork, size.dirs.mmClean, size.manifest);
  if (mm.length > 0) problems.add(`markdown-magic left ${mm.length} pages different from its clean tree, e.g. ${mm[0]}`);
}

function firstLine(text: string): string {
  return text.trim() === "" ? "" : ` (${errorLine(text).slice(0, 200)})`;
}
