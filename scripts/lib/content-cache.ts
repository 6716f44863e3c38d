// Results of the expensive steps (a full Markdown/MDX parse, an MDX compile), kept
// between runs and keyed by a hash of the exact text they were computed from, the
// way ESLint's `--cache` keys files by content. A result is a pure function of that
// text and of the tool's own code, so a hit is the answer the step would give; the
// cache file names the build it was made by, and a new build starts afresh.
//
// Where: `node_modules/.cache/kimi-config-sync/` under the working directory, when
// that project has a node_modules folder (as Babel, ESLint loaders and others do).
// Only the built CLI (dist/cli.cjs) caches: code loaded from source has no build to
// name. `KIMI_CONFIG_SYNC_CACHE=off` turns it off; a path puts it there instead.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { makeFolders } from "./make-folders.ts";

/** Set by build.mjs in the built CLI: a hash of the built scripts. */
declare const __KCS_BUILD__: string | undefined;

export interface ContentCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/** Node's crypto module, loaded on first use (a few ms), not by every command that imports this one. */
let sha1: typeof import("node:crypto").hash | undefined;

/** The key of a text (or of its UTF-8 bytes: the same key): its SHA-1 (collisions are not a concern for docs people write). */
export function contentKey(text: string | Uint8Array): string {
  sha1 ??= process.getBuiltinModule("node:crypto").hash;
  return sha1("sha1", text, "base64url");
}

interface Stored<T> {
  build: string;
  /** Key → [run that last used it, value]. */
  entries: Record<string, [number, T]>;
  run: number;
}

/** Entries unused for this many runs are dropped when the file is saved. */
const KEEP_RUNS = 20;

interface Location {
  dir: string;
  build: string;
}

let location: Location | null | undefined;
const open = new Map<string, { file: string; stored: Stored<unknown>; dirty: boolean; family?: CacheFamily; isNew?: boolean }>();

function where(): Location | null {
  if (location !== undefined) return location;
  location = null;
  const setting = process.env.KIMI_CONFIG_SYNC_CACHE;
  if (setting === "off" || setting === "0" || setting === "false") return location;
  // The build names itself (build.mjs writes a hash of its scripts into the CLI), so
  // fresh builds of the same sources, in CI say, share one cache; code loaded from
  // source has no build to name and is not cached.
  if (typeof __KCS_BUILD__ !== "string") return location;
  let dir = setting && setting !== "on" ? setting : undefined;
  if (!dir) {
    const modules = join(process.cwd(), "node_modules");
    if (!statSync(modules, { throwIfNoEntry: false })?.isDirectory()) return location;
    dir = join(modules, ".cache", "kimi-config-sync");
  }
  location = { dir, build: `${__KCS_BUILD__}-${scriptsOnDisk()}` };
  process.once("exit", saveCaches);
  return location;
}

/**
 * The built scripts as they are on disk (name, size, time of change): a script edited after
 * its build (a hand fix, patch-package) keeps the build's name, but not its time. An
 * installed package's files all carry the tarball's fixed time, so installs still share.
 */
function scriptsOnDisk(): string {
  const dir = import.meta.dirname;
  const scripts = readdirSync(dir).filter((name) => name.endsWith(".cjs")).sort();
  return contentKey(scripts.map((name) => {
    const { size, mtimeMs } = statSync(join(dir, name));
    return `${name}:${size}:${mtimeMs}`;
  }).join("\n")).slice(0, 12);
}

const NO_CACHE: ContentCache<never> = { get: () => undefined, set: () => {} };

/**
 * Caches of one family (`pages-<settings>`, say): when one is first saved, only the
 * `keep` most recently saved of the family stay, so old settings' files do not pile up.
 */
export interface CacheFamily {
  prefix: string;
  keep: number;
}

/** The named cache of this build, or one that keeps nothing when caching is off. */
export function openCache<T>(name: string, family?: CacheFamily): ContentCache<T> {
  const at = where();
  if (!at) return NO_CACHE;
  let slot = open.get(name);
  if (!slot) {
    const file = join(at.dir, `${name}.json`);
    slot = { file, stored: { build: at.build, entries: {}, run: 0 }, dirty: false, family };
    try {
      const read = JSON.parse(readFileSync(file, "utf8")) as Stored<unknown>;
      if (read.build === at.build && typeof read.run === "number" && read.entries) slot.stored = read;
    } catch {
      // No cache yet, or an unreadable one: start afresh (and, in a family, make room).
      slot.isNew = true;
    }
    slot.stored.run++;
    open.set(name, slot);
  }
  const { stored } = slot;
  const mark = slot;
  return {
    get(key) {
      const entry = stored.entries[key];
      if (!entry) return undefined;
      // Refreshed now and then, so that a run that only reads rewrites nothing.
      if (entry[0] < stored.run - KEEP_RUNS / 4) {
        entry[0] = stored.run;
        mark.dirty = true;
      }
      return entry[1] as T;
    },
    set(key, value) {
      stored.entries[key] = [stored.run, value];
      mark.dirty = true;
    },
  };
}

/** Removes the family's files beyond the `keep` most recently saved (never `file`, just saved). */
function pruneFamily(file: string, family: CacheFamily): void {
  const dir = dirname(file);
  const members = readdirSync(dir)
    .filter((name) => name.startsWith(family.prefix) && name.endsWith(".json"))
    .map((name) => join(dir, name))
    .filter((path) => path !== file)
    .map((path) => ({ path, mtimeMs: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { path } of members.slice(family.keep - 1)) rmSync(path, { force: true });
}

/** Writes what changed (temporary file, then rename: a concurrent run never reads half a file). */
export function saveCaches(): void {
  for (const slot of open.values()) {
    if (!slot.dirty) continue;
    const { stored } = slot;
    for (const [key, [run]] of Object.entries(stored.entries)) {
      if (run <= stored.run - KEEP_RUNS) delete stored.entries[key];
    }
    const temp = `${slot.file}.${process.pid}.tmp`;
    try {
      makeFolders(dirname(slot.file));
      writeFileSync(temp, JSON.stringify(stored));
      renameSync(temp, slot.file);
      slot.dirty = false;
      if (slot.family && slot.isNew) pruneFamily(slot.file, slot.family);
      slot.isNew = false;
    } catch {
      // A cache that cannot be written (a file in the way, a read-only folder) only costs the next run time.
      try {
        rmSync(temp, { force: true });
      } catch {
        // Its folder is not there or not a folder: no temporary file was made.
      }
    }
  }
}
