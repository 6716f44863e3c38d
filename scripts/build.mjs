// Bundles the TypeScript CLI into CommonJS scripts in dist/ with esbuild, so
// that running it costs no TypeScript compilation: dist/cli.cjs, and a script
// for each group of libraries in LIBRARY_BUNDLES. `npm pack` runs this
// (prepack), so an installed package runs the shipped scripts and never builds;
// in a source checkout bin.cjs calls it whenever a source is newer than the
// bundle, so `pnpm gen` after an edit runs fresh code.
// Classic scripts (not ES modules with split chunks) because Node 20 can keep
// V8's compiled code of a script between runs (see bin.cjs), and not of a module.
// cli.cjs is minified, but keeps its names: a --debug stack trace names the
// functions, and the linked source map turns its positions into source lines.
// esbuild is imported only when a build runs: loading it costs ~40 ms. Node's
// modules are taken with process.getBuiltinModule, not imported (see bin.cjs).
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = process.getBuiltinModule("node:fs");
const { basename, dirname, join, relative } = process.getBuiltinModule("node:path");
const { fileURLToPath } = process.getBuiltinModule("node:url");
import { patchedDependencies, readPatches } from "./build-patches.mjs";
import { isStale, stamp } from "./stale.cjs";

export { isStale, stamp };

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const dist = join(root, "dist");
export const bundle = join(dist, "cli.cjs");

/**
 * Libraries that only some runs use, each group bundled into its own script,
 * dist/<group>.cjs, which bin.cjs loads the first time the CLI requires one of
 * them: a run that needs none (a check whose catalog comes from the cache and
 * whose pages need no full parse) reads and sets up a seventh of the code.
 * Libraries that share code are in one group, so that there is one copy of it.
 */
export const LIBRARY_BUNDLES = {
  zod: ["zod"],
  markdown: ["@mdx-js/mdx", "remark-frontmatter", "remark-gfm", "remark-mdx", "remark-parse", "unified"],
  homoglyphs: ["unhomoglyph/data.json"],
};

/**
 * Modules the bundle initialises at the first call of one of their functions, not
 * when it starts. Each is the way into something costly to set up that many runs
 * never need: the zod schemas (building them takes ~15 ms; a catalog that passed
 * comes from the cache, and `--no-config` reads no configuration file), the JSON
 * Schemas, the config checks of JSON code blocks, and string-width (whose
 * Intl.Segmenter takes ~8 ms to make), the exclude patterns' glob matcher (picomatch
 * builds its tables when loaded) and the did-you-mean suggestions (fastest-levenshtein),
 * which only runs that exclude docs, or that report a mistyped name, need. What only these modules import is deferred
 * with them. A module listed here may export functions and types only; the build checks.
 */
export const DEFERRED_MODULES = [
  "scripts/catalog/validate.ts",
  "scripts/project-config/validate.ts",
  "scripts/project-config/json-schema.ts",
  "scripts/schema-gen/json-schema.ts",
  "scripts/validate/check-config.ts",
  "scripts/docs/kinds/display-width.ts",
  "scripts/docs/exclude.ts",
  "scripts/lib/did-you-mean.ts",
];

/**
 * Builds into memory, then writes each output to a temporary file and renames it
 * into place, the libraries before the CLI that loads them: a run that starts
 * meanwhile (several `pnpm gen` at once after an edit) reads old scripts or new
 * ones, never half of one.
 */
