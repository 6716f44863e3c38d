// Docs the project leaves alone: glob patterns (`docs/archive/**`, `**/CHANGELOG.md`)
// relative to the working directory. An excluded doc is neither synced nor checked.
import { relative, sep } from "node:path";
import picomatch from "picomatch";

export type DocFilter = (path: string) => boolean;

/** True for a doc to keep; undefined when nothing is excluded. */
export function excluding(globs: readonly string[] | undefined, cwd = process.cwd()): DocFilter | undefined {
  if (!globs || globs.length === 0) return undefined;
  const matches = picomatch([...globs], { dot: true });
  return (path) => !matches(relative(cwd, path).split(sep).join("/"));
}
