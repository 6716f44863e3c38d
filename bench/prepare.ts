// Builds the trees one benchmark tree needs, outside any timing:
//   <tool>/stale   the generator's output (every region outdated), in the tool's marker syntax
//   <tool>/clean   brought up to date by the tool itself
//   <tool>/drift   the clean tree with the `stale` pages put back
//   <tool>/work    a drifted copy the writing case rewrites, restored before each run
// Peers fill each region with the body ours rendered, so every tool does the same work.
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { defaultEndpoint, isActive, modelRef } from "../scripts/catalog/model.ts";
import { measure, type Command } from "./measure.ts";
import { PEER_TOOLS, type PeerId } from "./peers.ts";
import { writeHostLikeTree } from "./tree/host-like.ts";
import { embedmeConfigFile, REGION_KINDS, regionName, type DocGroupInfo, type MarkerSyntax } from "./tree/regions.ts";
import { writeTree, type TreeManifest } from "./tree/write.ts";

export interface Tools {
  root: string;
  node: string;
  ours(args: string[]): Command;
}

export interface TreeSpec {
  /** `synthetic` (the small-page generator, with peers) or `host-like` (the real tree's shape, ours only). */
  shape: "synthetic" | "host-like";
  files: number;
}

export interface ToolTrees {
  stale: string;
  clean: string;
  drift: string;
  work: string;
}

export interface PreparedPeer extends ToolTrees {
  content: string;
  /** Why the peer could not bring its tree up to date (its cases are then left out). */
  failure?: string;
}

export interface PreparedTree {
  spec: TreeSpec;
  title: string;
  dir: string;
  catalog: string;
  manifest: TreeManifest;
  ours: ToolTrees;
  /** Why our own `gen` could not bring the tree up to date (our cases then show the failure). */
  oursFailure?: string;
  peers: Partial<Record<PeerId, PreparedPeer>>;
}

