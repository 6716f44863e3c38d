import { isAbsolute, relative } from "node:path";

/**
 * Whether `path` is `folder` or lies under it. Only a `..` segment leads out, not a name that
 * begins with two dots (`..shared.json5`), as the host's isPathInside (src/infra/path-guards.ts) reads it.
 */
export function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!/^\.\.(?:[\\/]|$)/.test(rel) && !isAbsolute(rel));
}

/** `path` relative to `folder` when it lies under it (`.` for the folder itself), else `path` as it is: how reports show paths. */
export function relativeWithin(path: string, folder: string): string {
  if (!within(path, folder)) return path;
  return relative(folder, path) || ".";
}
