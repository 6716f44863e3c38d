// Every temporary folder a test run makes (through os.tmpdir(), in the test
// processes and in the CLI processes they start) goes under one folder of this run,
// removed when the run ends, so `pnpm test` leaves nothing behind. The built CLI's
// content cache goes there too, not into this repository's node_modules/.cache, so
// that no run reads verdicts stored by an earlier one.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "kcs-test-run-"));
  // Open to every user, as the system's temporary folder is: some tests run the CLI as another user.
  chmodSync(root, 0o1777);
  const previous = { TMPDIR: process.env.TMPDIR, KIMI_CONFIG_SYNC_CACHE: process.env.KIMI_CONFIG_SYNC_CACHE };
  process.env.TMPDIR = root;
  process.env.KIMI_CONFIG_SYNC_CACHE = join(root, "content-cache");
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  };
}
