// Writes a generated tree to disk and records which pages hold regions.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateDocs, type TreeOptions } from "./generate.ts";

export interface TreeManifest {
  files: number;
  bytes: number;
  /** Relative paths of the pages holding regions, and of those left outdated in a drifted tree. */
  regionDocs: string[];
  staleDocs: string[];
}

/** Writes each page under `dir` (making folders as needed) and tells `record` about it. */
export function writeDocs<D extends { path: string; content: string }>(
  dir: string,
  docs: Iterable<D>,
  record: (doc: D) => void,
): { files: number; bytes: number } {
  const made = new Set<string>();
  let files = 0;
  let bytes = 0;
  for (const doc of docs) {
    const file = join(dir, doc.path);
    const parent = dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(file, doc.content);
    files++;
    bytes += Buffer.byteLength(doc.content);
    record(doc);
  }
  return { files, bytes };
}

export function writeTree(dir: string, options: TreeOptions): TreeManifest {
  const manifest: TreeManifest = { files: 0, bytes: 0, regionDocs: [], staleDocs: [] };
  const written = writeDocs(dir, generateDocs(options), (doc) => {
    if (doc.regions.length > 0) manifest.regionDocs.push(doc.path);
    if (doc.stale) manifest.staleDocs.push(doc.path);
  });
  return { ...manifest, ...written };
}
