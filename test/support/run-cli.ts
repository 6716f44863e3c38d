// Runs the real CLI in-process and captures what it prints.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { main } from "../../scripts/cli.ts";
import { runGen } from "../../scripts/commands/gen.ts";
import type { GenOptions } from "../../scripts/gen/plan.ts";

export const repoRoot = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => void (stdout += `${text}\n`),
    stderr: (text) => void (stderr += `${text}\n`),
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "kcs-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temporary project: a copy of the catalog (and its schemas) and, optionally, of docs/. */
export function tempProject(options: { docs?: boolean } = {}): { dir: string; catalog: string; docs: string } {
  const dir = tempDir();
  cpSync(join(repoRoot, "schema"), join(dir, "schema"), { recursive: true, filter: (src) => !src.endsWith(".ts") });
  if (options.docs) cpSync(join(repoRoot, "docs"), join(dir, "docs"), { recursive: true });
  return { dir, catalog: join(dir, "schema", "catalog.jsonc"), docs: join(dir, "docs") };
}

/** A temporary project (the repository's catalog, schemas and words) whose docs folder holds `pages`. */
export function tempProjectWith(pages: Record<string, string>): ReturnType<typeof tempProject> {
  const project = tempProject();
  for (const [path, content] of Object.entries(pages)) {
    mkdirSync(dirname(join(project.docs, path)), { recursive: true });
    writeFileSync(join(project.docs, path), content);
  }
  return project;
}

/** Every file under `dir` with its bytes and mtime, to prove what a run did not touch. */
export function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), { bytes: readFileSync(path, "latin1"), mtimeMs: statSync(path).mtimeMs });
  }
  return files;
}

/** `gen` with project settings (rules, regions, default locale) that have no command-line flag. */
export async function runGenWith(
  options: { catalog: string; docs: string; check?: boolean } & Pick<GenOptions, "rules" | "regions" | "defaultLocale" | "exclude">,
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const { catalog, docs, check = false, ...settings } = options;
  const code = await runGen(
    { catalogFile: catalog, docDirs: [docs], check, json: false, github: false, ...settings },
    { stdout: (text) => void (stdout += `${text}\n`), stderr: (text) => void (stderr += `${text}\n`) },
  );
  return { code, stdout, stderr };
}
