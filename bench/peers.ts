// The tools ours is compared with, each started as its users start it, on the same
// pages in its own marker syntax, filling every region with the body ours rendered.
import { dirname, join } from "node:path";
import type { Command } from "./measure.ts";
import type { MarkerSyntax } from "./tree/regions.ts";

export const PEERS = ["markdown-magic", "automd", "embedme"] as const;
export type PeerId = (typeof PEERS)[number];

export interface PeerTool {
  id: PeerId;
  syntax: Exclude<MarkerSyntax, "native">;
  /** `content` is the bodies JSON (markdown-magic, automd) or the folder of body files (embedme). */
  command(root: string, node: string, dir: string, content: string, check: boolean): Command;
  checkLabel: string;
  /** Exit code of the check on the drifted tree. */
  driftExit: number;
}

/**
 * A peer run through its runner in bench/peers/ (`--dir`, `--content`, `--check`). Such
 * runners read every page at once: they get as many descriptors as the system allows.
 */
function runnerPeer(id: "markdown-magic" | "automd", checkLabel: string): PeerTool {
  return {
    id,
    syntax: id,
    checkLabel,
    driftExit: 1,
    command: (root, node, dir, content, check) => ({
      file: "/bin/sh",
      args: ["-c", 'ulimit -n "$(ulimit -Hn)"; exec "$@"', "sh", node, join(root, `bench/peers/${id}-run.mjs`), "--dir", dir, "--content", content, ...(check ? ["--check"] : [])],
      cwd: root,
    }),
  };
}

export const PEER_TOOLS: Readonly<Record<PeerId, PeerTool>> = {
  "markdown-magic": runnerPeer("markdown-magic", "dry run"),
  automd: runnerPeer("automd", "transform only"),
  embedme: {
    id: "embedme",
    syntax: "embedme",
    // `--verify` stops at the first changed page; `--dry-run` looks at every page and writes nothing.
    checkLabel: "`--dry-run`",
    driftExit: 0,
    // embedme expands the globs itself; --source-root is where the body files are. It runs
    // beside the trees: in the repository it would skip every page the .gitignore names.
    command: (root, node, dir, content, check) => ({
      file: node,
      args: [
        join(root, "node_modules/embedme/dist/embedme.js"),
        "--silent",
        "--source-root",
        content,
        ...(check ? ["--dry-run"] : []),
        `${dir}/**/*.md`,
        `${dir}/**/*.mdx`,
      ],
      cwd: dirname(content),
    }),
  },
};
