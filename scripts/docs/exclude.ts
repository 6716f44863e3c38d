// Docs the project leaves alone: glob patterns (`docs/archive/**`, `**/CHANGELOG.md`)
// relative to the working directory. An excluded doc is neither synced nor checked.
// A pattern that names a folder (`docs/archive`, `docs/archive/`) leaves out
// everything under it, as in .gitignore. A pattern that leaves out no doc is told,
// since it is most likely misspelt or relative to another folder.
//
// Globs and paths are both made absolute before they are matched: a glob of the
// configuration file, written relative to it, arrives as `../docs/skip/**` when the
// run starts in `docs/`, while the docs' paths are then `skip/b.md`; as absolute
// paths the two meet. A file name may hold any character but `/`, a line break
// included: `*`, `?` and `**` match it as any other.
import { posix, resolve, sep } from "node:path";
import picomatch from "picomatch";

/** True for a doc to keep; `unused` gives the indexes of the patterns that have left out no doc so far. */
export interface DocFilter {
  (path: string): boolean;
  unused(): number[];
}

/** The filter of `globs`; undefined when nothing is excluded. */
export function excluding(globs: readonly string[] | undefined, cwd = process.cwd()): DocFilter | undefined {
  if (!globs || globs.length === 0) return undefined;
  // The working folder's own name may hold glob characters (`site (old)`): they are escaped.
  const root = toPosix(resolve(cwd)).replace(/[*?[\]{}()!+@\\]/g, "\\$&");
  const patterns = globs.map((glob) => {
    const absolute = posix.isAbsolute(glob) ? glob : posix.join(root, glob);
    const folder = absolute.replace(/\/+$/, "");
    // `s`: picomatch's `**` is built on `.`, which without it stops at a line break.
    return { matches: picomatch([folder, `${folder}/**`], { dot: true, flags: "s" }), used: false };
  });
  const keep = (path: string) => {
    const absolute = toPosix(resolve(cwd, path));
    let kept = true;
    for (const pattern of patterns) {
      if (!pattern.matches(absolute)) continue;
      pattern.used = true;
      kept = false;
    }
    return kept;
  };
  return Object.assign(keep, { unused: () => patterns.flatMap((p, i) => (p.used ? [] : [i])) });
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
