// The region engine plans only the docs that hold regions; the docs checks cover
// every doc, so the others are read here. The selection matches the engine's:
// `.md` and `.mdx` files, hidden folders and node_modules skipped, symbolic links
// not followed. Folders or files that cannot be read are the engine's to report.
import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import type { DocToCheck } from "./check-docs.ts";

const DOC_FILE = /\.mdx?$/i;

export function readOtherDocs(dirs: readonly string[], planned: ReadonlySet<string>): DocToCheck[] {
  const docs: DocToCheck[] = [];
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !DOC_FILE.test(entry.name) || planned.has(path) || isSkipped(entry.parentPath.slice(dir.length))) continue;
      try {
        docs.push({ path, content: readFileSync(path, "utf8") });
      } catch {
        // Reported by the engine's discovery.
      }
    }
  }
  return docs;
}

function isSkipped(relativeFolder: string): boolean {
  return relativeFolder.split(sep).some((part) => part.startsWith(".") || part === "node_modules");
}
