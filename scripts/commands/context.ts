// What a command gets from the process that runs it; tests give their own.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findProjectConfig, projectSettings, type ProjectSettings, type SettingOverrides } from "../project-config/load.ts";

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether each stream takes ANSI colours (see report/colour.ts); absent: plain. */
  colour?: { stdout: boolean; stderr: boolean };
}

export interface RunContext {
  /** The working folder of the process. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The command line after the program name, for the fix command the drift summary names. */
  argv: readonly string[];
  readStdin(): Buffer;
  /** Aborted on Ctrl-C; ends `gen --watch`. */
  signal?: AbortSignal;
}

export function processContext(signal?: AbortSignal): RunContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    argv: process.argv.slice(2),
    readStdin: () => readFileSync(0),
    ...(signal ? { signal } : {}),
  };
}

/**
 * The folder the user typed the command in. A package script (`pnpm validate FILE`)
 * runs in the package's folder; the package manager passes the user's in INIT_CWD.
 */
export function userFolder(context: RunContext): string {
  const { INIT_CWD, npm_package_json } = context.env;
  const runAsPackageScript = INIT_CWD && npm_package_json && resolve(dirname(npm_package_json)) === resolve(context.cwd);
  return runAsPackageScript ? INIT_CWD : context.cwd;
}

/** The run's settings: `--config FILE`, else the file found from the user's folder up, unless `--no-config`. */
export function settingsFor(
  values: { config?: string; "no-config"?: boolean },
  overrides: SettingOverrides,
  context: RunContext,
): ProjectSettings {
  const configFile = values["no-config"]
    ? undefined
    : values.config !== undefined
      ? resolve(userFolder(context), values.config)
      : findProjectConfig(userFolder(context));
  return projectSettings(configFile, overrides, context.cwd);
}
