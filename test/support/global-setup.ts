// Every temporary folder a test run makes (through os.tmpdir(), in the test
// processes and in the CLI processes they start) goes under one folder of this run,
// removed when the run ends, so `pnpm test` leaves nothing behind. The built CLI's
// content cache goes there too, not into this repository's node_modules/.cache, so
// that no run reads verdicts stored by an earlier one.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isRunning } from "../../scripts/lib/write-files.ts";

/** The folder of a run, named with the id of the process that runs it. */
const RUN_FOLDER = /^kcs-test-run-(\d+)-/;

export default function setup(): () => void {
  removeFoldersOfEndedRuns();
  // The bundle the CLI processes run is built (or found fresh) once, before any test
  // starts, so that no test waits for a build within its time limit and the first
  // tests of each worker do not build it side by side.
  execFileSync(process.execPath, [join(import.meta.dirname, "..", "..", "scripts", "bin.cjs"), "--version"], { stdio: "ignore" });
  const root = mkdtempSync(join(tmpdir(), `kcs-test-run-${process.pid}-`));
  // Open to every user, as the system's temporary folder is: some tests run the CLI as another user.
  chmodSync(root, 0o1777);
  const previous = { TMPDIR: process.env.TMPDIR, KIMI_CONFIG_SYNC_CACHE: process.env.KIMI_CONFIG_SYNC_CACHE };
  process.env.TMPDIR = root;
  process.env.KIMI_CONFIG_SYNC_CACHE = join(root, "content-cache");
  const remove = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  // Ctrl-C ends vitest through process.exit, which skips the teardown below. A test
  // process may still be writing there; what it leaves, the next run removes.
  const removeOnExit = () => {
    try {
      remove();
    } catch {
      // Left for the next run.
    }
  };
  process.once("exit", removeOnExit);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.off("exit", removeOnExit);
    remove();
  };
}

/** A run killed outright (kill -9, a closed terminal) cleans up nothing: the next run removes its folder. */
function removeFoldersOfEndedRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = RUN_FOLDER.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}
