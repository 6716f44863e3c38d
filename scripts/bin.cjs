#!/usr/bin/env node
// Entry point: run the CLI from its bundle, dist/cli.cjs, which loads the
// library scripts beside it (dist/zod.cjs, ...; see LIBRARY_BUNDLES in
// build.mjs) the first time it needs one. An installed package ships the
// scripts (built by `prepack`) and never builds; a source checkout
// (scripts/cli.ts beside this file) rebuilds them first when a source changed
// (a few stat calls when nothing did).
//
// Each script is compiled with V8's code cache: the machine code V8 made for it
// on an earlier run, saved beside it (`<script>.v8-cache`). V8 checks the cache
// against the source text and its own version and flags, and ignores it on any
// mismatch, so it cannot run stale code; it spares most of the parse and
// compile work (~30 ms for the CLI).
//
// CommonJS, not an ES module: an ES module entry makes Node set up its ES module
// loader, which loads some twenty modules of its own (fs/promises, readline, ...),
// about a sixth of this command's start-up. For the same reason Node's modules are
// taken with process.getBuiltinModule.
"use strict";

// A Node.js older than package.json's `engines` (>= 20.19) lacks what this script and the
// bundle use, process.getBuiltinModule first: it is told so, as unusable input (exit 2),
// not with Node's TypeError and exit 1, which CI reads as drift.
const [nodeMajor, nodeMinor] = process.versions.node.split(".").map(Number);
if (nodeMajor < 20 || (nodeMajor === 20 && nodeMinor < 19)) {
  unusable(`kimi-config-sync needs Node.js 20.19 or later; this is Node.js ${process.versions.node}: run it with a newer Node.js (in GitHub Actions, actions/setup-node with node-version: 20)`);
}

/** Stops before anything is done: unusable input, exit 2, with the message as the CLI gives one (as JSON too with --json). */
function unusable(message) {
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify({ exitCode: 2, error: { kind: "usage", message } }, null, 2)}\n`);
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { existsSync, readFileSync, renameSync, writeFileSync } = process.getBuiltinModule("node:fs");
const { createRequire } = process.getBuiltinModule("node:module");
const { dirname, join } = process.getBuiltinModule("node:path");
const { constants, Script } = process.getBuiltinModule("node:vm");

const sourceCheckout = existsSync(join(__dirname, "cli.ts"));

/**
 * A failure before the CLI's own error handling runs (a build that fails, a dist/ script
 * missing or damaged by an interrupted install) is an internal error, exit 3, reported as
 * the CLI reports one (scripts/cli.ts): Node's default exit code, 1, would read as drift.
 * So is a library script that the running CLI cannot load (`script`, e.g. `dist/zod.cjs`):
 * the fix is the same, not a bug report.
 */
function cannotStart(error, script) {
  const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const message = script === undefined ? failure : `cannot load ${script}: ${failure}`;
  const argv = process.argv.slice(2);
  if (argv.includes("--json")) process.stdout.write(`${JSON.stringify({ exitCode: 3, error: { kind: "internal", message } }, null, 2)}\n`);
  const fix = sourceCheckout ? "the build of dist/ failed; run `pnpm build` to see why" : "its scripts in dist/ are missing or damaged; reinstall the package";
  const trace = argv.includes("--debug") && error instanceof Error ? `${error.stack}\n` : "";
  process.stderr.write(`internal error: kimi-config-sync ${script === undefined ? "cannot start: " : ""}${message}\n${trace}${fix} (exit code 3)\n`);
  process.exit(3);
}

// A working folder removed under the shell (another terminal's `rm -r`, a checkout) leaves every
// relative path meaningless: unusable input, exit 2, said before anything (a rebuild too) needs it.
try {
  process.cwd();
} catch {
  unusable("the working folder no longer exists (it was removed or moved away); cd into an existing folder and run again");
}

/** Rebuilds dist/ in a source checkout whose sources changed since the last build. */
async function buildIfStale() {
  if (!sourceCheckout) return;
  try {
    if (require("./stale.cjs").isStale()) await (await import("./build.mjs")).buildWhenStale();
  } catch (error) {
    cannotStart(error);
  }
}

/** The scripts run so far, by file. */
const loaded = new Map();

/** Runs a CommonJS script of dist/ once, as Node would run it, and returns its exports. */
function load(file) {
  const done = loaded.get(file);
  if (done) return done.module.exports;
  const codeCache = `${file}.v8-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    // First run after a build: compile from source, then save the cache below.
  }
  // CommonJS's function wrapper, on the first line so that line numbers stay those of the file.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, "utf8")}\n})`;
  const script = new Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  loaded.set(file, { module, script, codeCache, saveCache: cachedData === undefined || script.cachedDataRejected });
  const nodeRequire = createRequire(file);
  // `./zod.cjs` and the like are the library scripts beside this one.
  const require = (id) => {
    if (!id.startsWith("./")) return nodeRequire(id);
    try {
      return load(join(dirname(file), id));
    } catch (error) {
      cannotStart(error, `dist/${id.slice(2)}`);
    }
  };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  return module.exports;
}

async function main() {
  await buildIfStale();
  let cli;
  try {
    cli = load(join(__dirname, "..", "dist", "cli.cjs"));
  } catch (error) {
    cannotStart(error);
  }
  // From here on the CLI reports its own errors, with their exit codes.
  await cli.run();
  saveCodeCaches();
}

/**
 * Saves the code cache of each script compiled without one. After the run, so that a
 * cache also holds the functions this command compiled; not after a run that only
 * printed help or the version, which compiles so little that every later command
 * would compile the rest again, run after run. Written beside and renamed, so a
 * concurrent run never reads half a file.
 */
function saveCodeCaches() {
  const args = process.argv.slice(2);
  const onlyPrinted = args.length === 0 || args.some((arg) => ["help", "--help", "-h", "--version", "-V"].includes(arg));
  const unsaved = [...loaded.values()].filter((script) => script.saveCache);
  if (unsaved.length === 0 || onlyPrinted) return;
  const { randomBytes } = process.getBuiltinModule("node:crypto");
  for (const { script, codeCache } of unsaved) {
    try {
      const temp = `${codeCache}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, codeCache);
    } catch {
      // A read-only install simply runs without the cache.
    }
  }
}

// An error the CLI did not report itself is an internal one (exit 3), never Node's exit 1, which reads as drift.
main().catch(cannotStart);
