#!/usr/bin/env node
// `pnpm bench`: bundle the TypeScript harness with esbuild (as scripts/bin.cjs
// does for the CLI) and run it.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "bench/.trees/.harness/main.mjs");
await build({
  entryPoints: [join(root, "bench/main.ts")],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(root, process.argv.slice(2));
