// Runs a job once, then again whenever something under the paths it reads changes,
// until the signal aborts. Changes arriving together make one run; a change during
// a run makes one more run after it. Files the job itself wrote are not changes.
// After every run the job names the paths it reads, so a docs folder or catalog that
// an edited configuration file names, or that is created later, is watched from then on.
//
// Every folder is watched on its own (fs.watch without `recursive`): a folder's
// watch reports its entries by name, so it keeps seeing a file after the file is
// replaced by rename, which is how every write here happens (and how editors save).
// Node 20's recursive fs.watch on Linux, and chokidar, lose such a file.
import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { isWriterFile } from "../lib/write-files.ts";

/** What a run wrote: absolute path -> content, so the events those writes cause are ignored. */
export type Written = ReadonlyMap<string, string>;

/** A run's outcome: what it wrote, and the paths (folders or files) whose changes call for the next run. */
export interface RunResult {
  written: Written;
  reads: readonly string[];
}

const SETTLE_MS = 100;
const FIRST_RUN_SLACK_MS = 50;
const NEW_PATH_SLACK_MS = 1000;

/** Runs `job` and watches what it reads: folders with everything under them, or single files. */
export async function watchAndRun(job: () => Promise<RunResult>, signal: AbortSignal): Promise<void> {
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
        const started = Date.now();
        const result = await job();
        written = result.written;
        follow(result.reads, started);
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

  /**
   * Each watched folder, the names it is watched for (undefined: every entry), and the folder's
   * inode: a folder deleted and made again (`rm -rf docs && git checkout docs`) is another folder,
   * which the old watch no longer sees.
   */
  const watchers = new Map<string, { watcher: FSWatcher; names?: Set<string>; ino: number | undefined }>();
  const unwatch = (root: string) => {
    for (const [folder, { watcher }] of watchers) {
      if (folder === root || folder.startsWith(`${root}${sep}`)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
  };
  const watchFolder = (folder: string, only?: string) => {
    const ino = statSync(folder, { throwIfNoEntry: false })?.ino;
    let existing = watchers.get(folder);
    if (existing && existing.ino !== ino) {
      unwatch(folder); // replaced: everything watched in the old one went with it
      existing = undefined;
    }
    if (existing && (existing.names === undefined || only !== undefined)) {
      if (only !== undefined) existing.names?.add(only);
      return;
    }
    existing?.watcher.close(); // watched for one file so far; now for everything in it
    const names = only === undefined ? undefined : new Set([only]);
    const watcher = watch(folder, (_event, name) => {
      // The folder itself was removed (inotify names it by its own name): this watch sees nothing
      // more, even if a folder of the same path (perhaps with the same inode number) comes back.
      if (name === basename(folder) && !statSync(join(folder, name), { throwIfNoEntry: false })) {
        if (watchers.get(folder)?.watcher === watcher) {
          unwatch(folder);
          if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
            if (names === undefined) watchTree(folder);
            else for (const only of names) watchFolder(folder, only);
          }
        }
        changed(folder);
        return;
      }
      if (!name || (names !== undefined && !names.has(name.toString())) || isWriterFile(name.toString())) return;
      const path = join(folder, name.toString());
      if (names === undefined && statSync(path, { throwIfNoEntry: false })?.isDirectory()) watchTree(path);
      changed(path);
    });
    watchers.set(folder, { watcher, ...(names ? { names } : {}), ino });
  };
  const watchTree = (folder: string) => {
    watchFolder(folder);
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) watchFolder(join(entry.parentPath, entry.name));
    }
  };
  /**
   * A path watched only since the run that read it ended (every path after the first run, a
   * folder a later run found new): what changed in it between that run's start and its watch
   * was seen by no watch, so it is a change. `slack`: how much older than the run's start a
   * file time may be and still count (see follow).
   */
  const catchUp = (path: string, since: number, slack: number) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    const entries = stats.isDirectory() ? readdirSync(path, { recursive: true, withFileTypes: true }) : [];
    const files = stats.isDirectory() ? entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [path];
    for (const file of files) {
      if ((statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= since - slack && !isWriterFile(basename(file))) changed(file);
    }
  };
  /** Paths already followed: watched, or (missing) awaited in their nearest existing folder. */
  const followed = new Set<string>();
  let runsFollowed = 0;
  const follow = (paths: readonly string[], since: number) => {
    const first = runsFollowed++ === 0;
    for (const path of paths.map((p) => resolve(p))) {
      const stats = statSync(path, { throwIfNoEntry: false });
      if (followed.has(path)) {
        const watched = watchers.get(stats?.isDirectory() ? path : dirname(path));
        if (stats && watched?.ino === statSync(stats.isDirectory() ? path : dirname(path)).ino) continue;
        // Deleted, or replaced by another folder, since: its watches went with it.
        followed.delete(path);
        unwatch(stats?.isDirectory() || !stats ? path : dirname(path));
      }
      if (stats?.isDirectory()) watchTree(path);
      else if (stats) watchFolder(dirname(path), basename(path));
      else {
        // Missing (the run reports it): watch for the first missing step of its path to appear.
        let step = path;
        while (dirname(step) !== step && !statSync(dirname(step), { throwIfNoEntry: false })?.isDirectory()) step = dirname(step);
        if (dirname(step) === step) continue;
        watchFolder(dirname(step), basename(step));
        continue; // followed again after the run its creation causes
      }
      // A file saved while the first run read the tree, before its watch began, is caught up too.
      // Only times after the run began count for it (with 50 ms of slack: the kernel's file clock
      // lags the wall clock by up to a tick), since files saved just before the watch started were
      // read by that run, and a second run at every start would be noise. A path new to a later
      // run has a second of slack: file systems that keep times to the second (FAT, HFS+).
      catchUp(path, since, first ? FIRST_RUN_SLACK_MS : NEW_PATH_SLACK_MS);
      followed.add(path);
    }
  };

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