export async function buildCli() {
  const [{ build }, { randomBytes }, patches] = await Promise.all([import("esbuild"), import("node:crypto"), readPatches(root)]);
  const patched = patchedDependencies(root, patches);
  const common = {
    // Packages resolve from this repository whatever folder the build is started from.
    absWorkingDir: root,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    write: false,
  };
  const libraries = Object.entries(LIBRARY_BUNDLES).map(([group, packages]) =>
    build({
      ...common,
      // Each package is set up at its first use, not when its group's script loads.
      stdin: {
        contents: `module.exports = {\n${packages.map((p) => `  get ${JSON.stringify(p)}() { const library = require(${JSON.stringify(p)}); ${LIBRARY_SETUP[p] ?? ""}return library; },`).join("\n")}\n};\n`,
        resolveDir: root,
        sourcefile: `${group}-libraries.cjs`,
      },
      outfile: join(dist, `${group}.cjs`),
      plugins: group === "zod" ? [zodInEnglishOnly, patched] : [patched],
    }),
  );
  const cli = exportNames(build, Object.values(LIBRARY_BUNDLES).flat()).then((exported) =>
    build({
      ...common,
      entryPoints: [join(root, "scripts/cli.ts")],
      outfile: bundle,
      // scripts/lib/package-root.ts finds the package from its own folder.
      // The build's name (content-cache.ts); the placeholder becomes a hash of the scripts below.
      define: { "import.meta.dirname": "__dirname", __KCS_BUILD__: JSON.stringify(BUILD_PLACEHOLDER) },
      plugins: [deferModules(DEFERRED_MODULES.map((path) => join(root, path))), librariesApart(LIBRARY_BUNDLES, exported), patched],
      minifyWhitespace: true,
      minifySyntax: true,
      metafile: true,
    }),
  );
  const results = await Promise.all([...libraries, cli]);
  const sources = Object.keys(results.at(-1).metafile.inputs).filter((input) => !input.includes(":") && !input.includes("node_modules/"));
  // What stale.cjs checks: the sources, this build script, package.json and the lockfile.
  const inputs = [...sources, "scripts/build.mjs", "scripts/build-patches.mjs", ...patches.map((p) => `patches/${p.name.replace("/", "__")}@${p.version}.patch`).filter((f, i, all) => all.indexOf(f) === i), "package.json", "pnpm-lock.yaml"];
  mkdirSync(dist, { recursive: true });
  // Each map before the script that names it; the CLI after its libraries; the stamp last.
  const outputs = results.flatMap((result) => result.outputFiles);
  const order = (path) => (path === bundle ? 2 : path.endsWith(".cjs") ? 1 : 0);
  outputs.sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : 1));
  const contents = new Map(outputs.map((output) => [output.path, output.contents]));
  contents.set(bundle, named(contents.get(bundle), outputs.filter((output) => output.path.endsWith(".cjs")).map((output) => output.contents)));
  const replace = (path, contents) => {
    const temp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
    writeFileSync(temp, contents);
    renameSync(temp, path);
  };
  for (const output of outputs) replace(output.path, contents.get(output.path));
  replace(stamp, `${JSON.stringify({ built: new Date().toISOString(), inputs }, null, 2)}\n`);
  // Anything else in dist/ is left from an older layout or is an old code cache
  // (V8 would reject it anyway). Other builds' temporary files are theirs to rename.
  const keep = new Set([...outputs.map((output) => output.path), stamp, buildLock].map((path) => basename(path)));
  for (const entry of readdirSync(dist)) {
    if (!keep.has(entry) && !entry.endsWith(".tmp")) rmSync(join(dist, entry), { force: true });
  }
}

/**
 * Builds when the bundle is stale, one build at a time: the first run that finds
 * it stale takes a lock (dist/.build.lock, a folder made with mkdir, which is
 * atomic on any file system) and builds; runs started meanwhile (several `pnpm
 * gen` at once after an edit, a test suite's workers) wait for it and then find
 * the bundle fresh, rather than each making a build of its own. A lock whose
 * holder died is taken over once it has not been refreshed for STALE_LOCK_MS.
 * The lock only saves work: a build replaces each script by renaming, so two at
 * once would still leave whole scripts, and a lost lock is no error.
 */
export async function buildWhenStale() {
  if (!isStale()) return;
  mkdirSync(dist, { recursive: true });
  const { lock } = (await import("proper-lockfile")).default;
  const release = await lock(dist, {
    lockfilePath: buildLock,
    realpath: false,
    stale: STALE_LOCK_MS,
    // Waits up to two minutes, polling every 100 ms: a build takes 1-3 s, far more on a loaded machine.
    retries: { retries: 1_200, factor: 1, minTimeout: 100, maxTimeout: 100 },
    onCompromised: () => {},
  });
  try {
    if (isStale()) await buildCli();
  } finally {
    await release().catch(() => {});
  }
}

