#!/usr/bin/env node
// Entry point: rebuild the bundle if a source changed (a few stat calls when
// nothing did), then run the CLI from dist/.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildCli, dist, isStale } from "./build.mjs";

if (isStale()) await buildCli();
const { run } = await import(pathToFileURL(join(dist, "cli.mjs")).href);
await run();
