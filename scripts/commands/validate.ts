// `validate FILE...`: check users' config files. (Placeholder until it lands.)
import { ExitCode } from "../lib/diagnostics.ts";
import type { Output } from "../cli.ts";

export async function runValidateCli(_args: readonly string[], out: Output): Promise<number> {
  out.stderr("validate is not available yet");
  return ExitCode.input;
}
