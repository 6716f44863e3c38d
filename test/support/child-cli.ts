// The real command line in a child process (scripts/bin.cjs), for what only a
// separate process can show: another program editing a file mid-run, `kill -9`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, type CliResult } from "./run-cli.ts";

export interface ChildRun {
  child: ChildProcess;
  /** Resolves when the process ends; `signal` is set when a signal ended it. */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Like runCli, `--no-config` unless the arguments name a configuration file: this repository's own would be found. */
export function spawnCli(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; uid?: number; gid?: number; bin?: string } = {},
): ChildRun {
  const ownConfig = args.some((arg) => arg === "--config" || arg.startsWith("--config="));
  const argv = [options.bin ?? join(repoRoot, "scripts", "bin.cjs"), ...args, ...(ownConfig ? [] : ["--no-config"])];
  const child = spawn(process.execPath, argv, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => void (stdout += chunk));
  child.stderr!.on("data", (chunk) => void (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `gen` with the test pause hook (scripts/lib/test-pause.ts) at `stage`; resolves once the child waits there. */
export async function pausedGen(
  stage: "before-write" | "before-rename",
  flag: string,
  args: readonly string[],
): Promise<ChildRun & { resume(): void }> {
  const run = spawnCli(["gen", ...args], { env: { KIMI_CONFIG_SYNC_TEST_PAUSE: `${stage}:${flag}` } });
  let ended = false;
  void run.done.then(() => void (ended = true));
  for (let waited = 0; !existsSync(flag); waited += 20) {
    if (ended) throw new Error(`gen ended before reaching ${stage}: ${(await run.done).stderr}`);
    if (waited > 20_000) throw new Error(`gen did not reach ${stage}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { ...run, resume: () => rmSync(flag, { force: true }) };
}
