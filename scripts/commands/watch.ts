// Runs a job once, then again whenever something under the watched paths changes,
// until the signal aborts. Changes arriving together make one run; a change during
// a run makes one more run after it. Files the job itself wrote are not changes.
import { watch, readFileSync, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export interface WatchTargets {
  /** Folders watched with everything under them. */
  trees: readonly string[];
  /** Single files, watched through their folder (editors often save by replacing the file). */
  files: readonly string[];
}

/** What a run wrote: absolute path -> content, so the events those writes cause are ignored. */
export type Written = ReadonlyMap<string, string>;

const SETTLE_MS = 100;

export function watchAndRun(targets: WatchTargets, job: () => Promise<Written>, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    let written: Written = new Map();
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;

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
      timer = setTimeout(() => void run(), SETTLE_MS);
    };

    const watchers: FSWatcher[] = [];
    for (const tree of targets.trees) {
      watchers.push(watch(tree, { recursive: true }, (_event, name) => name && changed(resolve(tree, name.toString()))));
    }
    const byFolder = new Map<string, Set<string>>();
    for (const file of targets.files.map((f) => resolve(f))) {
      byFolder.set(dirname(file), (byFolder.get(dirname(file)) ?? new Set()).add(basename(file)));
    }
    for (const [folder, names] of byFolder) {
      watchers.push(watch(folder, (_event, name) => name && names.has(name.toString()) && changed(join(folder, name.toString()))));
    }

    const stop = async () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await running;
      done();
    };
    if (signal.aborted) return void stop();
    signal.addEventListener("abort", () => void stop(), { once: true });
    void run();
  });
}
