// `pnpm bench`: times `gen --check` / `gen` against the floor (reading every page),
// markdown-magic, automd and embedme on seeded docs trees, synthetic and host-like,
// and writes bench/results.md.
// Options: --quick (2,000 synthetic and 2,100 host-like pages; prints, does not write results.md unless --write),
// --runs N (timed runs per case, default 5), --seed N, --keep (leave the trees in bench/.trees),
// --minutes M (time budget of the timed rounds, default 30: fewer runs, flagged, when a round is too slow),
// --only NAME (one tree of the full set, e.g. synthetic-40000 or host-like-16000; prints, writes nothing unless --write).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { casesFor, type BenchCase, type CaseId } from "./cases.ts";
import { hasGnuTime, measure, summarize, type Sample, type Summary } from "./measure.ts";
import { PEERS } from "./peers.ts";
import { differingDocs, errorLine, prepareTree, type PreparedTree, type TreeSpec, type Tools } from "./prepare.ts";
import { profileRun } from "./profile.ts";
import { machineInfo, renderResults, type TreeResult } from "./report.ts";

const FULL: readonly TreeSpec[] = [
  { shape: "synthetic", files: 2000 },
  { shape: "synthetic", files: 20000 },
  { shape: "synthetic", files: 40000 },
  { shape: "host-like", files: 16000 },
];
const QUICK: readonly TreeSpec[] = [
  { shape: "synthetic", files: 2000 },
  { shape: "host-like", files: 2100 },
];
/**
 * Peers run on synthetic trees up to this size: beyond it a round takes minutes
 * (markdown-magic and automd hold every page at once), and ours is compared with
 * the floor alone.
 */
const PEER_LIMIT = 20000;
/** Host-like pages are about five times the size of synthetic ones. */
const weight = (spec: TreeSpec) => spec.files * (spec.shape === "host-like" ? 5 : 1);

export async function main(root: string, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      runs: { type: "string", default: "5" },
      seed: { type: "string", default: "20260716" },
      minutes: { type: "string", default: "30" },
      only: { type: "string" },
    },
  });
  const runs = Number.parseInt(values.runs, 10);
  const seed = Number.parseInt(values.seed, 10);
  const minutes = Number.parseFloat(values.minutes);
  if (!(runs >= 1) || !Number.isInteger(seed) || !(minutes > 0)) throw new Error("--runs, --seed and --minutes take numbers");
  const deadline = Date.now() + minutes * 60_000;
  const specs = values.only ? FULL.filter((s) => `${s.shape}-${s.files}` === values.only) : values.quick ? QUICK : FULL;
  if (specs.length === 0) throw new Error(`--only takes one of ${FULL.map((s) => `${s.shape}-${s.files}`).join(", ")}`);
  const withRss = hasGnuTime();
  if (!withRss) console.warn("/usr/bin/time (GNU time) not found: peak RSS is not measured");

  const tools: Tools = {
    root,
    node: process.execPath,
    // As a user without a configuration file: this repository's own would add its schema files.
    ours: ([command, ...rest]) => ({ file: process.execPath, args: [join(root, "scripts/bin.cjs"), command!, "--no-config", ...rest], cwd: root }),
  };
  const treesDir = join(root, "bench/.trees");
  mkdirSync(treesDir, { recursive: true });

  const results: TreeResult[] = [];
  for (const [i, spec] of specs.entries()) {
    ensureBuilt(tools);
    let started = Date.now();
    const peers = spec.shape === "synthetic" && spec.files <= PEER_LIMIT ? PEERS : [];
    const tree = prepareTree(tools, treesDir, spec, seed, join(root, "schema/catalog.jsonc"), peers);
    const { manifest } = tree;
    console.log(
      `${tree.title} (${(manifest.bytes / manifest.files / 1024).toFixed(1)} KB on average, ${manifest.regionDocs.length} with regions, ${manifest.staleDocs.length} drifted): prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    started = Date.now();
    // The time left is shared by the trees still to run, in proportion to their size.
    const share = weight(spec) / specs.slice(i).reduce((a, s) => a + weight(s), 0);
    const result = timeTree(tools, tree, runs, withRss, (deadline - started) * share, i === 0);
    const profiled: CaseId[] = i === 0 ? ["ours-check-clean", "ours-check-drift", "ours-startup"] : spec.shape === "host-like" ? ["ours-check-clean", "ours-check-drift"] : [];
    if (!tree.oursFailure) {
      for (const c of result.cases.filter((c) => profiled.includes(c.id))) {
        const title = c.id === "ours-startup" ? c.label : `${c.label}, ${tree.title}`;
        result.profiles.push({ title, summary: profileRun(c.command, join(root, "dist/cli.cjs")) });
      }
    }
    results.push(result);
    console.log(`  timed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!values.keep) rmSync(tree.dir, { recursive: true, force: true });
  }

  const markdown = renderResults(results, machineInfo(root), { runs, seed, rss: withRss });
  console.log(`\n${markdown}`);
  if (!(values.quick || values.only) || values.write) {
    writeFileSync(join(root, "bench/results.md"), markdown);
    console.log("written to bench/results.md");
  }
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
}

