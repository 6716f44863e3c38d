// The watch loop on its own (scripts/commands/watch.ts), with a job that stands in for a
// run: a folder that a run reads for the first time is watched only once the run ends,
// so a change made in it meanwhile must still call for another run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchAndRun, type RunResult } from "../scripts/commands/watch.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("watchAndRun", () => {
  it("runs again for a change made in a newly read folder before its watch began", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kcs-watch-"));
    dirs.push(dir);
    const docs = join(dir, "docs");
    const more = join(dir, "more");
    mkdirSync(docs);
    const controller = new AbortController();
    let runs = 0;
    let third: () => void = () => {};
    const thirdRun = new Promise<void>((resolve) => (third = resolve));
    const job = async (): Promise<RunResult> => {
      runs++;
      if (runs === 1) {
        // The first run reads `docs` and names `more`, which does not exist yet; then it appears.
        setTimeout(() => mkdirSync(more), 50);
        return { written: new Map(), reads: [docs, more] };
      }
      if (runs === 2) {
        // The run caused by `more` appearing reads it; a page is saved there before the run ends,
        // so no watch of `more` sees it.
        writeFileSync(join(more, "page.md"), "# Saved during the run\n");
        return { written: new Map(), reads: [docs, more] };
      }
      third();
      controller.abort();
      return { written: new Map(), reads: [docs, more] };
    };
    const watching = watchAndRun(job, controller.signal);
    const timeout = new Promise<"timed out">((resolve) => setTimeout(() => resolve("timed out"), 10_000).unref());
    expect(await Promise.race([thirdRun.then(() => "ran"), timeout])).toBe("ran");
    await watching;
    expect(runs).toBe(3);
  });

  it("does not run again for what a run wrote itself in a newly read folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kcs-watch-"));
    dirs.push(dir);
    const more = join(dir, "more");
    const controller = new AbortController();
    let runs = 0;
    const job = async (): Promise<RunResult> => {
      runs++;
      if (runs === 1) {
        setTimeout(() => mkdirSync(more), 50);
        return { written: new Map(), reads: [more] };
      }
      const page = join(more, "page.md");
      writeFileSync(page, "# Generated\n");
      setTimeout(() => controller.abort(), 1_000);
      return { written: new Map([[page, "# Generated\n"]]), reads: [more] };
    };
    await watchAndRun(job, controller.signal);
    expect(runs).toBe(2);
  });

  it("runs again for a page saved while the first run read the tree, before any watch began", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kcs-watch-"));
    dirs.push(dir);
    const docs = join(dir, "docs");
    mkdirSync(docs);
    writeFileSync(join(docs, "page.md"), "# As read\n");
    const controller = new AbortController();
    let runs = 0;
    const job = async (): Promise<RunResult> => {
      runs++;
      // A person saves the page after the run read it; the watch of docs begins only after the run.
      if (runs === 1) writeFileSync(join(docs, "page.md"), "# Saved during the first run\n");
      else controller.abort();
      return { written: new Map(), reads: [docs] };
    };
    const watching = watchAndRun(job, controller.signal);
    const timeout = new Promise<"timed out">((resolve) => setTimeout(() => resolve("timed out"), 10_000).unref());
    expect(await Promise.race([watching.then(() => "ran"), timeout])).toBe("ran");
    expect(runs).toBe(2);
  });

  it("runs once at the start for pages saved just before the watch started", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kcs-watch-"));
    dirs.push(dir);
    const docs = join(dir, "docs");
    mkdirSync(docs);
    writeFileSync(join(docs, "page.md"), "# Saved, then the watch started\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const controller = new AbortController();
    let runs = 0;
    const job = async (): Promise<RunResult> => {
      runs++;
      setTimeout(() => controller.abort(), 1_000);
      return { written: new Map(), reads: [docs] };
    };
    await watchAndRun(job, controller.signal);
    expect(runs).toBe(1);
  });
});
