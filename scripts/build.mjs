// Bundles the TypeScript CLI into one CommonJS script, dist/cli.cjs, with
// esbuild, so that running it costs no TypeScript compilation. bin.mjs calls
// this whenever a source is newer than the bundle; `pnpm build` forces it.
// One classic script (not ES modules with split chunks) because Node 20 can
// keep V8's compiled code of a script between runs (see bin.mjs), and not of a module.
// esbuild is imported only when a build runs: loading it costs ~40 ms, which
// every run of bin.mjs would otherwise pay just to find the bundle up to date.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const dist = join(root, "dist");
export const stamp = join(dist, ".built");
export const bundle = join(dist, "cli.cjs");
/** V8's code cache of the bundle, written by bin.mjs after a run. */
export const codeCache = join(dist, "cli.cjs.v8-cache");

/** Every input the bundle depends on: TypeScript under scripts/ and schema/, and the lockfile. */
export function sourceFiles() {
  const files = [join(root, "package.json"), join(root, "pnpm-lock.yaml")];
  for (const dir of ["scripts", "schema"]) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".ts")) files.push(join(entry.parentPath, entry.name));
    }
  }
  return files;
}

/** True when the bundle is missing or older than any source. */
export function isStale() {
  let built;
  try {
    built = statSync(stamp).mtimeMs;
  } catch {
    return true;
  }
  return sourceFiles().some((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs > built);
}

export async function buildCli() {
  const { build } = await import("esbuild");
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(root, "scripts/cli.ts")],
    outfile: bundle,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
  });
  // V8 would reject the old cache anyway (it checks the source); dropping it saves the failed try.
  // Anything else in dist/ is left from an older build (ES module chunks before this layout).
  const keep = new Set([bundle, `${bundle}.map`, stamp]);
  for (const entry of readdirSync(dist)) {
    if (!keep.has(join(dist, entry))) rmSync(join(dist, entry), { force: true });
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
