// The command line's contract: help and version, did-you-mean, every exit code
// (the internal-error one included), colour, a closed pipe, validate's paths and stdin.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, USAGE } from "../scripts/cli.ts";
import { usageText } from "../scripts/commands/spec.ts";
import { COMMANDS, GEN, VALIDATE } from "../scripts/commands/specs.ts";
import { ExitCode } from "../scripts/lib/exit-codes.ts";
import { colourWanted } from "../scripts/report/colour.ts";
import { repoRoot, runCli, tempDir, tempProject } from "./support/run-cli.ts";

const bin = join(repoRoot, "scripts", "bin.cjs");
const version = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version as string;
const ANSI = /\u001b\[\d+m/;
/** Clean of anything the surrounding test run set that changes output. */
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(FORCE_COLOR|NO_COLOR|GITHUB_ACTIONS|INIT_CWD|npm_)/.test(key)),
);

function node(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string | Buffer; nodeArgs?: string[] } = {}) {
  const run = spawnSync(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...baseEnv, ...options.env },
    encoding: "utf8",
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A project with one stale page and no configuration file. */
function staleProject(pages = 1) {
  const project = tempProject();
  mkdirSync(project.docs);
  for (let i = 0; i < pages; i++) {
    writeFileSync(join(project.docs, `page-${i}.md`), "{/* moonshot-kimi-k2-ids:start */}\n- `kimi-k2-0905-preview`\n{/* moonshot-kimi-k2-ids:end */}\n");
  }
  return { ...project, args: ["--no-config", "--catalog", project.catalog, "--docs", project.docs] };
}

describe("help and version", () => {
  it("print the usage of the tool and of every command, exit 0", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) expect(await runCli(args)).toMatchObject({ code: 0, stdout: `${USAGE}\n` });
    for (const spec of COMMANDS) {
      for (const flag of ["--help", "-h"]) expect(await runCli([spec.name, flag])).toMatchObject({ code: 0, stdout: `${usageText(spec)}\n` });
    }
    for (const flag of ["--version", "-V"]) expect(await runCli([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const asData = await runCli(["--version", "--json"]);
    expect(asData.code).toBe(0);
    expect(JSON.parse(asData.stdout)).toEqual({ version });
  });

  it("are what README's command-line reference shows", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    for (const [command, text] of [["kimi-config-sync --help", USAGE], ["kimi-config-sync gen --help", usageText(GEN)], ["kimi-config-sync validate --help", usageText(VALIDATE)]]) {
      expect(readme).toContain(`\`\`\`console\n$ ${command}\n${text}\n\`\`\``);
    }
  });
});

describe("wrong arguments: exit 2 with a did-you-mean", () => {
  it("for commands and options", async () => {
    const command = await runCli(["genn"]);
    expect(command.code).toBe(ExitCode.input);
    expect(command.stderr).toContain('unknown command "genn" (did you mean `gen`?)');
    const option = await runCli(["gen", "--dosc", "x"]);
    expect(option.code).toBe(ExitCode.input);
    expect(option.stderr).toContain("gen: unknown option --dosc (did you mean `--docs`?)");
    expect(option.stderr).toContain(usageText(GEN));
    // A value left out, at the end or before another option.
    for (const args of [["gen", "--docs"], ["gen", "--docs", "--no-config"]]) {
      const missing = await runCli(args);
      expect(missing.code).toBe(ExitCode.input);
      expect(missing.stderr).toContain("gen: --docs takes a value (--docs DIR); none was given");
    }
    let stderr = "";
    expect(await main([], { stdout: () => {}, stderr: (text) => void (stderr += text) })).toBe(ExitCode.input);
    expect(stderr).toContain("no command given");
    expect((await runCli(["gen", "--watch", "--check"])).stderr).toContain("--watch cannot be combined with --check");
  });
});

describe("exit codes", () => {
  it("0 in sync, 1 drift, 2 unusable catalog", async () => {
    const project = staleProject();
    expect((await runCli(["gen", "--check", ...project.args])).code).toBe(ExitCode.failed);
    expect((await runCli(["gen", ...project.args])).code).toBe(ExitCode.ok);
    expect((await runCli(["gen", "--check", ...project.args])).code).toBe(ExitCode.ok);
    writeFileSync(project.catalog, "{ nope");
    expect((await runCli(["gen", "--check", ...project.args])).code).toBe(ExitCode.input);
  });

  it("validate: 2 for a file that does not parse, as for one that cannot be read", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.json"), '{ "agents": ');
    const result = await runCli(["validate", join(dir, "broken.json")]);
    expect(result.code).toBe(ExitCode.input);
    expect(result.stdout).toMatch(/broken\.json:1:\d+  -  end of input: the object that opens at line 1, column 1 is never closed; add a value, then `}` at the end/);
  });

  it("3 for an internal error, with a short message, in-process", async () => {
    let stderr = "";
    const code = await main(["--version"], {
      stdout: () => {
        throw new TypeError("cannot write to the terminal");
      },
      stderr: (text) => void (stderr += text),
    });
    expect(code).toBe(ExitCode.internal);
    expect(stderr).toContain("internal error: TypeError: cannot write to the terminal");
    expect(stderr).toContain("run again with --debug for the stack trace");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("with --json, a usage or internal error is also data on standard output", async () => {
    let stdout = "";
    const collect = { stdout: (text: string) => void (stdout += text), stderr: () => {} };
    expect(await main(["validate", "--json"], collect)).toBe(ExitCode.input);
    expect(JSON.parse(stdout)).toEqual({ exitCode: ExitCode.input, error: { kind: "usage", message: expect.stringContaining("validate: no file given") } });

    // The first write (the report) fails; the failure is then reported as data.
    stdout = "";
    let writes = 0;
    const project = staleProject();
    const flaky = {
      stdout: (text: string) => {
        if (writes++ === 0) throw new TypeError("cannot write the report");
        stdout += text;
      },
      stderr: () => {},
    };
    expect(await main(["gen", "--check", "--json", ...project.args], flaky)).toBe(ExitCode.internal);
    expect(JSON.parse(stdout)).toEqual({ exitCode: ExitCode.internal, error: { kind: "internal", message: "TypeError: cannot write the report" } });
  });

  it("3 for a crash of the real process (never 1), the stack only with --debug", () => {
    const project = staleProject();
    // A fault injected below the tool: writing to standard output throws a TypeError.
    const fault = join(tempDir(), "fault.mjs");
    writeFileSync(fault, `process.stdout.write = function injected() { throw new TypeError("injected fault"); };\n`);
    const plain = node(["gen", "--check", ...project.args], { nodeArgs: ["--import", fault] });
    expect(plain.code, plain.stderr).toBe(ExitCode.internal);
    expect(plain.stderr).toContain("internal error: TypeError: injected fault");
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = node(["gen", "--check", "--debug", ...project.args], { nodeArgs: ["--import", fault] });
    expect(debug.code).toBe(ExitCode.internal);
    expect(debug.stderr).toMatch(/\n\s+at .*injected .*fault\.mjs/);
  });
});

describe("a working folder removed under the shell", () => {
  it("is exit 2 saying so and what to do, for every command, not an internal error", () => {
    const gone = join(tempDir(), "gone");
    for (const args of [["gen", "--check"], ["gen", "--check", "--json"], ["validate", "-"]]) {
      mkdirSync(gone);
      // The shell stands in the folder when it is removed, as after `git checkout` of another branch or `rm -r` in another terminal.
      const run = spawnSync("sh", ["-c", 'cd "$1" && rmdir "$1" && shift && exec "$@"', "sh", gone, process.execPath, bin, ...args], {
        env: baseEnv, encoding: "utf8", input: "{}",
      });
      expect(run.status, run.stderr).toBe(ExitCode.input);
      expect(run.stderr).toContain("the working folder no longer exists (it was removed or moved away); cd into an existing folder and run again");
      expect(run.stderr).not.toContain("internal error");
      if (args.includes("--json")) expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 2, error: { kind: "usage" } });
    }
  });
});

