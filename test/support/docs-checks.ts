// Docs written to a temporary folder and checked from disk, as `gen` reads them.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadCatalog } from "../../scripts/catalog/load.ts";
import type { Catalog } from "../../scripts/catalog/model.ts";
import { checkDocs } from "../../scripts/docs-checks/check-docs.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { repoRoot, tempDir } from "./run-cli.ts";

let catalog: Catalog | undefined;
export function repoCatalog(): Catalog {
  catalog ??= loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));
  return catalog;
}

/** Writes `files` (relative path -> content) under a new temporary folder. */
export function writeDocs(files: Record<string, string>): string {
  const dir = tempDir("kcs-docs-");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Reads every Markdown file under `dir` and runs the docs checks on it. */
export async function checkDocsIn(dir: string): Promise<Diagnostic[]> {
  const docs = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ path, content: readFileSync(path, "utf8") }));
  return checkDocs(docs, { catalog: repoCatalog() });
}

/** `file:line: rule` for each diagnostic, relative to `dir`, for compact assertions. */
export function where(dir: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}: ${d.rule}`);
}
