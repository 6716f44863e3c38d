// What is timed for one tree. Each case is one process, started the way a user
// starts it; `before` restores what the previous run of a writing case changed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "./measure.ts";
import { PEER_TOOLS, type PeerId } from "./peers.ts";
import { restoreStale, type PreparedTree, type Tools } from "./prepare.ts";

/** The three kinds of work every tool is timed on. */
export const WORK = ["check-clean", "check-drift", "write-drift"] as const;
export type Work = (typeof WORK)[number];

export type CaseId = `ours-${Work}` | `ours-${Work}-cold` | `${PeerId}-${Work}` | "floor" | "write-floor" | "node" | "ours-startup";

export interface BenchCase {
  id: CaseId;
  label: string;
  command: Command;
  /** Exit code a correct run gives. */
  expect: number;
  before?: () => void;
  /** The tree the case reads, read once untimed before it runs (see main.ts). */
  reads?: string;
}

const WORK_LABEL: Record<Work, string> = {
  "check-clean": "check, clean tree",
  "check-drift": "check, drifted tree",
  "write-drift": "write, drifted tree",
};

export function casesFor(tools: Tools, tree: PreparedTree, withStartup: boolean): BenchCase[] {
  const { ours, catalog, manifest } = tree;
  const gen = (docs: string, check: boolean) =>
    tools.ours(["gen", ...(check ? ["--check"] : []), "--catalog", catalog, "--docs", docs]);
  // Without the content cache: what a first run on a tree costs.
  const cold = (command: Command): Command => ({ ...command, env: { KIMI_CONFIG_SYNC_CACHE: "off" } });
  const staleList = join(tree.dir, "stale-pages.txt");
  writeFileSync(staleList, manifest.staleDocs.join("\n"));
  const cases: BenchCase[] = [
    {
      id: "floor",
      label: "floor: read every page, look for the marker bytes",
      command: { file: tools.node, args: [join(tools.root, "bench/floor.mjs"), ours.clean], cwd: tools.root },
      expect: 0,
      reads: ours.clean,
    },
    {
      id: "write-floor",
      label: "write floor: read every page, replace the drifted ones atomically (temporary file, rename)",
      command: { file: tools.node, args: [join(tools.root, "bench/write-floor.mjs"), ours.work, staleList, ours.clean], cwd: tools.root },
      expect: 0,
      before: () => restoreStale(ours.stale, ours.work, manifest),
      reads: ours.work,
    },
    { id: "ours-check-clean", label: "`gen --check`, clean tree", command: gen(ours.clean, true), expect: 0, reads: ours.clean },
    { id: "ours-check-drift", label: "`gen --check`, drifted tree", command: gen(ours.drift, true), expect: 1, reads: ours.drift },
    {
      id: "ours-write-drift",
      label: "`gen`, drifted tree",
      command: gen(ours.work, false),
      expect: 0,
      before: () => restoreStale(ours.stale, ours.work, manifest),
      reads: ours.work,
    },
    { id: "ours-check-clean-cold", label: "`gen --check`, clean tree, no cache", command: cold(gen(ours.clean, true)), expect: 0, reads: ours.clean },
    { id: "ours-check-drift-cold", label: "`gen --check`, drifted tree, no cache", command: cold(gen(ours.drift, true)), expect: 1, reads: ours.drift },
  ];
  for (const [id, peer] of Object.entries(tree.peers) as Array<[PeerId, NonNullable<PreparedTree["peers"][PeerId]>]>) {
    if (peer.failure) continue;
    const tool = PEER_TOOLS[id];
    const run = (dir: string, check: boolean) => tool.command(tools.root, tools.node, dir, peer.content, check);
    cases.push(
      { id: `${id}-check-clean`, label: `${id} ${tool.checkLabel}, clean tree`, command: run(peer.clean, true), expect: 0, reads: peer.clean },
      { id: `${id}-check-drift`, label: `${id} ${tool.checkLabel}, drifted tree`, command: run(peer.drift, true), expect: tool.driftExit, reads: peer.drift },
      {
        id: `${id}-write-drift`,
        label: `${id}, drifted tree`,
        command: run(peer.work, false),
        expect: 0,
        before: () => restoreStale(peer.stale, peer.work, manifest),
        reads: peer.work,
      },
    );
  }
  if (withStartup) {
    const empty = join(tree.dir, "empty-docs");
    mkdirSync(empty, { recursive: true });
    cases.push(
      { id: "node", label: "`node -e ''`", command: { file: tools.node, args: ["-e", ""], cwd: tools.root }, expect: 0 },
      { id: "ours-startup", label: "`gen --check`, empty docs folder", command: gen(empty, true), expect: 0 },
    );
  }
  return cases;
}

export function workLabel(work: Work): string {
  return WORK_LABEL[work];
}
