// Builds the trees one benchmark size needs, outside any timing:
//   native-stale / mm-stale  the generator's output (every region outdated), in each tool's marker syntax
//   ours-clean / mm-clean    brought up to date by the tool itself
//   ours-drift / mm-drift    the clean tree with the `stale` pages put back
//   ours-work / mm-work      drifted copies that `gen` / markdown-magic rewrite, restored between runs
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { defaultEndpoint, isActive, modelRef } from "../scripts/catalog/model.ts";
import { measure, type Command } from "./measure.ts";
import { REGION_KINDS, regionName, type DocGroupInfo } from "./tree/regions.ts";
import { writeTree, type TreeManifest } from "./tree/write.ts";

export interface Tools {
  root: string;
  node: string;
  ours(args: string[]): Command;
  markdownMagic(args: string[]): Command;
}

export interface PreparedSize {
  files: number;
  dir: string;
  catalog: string;
  manifest: TreeManifest;
  dirs: Record<"nativeStale" | "mmStale" | "oursClean" | "mmClean" | "oursDrift" | "mmDrift" | "oursWork" | "mmWork", string>;
  mmContent: string;
  /** Why markdown-magic could not bring its tree up to date (its cases are then left out). */
  mmFailure?: string;
}

export function docGroups(catalogFile: string): DocGroupInfo[] {
  return loadCatalog(catalogFile).groups.map((group) => {
    const current = group.provider.models.find(isActive) ?? group.provider.models[0]!;
    return {
      id: group.id,
      provider: group.provider.id,
      apiKeyEnv: group.provider.apiKey.env,
      baseUrl: defaultEndpoint(group.provider).baseUrl,
      primary: modelRef(group.provider, current),
    };
  });
}

export function prepareSize(tools: Tools, treesDir: string, files: number, seed: number, catalogSource: string): PreparedSize {
  const dir = join(treesDir, `${files}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const catalog = join(dir, "catalog", "catalog.jsonc");
  mkdirSync(join(dir, "catalog"));
  copyFileSync(catalogSource, catalog);
  const groups = docGroups(catalog);
  const d = (name: string) => join(dir, name);
  const dirs: PreparedSize["dirs"] = {
    nativeStale: d("native-stale"),
    mmStale: d("mm-stale"),
    oursClean: d("ours-clean"),
    mmClean: d("mm-clean"),
    oursDrift: d("ours-drift"),
    mmDrift: d("mm-drift"),
    oursWork: d("ours-work"),
    mmWork: d("mm-work"),
  };

  const manifest = writeTree(dirs.nativeStale, { seed, files, groups, markers: "native" });
  writeTree(dirs.mmStale, { seed, files, groups, markers: "markdown-magic" });

  cpSync(dirs.nativeStale, dirs.oursClean, { recursive: true });
  expectStatus(measure(tools.ours(["gen", "--catalog", catalog, "--docs", dirs.oursClean]), false), 0, "gen on the outdated tree");

  // markdown-magic renders what our tool rendered, so both trees end up with the same region bodies.
  const mmContent = join(dir, "mm-content.json");
  writeFileSync(mmContent, JSON.stringify(renderedBodies(dirs.oursClean, manifest, groups), null, 2));
  cpSync(dirs.mmStale, dirs.mmClean, { recursive: true });
  const mm = measure(tools.markdownMagic(["--dir", dirs.mmClean, "--content", mmContent]), false);
  const mmFailure = mm.status === 0 ? undefined : `exit ${mm.status}: ${errorLine(mm.stderr)}`;

  cpSync(dirs.oursClean, dirs.oursDrift, { recursive: true });
  cpSync(dirs.mmClean, dirs.mmDrift, { recursive: true });
  restoreStale(dirs.nativeStale, dirs.oursDrift, manifest);
  restoreStale(dirs.mmStale, dirs.mmDrift, manifest);
  cpSync(dirs.oursDrift, dirs.oursWork, { recursive: true });
  cpSync(dirs.mmDrift, dirs.mmWork, { recursive: true });
  return { files, dir, catalog, manifest, dirs, mmContent, ...(mmFailure ? { mmFailure } : {}) };
}

/** Puts the outdated version of every `stale` page from `from` into `to`. */
export function restoreStale(from: string, to: string, manifest: TreeManifest): void {
  for (const path of manifest.staleDocs) copyFileSync(join(from, path), join(to, path));
}

/** Pages of `dir` whose bytes differ from those in `expected` (among the region pages). */
export function differingDocs(dir: string, expected: string, manifest: TreeManifest): string[] {
  return manifest.regionDocs.filter((path) => !readFileSync(join(dir, path)).equals(readFileSync(join(expected, path))));
}

/**
 * Each region's body as our tool wrote it, taken from the first page holding the group:
 * the lines between the markers, less the start marker's indentation.
 */
function renderedBodies(cleanDir: string, manifest: TreeManifest, groups: readonly DocGroupInfo[]): Record<string, string> {
  const bodies: Record<string, string> = {};
  for (const group of groups) {
    const names = REGION_KINDS.map((kind) => regionName(group, kind));
    const page = manifest.regionDocs.find((path) => readFileSync(join(cleanDir, path), "utf8").includes(`${names[0]}:start`));
    if (!page) continue;
    const lines = readFileSync(join(cleanDir, page), "utf8").split("\n");
    for (const name of names) {
      const start = lines.findIndex((line) => line.includes(`${name}:start`));
      const end = lines.findIndex((line, i) => i > start && line.includes(`${name}:end`));
      if (start < 0 || end < 0) throw new Error(`${page}: region ${name} not found after gen`);
      const indent = /^\s*/.exec(lines[start]!)![0].length;
      bodies[name] = lines.slice(start + 1, end).map((line) => line.slice(Math.min(indent, /^\s*/.exec(line)![0].length))).join("\n");
    }
  }
  return bodies;
}

/** The line of a Node error output that says what went wrong. */
export function errorLine(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim());
  return lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines.find((l) => l !== "") ?? "no output";
}

function expectStatus(sample: { status: number | null; stderr: string }, status: number, what: string): void {
  if (sample.status !== status) {
    throw new Error(`${what}: exit ${sample.status}, expected ${status}\n${sample.stderr.slice(0, 4000)}`);
  }
}
