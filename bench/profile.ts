// Where a run's time goes: one `gen --check` under `node --cpu-prof`, summed per
// function (time with everything it calls) and per source area (own time only).
// Function names come from the bundle (built with its names kept); the source maps
// beside the scripts in dist/ tell which source file each position comes from.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { SourceMap } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, type Command } from "./measure.ts";

interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as source maps count. */
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  label: string;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: ProfileEntry[];
  areas: ProfileEntry[];
}

/** Runs `command` (a Node command) under the CPU profiler and summarizes the profile. */
export function profileRun(command: Command, bundle: string, top = 15): ProfileSummary {
  const dir = mkdtempSync(join(tmpdir(), "bench-profile-"));
  try {
    measure({ ...command, args: ["--cpu-prof", "--cpu-prof-dir", dir, ...command.args] }, false);
    const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
    if (!file) throw new Error("node --cpu-prof wrote no profile");
    return summarizeProfile(JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile, distSources(dirname(bundle)), top);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Finds the source file of a position in a built script (dist/*.cjs), through the script's source map. */
type Sources = (url: string, line: number, column: number) => string | undefined;

/** Source maps of the scripts in `dist` (read when first asked for). */
function distSources(dist: string): Sources {
  const maps = new Map<string, SourceMap | null>();
  return (url, line, column) => {
    const script = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (dirname(script) !== dist || !script.endsWith(".cjs")) return undefined;
    let map = maps.get(script);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${script}.map`, "utf8")));
      } catch {
        map = null;
      }
      maps.set(script, map);
    }
    const entry = map?.findEntry(line, column) as { originalSource?: string } | undefined;
    // Paths are relative to where the build ran, which may be another folder (`../../repo/scripts/…`).
    const match = entry?.originalSource && /(?:^|\/)((?:node_modules|scripts|schema)\/\S+\.[cm]?[jt]s)$/.exec(entry.originalSource);
    return match ? match[1]! : undefined;
  };
}

function sourceOf(frame: CallFrame, sources: Sources): string {
  if (frame.url === "") return "(native)";
  return sources(frame.url, frame.lineNumber, frame.columnNumber) ?? (frame.url.endsWith(".cjs") ? "(bundle)" : frame.url.replace(/^file:\/\/.*\/(scripts\/)/, "$1"));
}

/** `node_modules/.pnpm/micromark@4/node_modules/micromark/lib/x.js` -> `micromark`; project files keep their folder. */
function area(source: string): string {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1]!;
  return source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : source;
}

function summarizeProfile(profile: CpuProfile, sources: Sources, top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const idle = new Set(["(idle)", "(program)", "(root)"]);

  const selfMs = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (idle.has(byId.get(id)!.callFrame.functionName)) return;
    totalMs += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });

  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)!.callFrame;
    const own = frame.functionName.startsWith("(")
      ? frame.functionName
      : frame.functionName.startsWith("RegExp:")
        ? "(regular expressions)"
        : area(sourceOf(frame, sources));
    areas.set(own, (areas.get(own) ?? 0) + ms);
    // Each function on the stack once, however often it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (idle.has(f.functionName) || f.url.startsWith("node:") || f.functionName === "") continue;
      const source = sourceOf(f, sources);
      // esbuild names a module's initializer after its path.
      const label = f.functionName.startsWith("(") || f.functionName === source ? f.functionName : `${f.functionName} (${source})`;
      if (seen.has(label)) continue;
      seen.add(label);
      functions.set(label, (functions.get(label) ?? 0) + ms);
    }
  }
  const largest = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([label, ms]) => ({ label, ms }));
  return { totalMs, functions: largest(functions), areas: largest(areas) };
}
