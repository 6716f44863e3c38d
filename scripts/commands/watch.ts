// Runs a job once, then again whenever something under the watched paths changes,
// until the signal aborts. Changes arriving together make one run; a change during
// a run makes one more run after it. Files the job itself wrote are not changes.
//
// Every folder is watched on its own (fs.watch without `recursive`): a folder's
// watch reports its entries by name, so it keeps seeing a file after the file is
// replaced by rename, which is how every write here happens (and how editors save).
// Node 20's recursive fs.watch on Linux, and chokidar, lose such a file.
import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { isWriterFile } from "../lib/write-files.ts";

/** What a run wrote: absolute path -> content, so the events those writes cause are ignored. */
export type Written = ReadonlyMap<string, string>;

const SETTLE_MS = 100;

/** Watches `paths`: folders with everything under them, or single files. */
export async function watchAndRun(paths: readonly string[], job: () => Promise<Written>, signal: AbortSignal): Promise<void> {
  let written: Written = new Map();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let failure: { error: unknown } | undefined;
  let wake: () => void = () => {};

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        written = await job();
      } while (again && !signal.aborted);
    })();
    await running;
    running = undefined;
  };

  const changed = (path: string) => {
    const own = written.get(path);
    if (own !== undefined) {
      try {
        if (readFileSync(path, "utf8") === own) return;
      } catch {
        // Gone since: a real change.
      }
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A failed run (a bug, not bad input: the job reports that itself) ends the watch with its error.
      run().catch((error: unknown) => {
        failure = { error };
        wake();
      });
    }, SETTLE_MS);
  };

  /** Each watched folder, and the names it is watched for (undefined: every entry). */
  const watchers = new Map<string, { watcher: FSWatcher; names?: Set<string> }>();
  const watchFolder = (folder: string, only?: string) => {
    const existing = watchers.get(folder);
    if (existing && (existing.names === undefined || only !== undefined)) {
      if (only !== undefined) existing.names?.add(only);
      return;
    }
    existing?.watcher.close(); // watched for one file so far; now for everything in it
    const names = only === undefined ? undefined : new Set([only]);
    const watcher = watch(folder, (_event, name) => {
      if (!name || (names !== undefined && !names.has(name.toString())) || isWriterFile(name.toString())) return;
      const path = join(folder, name.toString());
      if (names === undefined && statSync(path, { throwIfNoEntry: false })?.isDirectory()) watchTree(path);
      changed(path);
    });
    watchers.set(folder, { watcher, ...(names ? { names } : {}) });
  };
  const watchTree = (folder: string) => {
    watchFolder(folder);
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) watchFolder(join(entry.parentPath, entry.name));
    }
  };
  for (const path of paths.map((p) => resolve(p))) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) continue; // the run reports a missing folder
    if (stats.isDirectory()) watchTree(path);
    else watchFolder(dirname(path), basename(path));
  }

  try {
    await run();
    if (!signal.aborted) {
      await new Promise<void>((stopped) => {
        wake = stopped;
        signal.addEventListener("abort", () => stopped(), { once: true });
      });
    }
  } finally {
    clearTimeout(timer);
    for (const { watcher } of watchers.values()) watcher.close();
  }
  await running?.catch(() => {});
  if (failure) throw failure.error;
}
