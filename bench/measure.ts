// Runs one command and measures it: wall time around the process, peak RSS
// from GNU time (`/usr/bin/time -f %M`) where the machine has it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

export interface Command {
  file: string;
  args: string[];
  cwd: string;
  /** Added to the environment. */
  env?: Record<string, string>;
}

export interface Sample {
  ms: number;
  /** Peak resident set size in MB; null without GNU time. */
  rssMb: number | null;
  status: number | null;
  stderr: string;
}

export function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["-f", "%M", "true"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
}

const scratch = mkdtempSync(join(tmpdir(), "bench-rss-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/** Output goes to /dev/null (as in hyperfine); stderr is kept for failure reports. */
export function measure(command: Command, withRss: boolean): Sample {
  const rssFile = join(scratch, "rss");
  const [file, args] = withRss
    ? [GNU_TIME, ["-f", "%M", "-o", rssFile, command.file, ...command.args]]
    : [command.file, command.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: command.cwd,
    env: command.env ? { ...process.env, ...command.env } : process.env,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  let rssMb: number | null = null;
  if (withRss) {
    const kb = Number.parseInt(readFileSync(rssFile, "utf8").trim().split("\n").at(-1) ?? "", 10);
    rssMb = Number.isFinite(kb) ? kb / 1024 : null;
  }
  return { ms, rssMb, status: result.status, stderr: result.stderr };
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  rssMb: number | null;
}

export function summarize(samples: readonly Sample[]): Summary {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  const rss = samples.map((s) => s.rssMb).filter((v): v is number => v !== null);
  return {
    median,
    min: times[0]!,
    max: times.at(-1)!,
    rssMb: rss.length > 0 ? Math.max(...rss) : null,
  };
}
