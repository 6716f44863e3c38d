// Every temporary folder a test run makes (through os.tmpdir(), in the test
// processes and in the CLI processes they start) goes under one folder of this run,
// removed when the run ends, so `pnpm test` leaves nothing behind.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "kcs-test-run-"));
  // Open to every user, as the system's temporary folder is: some tests run the CLI as another user.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
