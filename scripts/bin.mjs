#!/usr/bin/env node
// Entry point: run the CLI from the bundle, dist/cli.cjs. An installed package
// ships the bundle (built by `prepack`) and never builds; a source checkout
// (scripts/cli.ts beside this file) rebuilds it first when a source changed
// (a few stat calls when nothing did).
//
// The bundle is compiled with V8's code cache: the machine code V8 made for it
// on an earlier run, saved beside it. V8 checks the cache against the source
// text and its own version and flags, and ignores it on any mismatch, so it
// cannot run stale code; it spares most of the parse and compile work (~30 ms).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { constants, Script } from "node:vm";

const bundle = fileURLToPath(new URL("../dist/cli.cjs", import.meta.url));
const codeCache = `${bundle}.v8-cache`;

if (existsSync(new URL("./cli.ts", import.meta.url))) {
  const { buildCli, isStale } = await import("./build.mjs");
  if (isStale()) await buildCli();
}

let cachedData;
try {
  cachedData = readFileSync(codeCache);
} catch {
  // First run after a build: compile from source, then save the cache below.
}
// CommonJS's function wrapper, on the first line so that line numbers stay those of the file.
const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, "utf8")}\n})`;
const script = new Script(source, {
  filename: bundle,
  cachedData,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));
await cli.exports.run();

if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so the cache also holds the functions this command compiled.
  // Written beside and renamed, so a concurrent run never reads half a file.
  try {
    const temp = `${codeCache}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, codeCache);
  } catch {
    // A read-only install simply runs without the cache.
  }
}