/** The build lock (see buildWhenStale), and how long it may go unrefreshed (its holder refreshes it every half of that). */
const buildLock = join(dist, ".build.lock");
const STALE_LOCK_MS = 15_000;

/** Stands in the CLI for its build's name until the scripts are built: as long as a name. */
const BUILD_PLACEHOLDER = "kcs-build-not-yet-named-000";

/**
 * The CLI with its build's name: a hash of every built script, so the same sources
 * give the same name on any machine and any day, and any change gives another.
 */
function named(cli, scripts) {
  const hash = process.getBuiltinModule("node:crypto").createHash("sha1");
  for (const script of scripts) hash.update(script);
  const name = hash.digest("base64url");
  const text = Buffer.from(cli).toString("utf8");
  if (name.length !== BUILD_PLACEHOLDER.length || !text.includes(BUILD_PLACEHOLDER)) throw new Error("the CLI holds no place for its build's name");
  return Buffer.from(text.replaceAll(BUILD_PLACEHOLDER, name));
}

/**
 * How a library's script hands a library to the CLI, where that is more than
 * require(). zod runs jitless: a run validates a few documents once, and zod's
 * generated validators (new Function on first use, ~5 ms here, out of reach of
 * V8's code cache) would cost more than they save.
 */
const LIBRARY_SETUP = {
  zod: "library.config({ jitless: true }); ",
};

/** Each package's export names, as esbuild sees them (a JSON module has its default only). */
async function exportNames(build, packages) {
  const { metafile } = await build({
    entryPoints: packages.map((p, i) => ({ in: p, out: `export-names-${i}` })),
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "node",
    outdir: dist,
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.entries(metafile.outputs);
  return new Map(packages.map((p, i) => {
    const [, output] = outputs.find(([path]) => basename(path) === `export-names-${i}.js`);
    return [p, p.endsWith(".json") ? [] : output.exports];
  }));
}

/**
 * In the CLI's bundle, an import of a library in LIBRARY_BUNDLES gets a stand-in
 * module with the library's exports, taken from its group's script
 * (`./zod.cjs`), which the stand-in requires and bin.cjs loads.
 */
function librariesApart(groups, exported) {
  const groupOf = new Map(Object.entries(groups).flatMap(([group, packages]) => packages.map((p) => [p, group])));
  const filter = new RegExp(`^(?:${[...groupOf.keys()].map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})$`);
  return {
    name: "libraries-apart",
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "library" }));
      build.onResolve({ filter: /^\.\/\w+\.cjs$/ }, (args) => (args.namespace === "library" ? { path: args.path, external: true } : undefined));
      build.onLoad({ filter: /.*/, namespace: "library" }, (args) => {
        const names = exported.get(args.path);
        return {
          contents: [
            `const library = require("./${groupOf.get(args.path)}.cjs")[${JSON.stringify(args.path)}];`,
            // An ES module comes as its namespace; a JSON module as its value, which is its default.
            ...(args.path.endsWith(".json") ? ["export default library;"] : []),
            ...names.map((name, i) => `const e${i} = library[${JSON.stringify(name)}];\nexport { e${i} as ${JSON.stringify(name)} };`),
          ].join("\n"),
          loader: "js",
        };
      });
    },
  };
}

/**
 * zod's error messages in English only: zod bundles forty translations (400 KB),
 * which the CLI never uses (zod's own default is English, and every message the
 * CLI shows is its own).
 */
const zodInEnglishOnly = {
  name: "zod-in-english-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.c?js$/ }, (args) => ({
      contents: args.path.endsWith(".cjs")
        ? `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.en = require("./en.cjs");\n`
        : `export { default as en } from "./en.js";\n`,
      resolveDir: dirname(args.path),
    }));
  },
};

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

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
