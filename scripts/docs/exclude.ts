// Docs the project leaves alone: glob patterns (`docs/archive/**`, `**/CHANGELOG.md`)
// relative to the working directory. An excluded doc is neither synced nor checked.
//
// Globs and paths are both made absolute before they are matched: a glob of the
// configuration file, written relative to it, arrives as `../docs/skip/**` when the
// run starts in `docs/`, while the docs' paths are then `skip/b.md`; as absolute
// paths the two meet.
import { posix, resolve, sep } from "node:path";
import picomatch from "picomatch";

export type DocFilter = (path: string) => boolean;

/** True for a doc to keep; undefined when nothing is excluded. */
export function excluding(globs: readonly string[] | undefined, cwd = process.cwd()): DocFilter | undefined {
  if (!globs || globs.length === 0) return undefined;
  // The working folder's own name may hold glob characters (`site (old)`): they are escaped.
  const root = toPosix(resolve(cwd)).replace(/[*?[\]{}()!+@\\]/g, "\\$&");
  const matches = picomatch(globs.map((glob) => (posix.isAbsolute(glob) ? glob : posix.join(root, glob))), { dot: true });
  return (path) => !matches(toPosix(resolve(cwd, path)));
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
