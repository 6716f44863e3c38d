// Creates a folder and the missing folders above it, one at a time. Node's own
// `mkdirSync(path, { recursive: true })` never returns for some paths (under /proc
// on Linux, where creating a folder fails with ENOENT and Node retries forever).
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Throws the file system's error (ENOTDIR, EACCES, ENOENT, …) for the first folder that cannot be made. */
export function makeFolders(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); !statSync(at, { throwIfNoEntry: false }); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}
