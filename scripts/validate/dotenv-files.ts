// The variables the host has when it substitutes `${VAR}` in its config: its own environment and,
// for each name that lacks, the `.env` file in its working folder, then the one in its state folder
// (`$OPENCLAW_STATE_DIR/.env`, by default `~/.openclaw/.env`); neither file overrides a variable
// already set (docs/help/environment.md, "Precedence"). `--env` judges placeholders against these.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { parseEnv } from "node:util";
import type { Environment } from "./env-placeholders.ts";

export function withDotEnvFiles(environment: Environment, workingFolder: string): Environment {
  const merged: Record<string, string | undefined> = { ...environment };
  for (const file of [join(workingFolder, ".env"), join(stateFolder(environment), ".env")]) {
    for (const [name, value] of Object.entries(readEnvFile(file))) if (!Object.hasOwn(merged, name)) merged[name] = value;
  }
  return merged;
}

/** The host's state folder: `OPENCLAW_STATE_DIR`, else `.openclaw` in `OPENCLAW_HOME` or the user's home; `~` is the home. */
function stateFolder(environment: Environment): string {
  const home = environment.OPENCLAW_HOME ? expandHome(environment.OPENCLAW_HOME, environment.HOME || homedir()) : environment.HOME || homedir();
  return environment.OPENCLAW_STATE_DIR ? expandHome(environment.OPENCLAW_STATE_DIR, home) : join(home, ".openclaw");
}

function expandHome(path: string, home: string): string {
  return path === "~" || path.startsWith("~/") ? join(home, path.slice(1)) : resolve(path);
}

/** A dotenv file's variables; a file that is missing or cannot be read sets none, as for the host. */
function readEnvFile(file: string): Record<string, string | undefined> {
  try {
    return parseEnv(readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}