describe("gen --check's report", () => {
  it("leads with the docs and cuts a long JSON Schema diff short, unless --verbose", async () => {
    const project = staleProject();
    const schema = join(project.dir, "schema", "config.schema.json");
    writeFileSync(schema, "{}\n");
    const args = ["gen", "--check", "--config", project.config, "--docs", project.docs];
    const short = await runCli(args);
    expect(short.code).toBe(ExitCode.failed);
    expect(short.stdout.indexOf("page-0.md")).toBeLessThan(short.stdout.indexOf("config.schema.json"));
    expect(short.stdout).toMatch(/… \d+ more diff lines \(\d+ added, 1 removed in all\); --verbose shows the full diff/);
    const full = await runCli([...args, "--verbose"]);
    expect(full.stdout).not.toContain("more diff lines");
    const added = full.stdout.split("\n").filter((line) => line.startsWith("+") && !line.startsWith("+++")).join("\n");
    expect(added).toContain('+  "title": "Assistant configuration",');
    expect(full.stdout.length).toBeGreaterThan(short.stdout.length + 10_000);
  });
});

describe("output to a pipe or a terminal", () => {
  it("ends quietly when the reader closes the pipe (gen --check | head -1), with the run's exit code", () => {
    const project = staleProject(400); // far more drift than a pipe buffer holds
    const command = `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} gen --check ${project.args.map((a) => JSON.stringify(a)).join(" ")} | head -1`;
    const run = spawnSync("bash", ["-c", command], { env: baseEnv, encoding: "utf8" });
    expect(run.stdout.split("\n")).toHaveLength(2);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(ExitCode.failed);
  });

  it("is plain when piped, coloured with FORCE_COLOR, and plain with NO_COLOR", () => {
    const project = staleProject();
    const check = (env: NodeJS.ProcessEnv) => node(["gen", "--check", ...project.args], { env }).stdout;
    expect(check({})).not.toMatch(ANSI);
    expect(check({ FORCE_COLOR: "1" })).toMatch(/\u001b\[31m-- `kimi-k2-0905-preview`\u001b\[39m/);
    expect(check({ FORCE_COLOR: "0" })).not.toMatch(ANSI);
    expect(check({ NO_COLOR: "1" })).not.toMatch(ANSI);
  });

  it("is coloured on a terminal unless NO_COLOR is set", () => {
    const project = staleProject();
    const onTerminal = (env: NodeJS.ProcessEnv) => {
      // `script` gives the command a pseudo-terminal as its stdout.
      const command = [process.execPath, bin, "gen", "--check", ...project.args].map((a) => `'${a}'`).join(" ");
      return spawnSync("script", ["-qec", command, "/dev/null"], { env: { ...baseEnv, TERM: "xterm", ...env }, encoding: "utf8" }).stdout;
    };
    expect(onTerminal({})).toMatch(ANSI);
    expect(onTerminal({ NO_COLOR: "1" })).not.toMatch(ANSI);
    expect(colourWanted({ isTTY: true }, { TERM: "dumb" })).toBe(false);
  });
});

describe("validate's paths", () => {
  it("reads `-` as standard input", () => {
    const config = readFileSync(join(repoRoot, "examples", "openclaw.json"), "utf8");
    expect(node(["validate", "-"], { input: config })).toMatchObject({ code: 0, stdout: "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n" });
    const json5 = node(["validate", "-"], { input: "{ agents: { defaults: { model: { primary: 'moonshot/kimi-k2.6' } } } }" });
    expect(json5).toMatchObject({ code: 0, stdout: "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n" });
    const bad = node(["validate", "-"], { input: '{ "agents": { "defaults": { "model": { "primary": 3 } } } }' });
    expect(bad.code).toBe(ExitCode.failed);
    expect(bad.stdout).toMatch(/^<stdin>:1:\d+  agents\.defaults\.model\.primary  /);
  });

  it("names the encoding of standard input in UTF-16 (exit 2), as it does for a file", () => {
    const config = readFileSync(join(repoRoot, "examples", "openclaw.json"), "utf8");
    const utf16 = node(["validate", "-"], { input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(config, "utf16le")]) });
    expect(utf16).toMatchObject({ code: ExitCode.input });
    expect(utf16.stdout).toMatch(/^<stdin>:1:1  -  cannot read the file: it is encoded as UTF-16 \(little-endian\); save it as UTF-8\n/);
  });

  it("resolves relative paths from the folder `pnpm validate` was run in", () => {
    const run = spawnSync("pnpm", ["--silent", "validate", "../../examples/openclaw.json"], {
      cwd: join(repoRoot, "test", "fixtures"),
      env: baseEnv,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n");
    expect(run.status).toBe(0);
  });
});