/**
 * Builds the CLI bundle if a source changed (as bin.cjs would), so no timed run pays
 * for a build. True when it had to build.
 */
function ensureBuilt(tools: Tools): boolean {
  const stamp = join(tools.root, "dist/.built");
  const before = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  const script = 'await (await import("./scripts/build.mjs")).buildWhenStale();';
  const build = spawnSync(tools.node, ["--input-type=module", "-e", script], { cwd: tools.root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the CLI bundle does not build");
  return statSync(stamp, { throwIfNoEntry: false })?.mtimeMs !== before;
}

function timeTree(tools: Tools, tree: PreparedTree, runs: number, withRss: boolean, budgetMs: number, withStartup: boolean): TreeResult {
  const cases = casesFor(tools, tree, withStartup);
  const samples = new Map<CaseId, Sample[]>(cases.map((c) => [c.id, []]));
  const problems = new Set<string>();
  if (tree.oursFailure) problems.add(tree.oursFailure);
  for (const [id, peer] of Object.entries(tree.peers)) {
    if (peer.failure) problems.add(`${id} could not bring its tree up to date (${peer.failure}); its cases are left out`);
  }
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
  verifyWrites(tree, problems);
  const roundMs = Date.now() - warmUp;
  // A small tree's share of the budget is small, but a minute is always allowed for its rounds.
  const timedRuns = Math.min(runs, Math.max(1, Math.floor(Math.max(budgetMs - roundMs, 60_000) / roundMs)));
  if (timedRuns < runs) {
    problems.add(`only ${timedRuns} timed ${timedRuns === 1 ? "run" : "runs"} instead of ${runs}: one round takes ${(roundMs / 1000).toFixed(0)} s, more than --minutes allows`);
  }
  for (let index = 1; index <= timedRuns; index++) round(index);
  const summaries = new Map<CaseId, Summary>(cases.map((c) => [c.id, summarize(samples.get(c.id)!)]));
  return { tree, runs: timedRuns, cases, summaries, problems: [...problems], profiles: [] };
}

function run(c: BenchCase, withRss: boolean): Sample {
  c.before?.();
  // What a writing case or a restore left in the page cache is flushed first, untimed: its
  // write-back would otherwise land in whichever case runs next (the floor, say).
  spawnSync("sync");
  // Every case starts from a tree in the page cache: this machine's kernel gives back pages
  // unused for a few seconds (after a 30-second first run, say), and the case that happened to
  // read the tree first paid the disk for the others (the floor was 1.6x slower than our check).
  if (c.reads) readTree(c.reads);
  return measure(c.command, withRss);
}

function readTree(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) readFileSync(join(entry.parentPath, entry.name));
  }
}

/** After the warm-up, every writer must have produced exactly its clean tree. */
function verifyWrites(tree: PreparedTree, problems: Set<string>): void {
  if (!tree.oursFailure) {
    const ours = differingDocs(tree.ours.work, tree.ours.clean, tree.manifest);
    if (ours.length > 0) problems.add(`\`gen\` left ${ours.length} pages different from the clean tree, e.g. ${ours[0]}`);
  }
  for (const [id, peer] of Object.entries(tree.peers)) {
    if (peer.failure) continue;
    const differing = differingDocs(peer.work, peer.clean, tree.manifest);
    if (differing.length > 0) problems.add(`${id} left ${differing.length} pages different from its clean tree, e.g. ${differing[0]}`);
  }
}

function firstLine(text: string): string {
  return text.trim() === "" ? "" : ` (${errorLine(text).slice(0, 200)})`;
}
