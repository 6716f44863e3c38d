// A test hook, and nothing else: with KIMI_CONFIG_SYNC_TEST_PAUSE=<stage>:<file>
// set, a run creates <file> when it reaches <stage> and waits until the file is
// removed. Tests use it to edit a doc, or kill the run, at an exact point of a
// real run in a child process. Stages: `before-write` (the plan is made, nothing
// is written yet) and `before-rename` (every temporary file is written).
import { existsSync, writeFileSync } from "node:fs";

export type PauseStage = "before-write" | "before-rename";

export function testPause(stage: PauseStage): void {
  const setting = process.env.KIMI_CONFIG_SYNC_TEST_PAUSE;
  if (!setting?.startsWith(`${stage}:`)) return;
  const flag = setting.slice(stage.length + 1);
  writeFileSync(flag, `${process.pid}\n`);
  // A synchronous wait, so that nothing else of the run moves on meanwhile.
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(flag)) Atomics.wait(sleeper, 0, 0, 10);
}
