// Bundles the TypeScript CLI into one CommonJS script, dist/cli.cjs, with
// esbuild, so that running it costs no TypeScript compilation. `npm pack` runs
// this (prepack), so an installed package runs the shipped bundle and never
// builds; in a source checkout bin.mjs calls it whenever a source is newer than
// the bundle, so `pnpm gen` after an edit runs fresh code.
// One classic script (not ES modules with split chunks) because Node 20 can
// keep V8's compiled code of a script between runs (see bin.mjs), and not of a module.
// esbuild is imported only when a build runs: loading it costs ~40 ms.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const dist = join(root, "dist");
export const stamp = join(dist, ".built");
export const bundle = join(dist, "cli.cjs");
/** V8's code cache of the bundle, written by bin.mjs after a run. */
export const codeCache = join(dist, "cli.cjs.v8-cache");

/**
 * Modules the bundle initialises at the first call of one of their functions, not
 * when it starts. Each is the way into something costly to set up that many runs
 * never need: the zod schemas (building them takes ~15 ms; a catalog that passed
 * comes from the cache, and `--no-config` reads no configuration file), the JSON
 * Schemas, the config checks of JSON code blocks, and string-width (whose
 * Intl.Segmenter takes ~8 ms to make). What only these modules import is deferred
 * with them. A module listed here may export functions and types only; the build checks.
 */
export const DEFERRED_MODULES = [
  "scripts/catalog/validate.ts",
  "scripts/project-config/validate.ts",
  "scripts/project-config/json-schema.ts",
  "scripts/schema-gen/json-schema.ts",
  "scripts/validate/check-config.ts",
  "scripts/docs/kinds/display-width.ts",
];

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

/**
 * Builds into memory, then writes each output to a temporary file and renames it
 * into place: a run that starts meanwhile (several `pnpm gen` at once after an
 * edit) reads the old bundle or the new one, never half of one.
 */
export async function buildCli() {
  const { build } = await import("esbuild");
  mkdirSync(dist, { recursive: true });
  const result = await build({
    entryPoints: [join(root, "scripts/cli.ts")],
    outfile: bundle,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    // scripts/lib/package-root.ts finds the package from its own folder.
    define: { "import.meta.dirname": "__dirname" },
    logLevel: "warning",
    write: false,
    plugins: [deferModules(DEFERRED_MODULES.map((path) => join(root, path)))],
  });
  // The map before the bundle that names it; the stamp last.
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === bundle) - Number(b.path === bundle));
  for (const output of outputs) replace(output.path, output.contents);
  replace(stamp, `${new Date().toISOString()}\n`);
  // Anything else in dist/ is left from an older layout or is an old code cache
  // (V8 would reject it anyway). Other builds' temporary files are theirs to rename.
  const keep = new Set([bundle, `${bundle}.map`, stamp].map((path) => basename(path)));
  for (const entry of readdirSync(dist)) {
    if (!keep.has(entry) && !entry.endsWith(".tmp")) rmSync(join(dist, entry), { force: true });
  }
}

/**
 * An import of a deferred module gets a stand-in with the same functions, each of
 * which loads the module and calls its namesake: esbuild initialises a bundled
 * module at its first require(), where an import would initialise it when the
 * importer is. Run from source (the tests), imports are the plain ones.
 */
function deferModules(paths) {
  const deferred = new Set(paths);
  return {
    name: "defer-modules",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = join(args.resolveDir, args.path);
        // The stand-in's own require() gets the module itself.
        if (!deferred.has(path) || args.namespace === "deferred") return undefined;
        return { path: relative(root, path), namespace: "deferred" };
      });
      build.onLoad({ filter: /.*/, namespace: "deferred" }, (args) => {
        const path = join(root, args.path);
        return { contents: standIn(path, exportedFunctions(path)), resolveDir: dirname(path), loader: "js" };
      });
    },
  };
}

function standIn(path, names) {
  return [
    "let loaded;",
    `const load = () => (loaded ??= require(${JSON.stringify(path)}));`,
    ...names.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
  ].join("\n");
}

/** The names of a module's exported functions; anything else it exports (but types) is an error. */
function exportedFunctions(path) {
  const names = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.startsWith("export ")) continue;
    const fn = /^export (?:async )?function (\w+)/.exec(line);
    if (fn) names.push(fn[1]);
    else if (!/^export (?:type|interface) /.test(line)) {
      throw new Error(`${relative(root, path)} is deferred (DEFERRED_MODULES in scripts/build.mjs), so it may export only functions and types, not: ${line}`);
    }
  }
  return names;
}

function replace(path, contents) {
  const temp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
