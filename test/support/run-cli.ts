// Runs the real CLI in-process and captures what it prints.
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { main } from "../../scripts/cli.ts";

export const repoRoot = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs with `--no-config`: tests run with this repository as the working folder,
 * and its configuration file would aim the schemas a temporary catalog makes at
 * this repository's own schema files. Tests of the configuration file pass `--config`.
 */
export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const ownConfig = args.some((arg) => arg === "--config" || arg.startsWith("--config="));
  const code = await main(ownConfig ? args : [...args, "--no-config"], {
    stdout: (text) => void (stdout += `${text}\n`),
    stderr: (text) => void (stderr += `${text}\n`),
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "kcs-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A temporary project: a copy of the catalog (and its schemas), optionally of docs/,
 * and a configuration file (`config`, for `--config`) that asks for both JSON
 * Schemas beside the catalog, as this repository's does.
 */
export function tempProject(options: { docs?: boolean } = {}): { dir: string; catalog: string; docs: string; config: string } {
  const dir = tempDir();
  cpSync(join(repoRoot, "schema"), join(dir, "schema"), { recursive: true, filter: (src) => !src.endsWith(".ts") });
  if (options.docs) cpSync(join(repoRoot, "docs"), join(dir, "docs"), { recursive: true });
  const config = join(dir, "kimi-config-sync.config.jsonc");
  const schemas = { catalog: "schema/catalog.schema.json", config: "schema/config.schema.json" };
  writeFileSync(config, JSON.stringify({ catalog: "schema/catalog.jsonc", schemas }, null, 2));
  return { dir, catalog: join(dir, "schema", "catalog.jsonc"), docs: join(dir, "docs"), config };
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