export function treeTitle(spec: TreeSpec): string {
  return `${spec.shape} ${spec.files.toLocaleString("en-US")}`;
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

function toolTrees(dir: string): ToolTrees {
  return { stale: join(dir, "stale"), clean: join(dir, "clean"), drift: join(dir, "drift"), work: join(dir, "work") };
}

export function prepareTree(
  tools: Tools,
  treesDir: string,
  spec: TreeSpec,
  seed: number,
  catalogSource: string,
  peers: readonly PeerId[],
): PreparedTree {
  const dir = join(treesDir, `${spec.shape}-${spec.files}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "catalog"), { recursive: true });
  const catalog = join(dir, "catalog", "catalog.jsonc");
  copyFileSync(catalogSource, catalog);
  cpSync(join(catalogSource, "..", "locales"), join(dir, "catalog", "locales"), { recursive: true });
  const groups = docGroups(catalog);
  const write = (to: string, syntax: MarkerSyntax): TreeManifest =>
    spec.shape === "host-like"
      ? writeHostLikeTree(to, { seed, pages: spec.files })
      : writeTree(to, { seed, files: spec.files, groups, markers: syntax });

  const ours = toolTrees(join(dir, "ours"));
  const manifest = write(ours.stale, "native");
  cpSync(ours.stale, ours.clean, { recursive: true });
  const gen = measure(tools.ours(["gen", "--catalog", catalog, "--docs", ours.clean]), false);
  const prepared: PreparedTree = { spec, title: treeTitle(spec), dir, catalog, manifest, ours, peers: {} };
  if (gen.status !== 0) prepared.oursFailure = `\`gen\` on the outdated tree: exit ${gen.status}: ${errorLine(gen.stderr)}`;
  drifted(ours, manifest);
  if (prepared.oursFailure || spec.shape === "host-like") return prepared;

  // The peers render what our tool rendered, so every tree ends up with the same region bodies.
  const bodies = renderedBodies(ours.clean, manifest, groups);
  const bodiesJson = join(dir, "bodies.json");
  writeFileSync(bodiesJson, JSON.stringify(bodies, null, 2));
  const bodyFiles = join(dir, "bodies");
  mkdirSync(bodyFiles);
  for (const [name, body] of Object.entries(bodies)) writeFileSync(join(bodyFiles, `${name}.md`), body);
  for (const group of groups) {
    const config = configFenceBody(ours.clean, manifest, group);
    if (config !== undefined) writeFileSync(join(bodyFiles, embedmeConfigFile(group)), config);
  }

  for (const id of peers) {
    const tool = PEER_TOOLS[id];
    const trees: PreparedPeer = { ...toolTrees(join(dir, id)), content: id === "embedme" ? bodyFiles : bodiesJson };
    write(trees.stale, tool.syntax);
    cpSync(trees.stale, trees.clean, { recursive: true });
    const run = measure(tool.command(tools.root, tools.node, trees.clean, trees.content, false), false);
    if (run.status !== 0) trees.failure = `exit ${run.status}: ${errorLine(run.stderr)}`;
    drifted(trees, manifest);
    prepared.peers[id] = trees;
  }
  return prepared;
}

/** The drifted tree and the working copy, from the clean one and the outdated pages. */
function drifted(trees: ToolTrees, manifest: TreeManifest): void {
  cpSync(trees.clean, trees.drift, { recursive: true });
  restoreStale(trees.stale, trees.drift, manifest);
  cpSync(trees.drift, trees.work, { recursive: true });
}

/** Puts the outdated version of every `stale` page from `from` into `to`. */
export function restoreStale(from: string, to: string, manifest: TreeManifest): void {
  for (const path of manifest.staleDocs) copyFileSync(join(from, path), join(to, path));
}

/** Pages of `dir` whose bytes differ from those in `expected` (among the region pages). */
export function differingDocs(dir: string, expected: string, manifest: TreeManifest): string[] {
  return manifest.regionDocs.filter((path) => !readFileSync(join(dir, path)).equals(readFileSync(join(expected, path))));
}

function firstPageOf(cleanDir: string, manifest: TreeManifest, group: DocGroupInfo): string | undefined {
  const token = `${regionName(group, REGION_KINDS[0])}:start`;
  return manifest.regionDocs.find((path) => readFileSync(join(cleanDir, path), "utf8").includes(token));
}

/**
 * Each region's body as our tool wrote it, taken from the first page holding the group:
 * the lines between the markers, less the start marker's indentation.
 */
function renderedBodies(cleanDir: string, manifest: TreeManifest, groups: readonly DocGroupInfo[]): Record<string, string> {
  const bodies: Record<string, string> = {};
  for (const group of groups) {
    const page = firstPageOf(cleanDir, manifest, group);
    if (!page) continue;
    const lines = readFileSync(join(cleanDir, page), "utf8").split("\n");
    for (const name of REGION_KINDS.map((kind) => regionName(group, kind))) {
      const start = lines.findIndex((line) => line.includes(`${name}:start`));
      const end = lines.findIndex((line, i) => i > start && line.includes(`${name}:end`));
      if (start < 0 || end < 0) throw new Error(`${page}: region ${name} not found after gen`);
      const indent = /^\s*/.exec(lines[start]!)![0].length;
      bodies[name] = lines.slice(start + 1, end).map((line) => line.slice(Math.min(indent, /^\s*/.exec(line)![0].length))).join("\n");
    }
  }
  return bodies;
}

/** The inside of the config example's json5 fence as our tool left it, markers removed (embedme fills whole fences). */
function configFenceBody(cleanDir: string, manifest: TreeManifest, group: DocGroupInfo): string | undefined {
  const page = firstPageOf(cleanDir, manifest, group);
  if (!page) return undefined;
  const lines = readFileSync(join(cleanDir, page), "utf8").split("\n");
  const open = lines.indexOf("```json5");
  const close = lines.indexOf("```", open + 1);
  return lines
    .slice(open + 1, close)
    .filter((line) => !/\/\/ \S+:(start|end)\s*$/.test(line))
    .join("\n");
}

/** The line of a Node error output that says what went wrong. */
export function errorLine(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim());
  return lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines.find((l) => l !== "") ?? "no output";
}
