// A temporary project for running `gen` on documents: a catalog, its schemas
// already generated (so that only the docs can drift), and a docs folder.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { runCli, tempDir } from "./run-cli.ts";

export interface DocProject {
  dir: string;
  catalog: string;
  docs: string;
  /** Runs the real command line on this project: `gen` plus the given flags. */
  gen(...flags: string[]): ReturnType<typeof runCli>;
}

export async function docProject(catalogFile: string): Promise<DocProject> {
  const dir = tempDir("kcs-docs-");
  const catalog = join(dir, "catalog.jsonc");
  const docs = join(dir, "docs");
  copyFileSync(catalogFile, catalog);
  mkdirSync(docs);
  const project: DocProject = {
    dir,
    catalog,
    docs,
    gen: (...flags) => runCli(["gen", ...flags, "--catalog", catalog, "--docs", docs]),
  };
  const schemas = await project.gen();
  expect(schemas.code, schemas.stderr).toBe(0);
  return project;
}
