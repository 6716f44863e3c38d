// The GitHub Action's check step (scripts/action/check.sh), run here as the
// action runs it: inputs in INPUT_* variables, in the docs repository's folder.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./support/run-cli.ts";

const STALE = "{/* moonshot-kimi-k2-ids:start */}\n- `old`\n{/* moonshot-kimi-k2-ids:end */}\n";
const script = join(repoRoot, "scripts", "action", "check.sh");

function site(): string {
  const dir = tempDir("kcs-action-");
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "site", "zh-CN"), { recursive: true });
  writeFileSync(join(dir, "site", "models.md"), STALE);
  writeFileSync(join(dir, "site", "zh-CN", "models.md"), STALE);
  return dir;
}

function check(dir: string, inputs: Record<string, string>) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: "true", ...inputs };
  const run = spawnSync("bash", [script], { cwd: dir, env, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the action's check step", () => {
  it("checks the docs folders given, with an annotation per drifted region", () => {
    const dir = site();
    const result = check(dir, { INPUT_DOCS: "site\n", INPUT_CONFIG: "" });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain("kimi-config-sync gen --check --docs site");
    const annotations = result.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations.map((l) => /file=([^,]+)/.exec(l)?.[1])).toEqual(["site/models.md", "site/zh-CN/models.md"]);
  });

  it("takes docs folders one per line, so a name may hold spaces; on one line, separated by spaces", () => {
    const dir = site();
    mkdirSync(join(dir, "user guide"));
    writeFileSync(join(dir, "user guide", "models.md"), STALE);
    // A YAML `|` block: indented lines, a blank one, a final line break.
    const lines = check(dir, { INPUT_DOCS: "  user guide\n\n  site\n" });
    expect(lines.code, lines.stderr).toBe(1);
    expect(lines.stdout).toContain("kimi-config-sync gen --check --docs user\\ guide --docs site\n");
    const annotated = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("::error ")).map((l) => /file=([^,]+)/.exec(l)?.[1]);
    expect(annotated(lines.stdout)).toEqual(["site/models.md", "site/zh-CN/models.md", "user guide/models.md"]);
    const oneLine = check(dir, { INPUT_DOCS: "site site/zh-CN" });
    expect(oneLine.stdout).toContain("kimi-config-sync gen --check --docs site --docs site/zh-CN\n");
    expect(annotated(oneLine.stdout)).toEqual(["site/models.md", "site/zh-CN/models.md"]);
  });

  it("takes a configuration file, and passes when nothing drifted", () => {
    const dir = site();
    writeFileSync(join(dir, "docs.config.jsonc"), '{ "docs": ["site"] }');
    const result = check(dir, { INPUT_CONFIG: "docs.config.jsonc", INPUT_DOCS: "" });
    expect(result.code).toBe(1);
    spawnSync(process.execPath, [join(repoRoot, "scripts", "bin.cjs"), "gen", "--config", "docs.config.jsonc"], { cwd: dir });
    expect(check(dir, { INPUT_CONFIG: "docs.config.jsonc" }).code).toBe(0);
  });

  it("is the step action.yml runs, with the inputs it declares", () => {
    const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8"));
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(["docs", "config", "working-directory", "cache"]);
    const step = action.runs.steps.find((s: { run?: string }) => s.run?.includes("check.sh"));
    expect(step.run).toContain("$GITHUB_ACTION_PATH/scripts/action/check.sh");
    const cacheDir = "format('{0}/kimi-config-sync-cache', runner.temp)";
    expect(step.env).toEqual({
      INPUT_DOCS: "${{ inputs.docs }}",
      INPUT_CONFIG: "${{ inputs.config }}",
      KIMI_CONFIG_SYNC_CACHE: `\${{ inputs.cache == 'true' && ${cacheDir} || '' }}`,
    });
    // The folder the check keeps its cache in is the one actions/cache restores and saves.
    const restore = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/cache@"));
    expect(restore.with.path).toBe("${{ runner.temp }}/kimi-config-sync-cache");
    expect(restore.if).toBe("inputs.cache == 'true'");
  });

  it("keeps its cache in the folder KIMI_CONFIG_SYNC_CACHE names, and a second run reports the same", () => {
    const dir = site();
    const cache = join(dir, "runner-temp", "kimi-config-sync-cache");
    const first = check(dir, { INPUT_DOCS: "site", KIMI_CONFIG_SYNC_CACHE: cache });
    expect(first.code, first.stderr).toBe(1);
    expect(readdirSync(cache)).toContain("catalog.json");
    expect(check(dir, { INPUT_DOCS: "site", KIMI_CONFIG_SYNC_CACHE: cache })).toEqual(first);
  });
});
