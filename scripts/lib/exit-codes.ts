// The one contract between the commands and the shell: every outcome and every
// error type maps to an exit code here, and nowhere else.
import { InputError } from "./diagnostics.ts";
import { WriteError } from "./write-files.ts";

export const ExitCode = {
  ok: 0,
  /** `gen --check`: generated files drifted; `validate`: a config is invalid. */
  failed: 1,
  /** Input that cannot be used: bad catalog or configuration file, malformed markers, unreadable or unwritable file, bad arguments. */
  input: 2,
  /** A bug in the tool itself. Never 1, which CI would read as drift. */
  internal: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Wrong command-line arguments; the message says what to type instead. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The usage text of the command, shown after the message. */
    readonly usage?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** The exit code for an error thrown out of a command. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof InputError || error instanceof WriteError || error instanceof UsageError) return ExitCode.input;
  return ExitCode.internal;
}

/** The exit codes as every usage text and README state them. */
export const EXIT_CODE_HELP = `Exit codes:
  ${ExitCode.ok}  success: written, in sync, or every config valid
  ${ExitCode.failed}  gen --check: something drifted; validate: a config is invalid
  ${ExitCode.input}  unusable input: bad catalog or configuration file, malformed markers,
     unreadable, unparsable or unwritable file, bad arguments; nothing was written
  ${ExitCode.internal}  internal error (a bug); run again with --debug for the stack trace`;
