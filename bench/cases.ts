// What is timed for one tree size. Each case is one process, started the way a
// user starts it; `before` restores what the previous run of a writing case changed.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "./measure.ts";
import { restoreStale, type PreparedSize, type Tools } from "./prepare.ts";

export type CaseId =
  | "ours-check-clean"
  | "ours-check-drift"
  | "ours-gen-drift"
  | "mm-check-clean"
  | "mm-check-drift"
  | "mm-write-drift"
  | "grep"
  | "node"
  | "ours-startup";

export interface BenchCase {
  id: CaseId;
  label: string;
  command: Command;
  /** Exit code a correct run gives. */
  expect: number;
  before?: () => void;
}

export function casesFor(tools: Tools, size: PreparedSize): BenchCase[] {
  const { dirs, catalog, manifest } = size;
  const empty = join(size.dir, "empty-docs");
  mkdirSync(empty, { recursive: true });
  const ours = (docs: string, check: boolean) =>
    tools.ours(["gen", ...(check ? ["--check"] : []), "--catalog", catalog, "--docs", docs]);
  const mm = (dir: string, check: boolean) =>
    tools.markdownMagic(["--dir", dir, "--content", size.mmContent, ...(check ? ["--check"] : [])]);
  const all: BenchCase[] = [
    { id: "ours-check-clean", label: "`gen --check`, clean tree", command: ours(dirs.oursClean, true), expect: 0 },
    { id: "ours-check-drift", label: "`gen --check`, drifted tree", command: ours(dirs.oursDrift, true), expect: 1 },
    {
      id: "ours-gen-drift",
      label: "`gen`, drifted tree",
      command: ours(dirs.oursWork, false),
      expect: 0,
      before: () => restoreStale(dirs.nativeStale, dirs.oursWork, manifest),
    },
    { id: "mm-check-clean", label: "markdown-magic dry run, clean tree", command: mm(dirs.mmClean, true), expect: 0 },
    { id: "mm-check-drift", label: "markdown-magic dry run, drifted tree", command: mm(dirs.mmDrift, true), expect: 1 },
    {
      id: "mm-write-drift",
      label: "markdown-magic, drifted tree",
      command: mm(dirs.mmWork, false),
      expect: 0,
      before: () => restoreStale(dirs.mmStale, dirs.mmWork, manifest),
    },
    {
      id: "grep",
      label: "`grep -rlF ':start'`, clean tree",
      command: { file: "grep", args: ["-rlF", ":start", dirs.oursClean], cwd: tools.root },
      expect: 0,
    },
    { id: "node", label: "`node -e ''`", command: { file: tools.node, args: ["-e", ""], cwd: tools.root }, expect: 0 },
    { id: "ours-startup", label: "`gen --check`, empty docs folder", command: ours(empty, true), expect: 0 },
  ];
  return size.mmFailure ? all.filter((c) => !c.id.startsWith("mm-")) : all;
}

/** Which markdown-magic case each of ours is compared with. */
export const MARKDOWN_MAGIC_PEER: Partial<Record<CaseId, CaseId>> = {
  "ours-check-clean": "mm-check-clean",
  "ours-check-drift": "mm-check-drift",
  "ours-gen-drift": "mm-write-drift",
};
