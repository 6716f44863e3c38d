// `gen`: regenerate the docs' regions and the JSON Schemas the settings ask for;
// `gen --check`: write nothing, show what drifted; `gen --watch`: regenerate on change.
import { dirname, join, resolve } from "node:path";
import { LOCALES_DIR } from "../catalog/locales.ts";
import { byPosition, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { makeFolders } from "../lib/make-folders.ts";
import { ExitCode, UsageError } from "../lib/exit-codes.ts";
import { testPause } from "../lib/test-pause.ts";
import { writeAllOrNothing, WriteError } from "../lib/write-files.ts";
import { changedFiles, planGeneration, type GenOptions, type PlannedFile } from "../gen/plan.ts";
import { painter } from "../report/colour.ts";
import { diagnosticsText, driftText, genJson, githubAnnotations, invalidJson, SHOWN_REGION_DIFFS, summaryLine } from "../report/gen-report.ts";
import { settingsFor, type Output, type RunContext } from "./context.ts";
import { fixCommand } from "./fix-command.ts";
import { parseCommand, usageText } from "./spec.ts";
import { GEN } from "./specs.ts";
import { watchAndRun, type RunResult } from "./watch.ts";

export interface GenCommandOptions extends GenOptions {
  check: boolean;
  json: boolean;
  github: boolean;
  /** Show long schema diffs in full. */
  verbose?: boolean;
  /** The command the drift summary names (default `kimi-config-sync gen`). */
  fix?: string;
  /** The configuration file the settings came from; watched by --watch. */
  configFile?: string;
}

export async function runGenCommand(args: readonly string[], out: Output, context: RunContext): Promise<number> {
  const { values } = parseCommand(GEN, args);
  if (values.help) {
    out.stdout(usageText(GEN));
    return ExitCode.ok;
  }
  if (values.watch && (values.check || values.json)) throw new UsageError("gen: --watch cannot be combined with --check or --json", usageText(GEN));
  // Read anew for every run of --watch, so an edited configuration file takes effect.
  const currentOptions = (): GenCommandOptions => {
    const settings = settingsFor(
      values as { config?: string; "no-config"?: boolean },
      {
        ...(typeof values.catalog === "string" ? { catalog: values.catalog } : {}),
        ...(Array.isArray(values.docs) ? { docs: values.docs } : {}),
        ...(Array.isArray(values.exclude) ? { exclude: values.exclude } : {}),
      },
      context,
    );
    return {
      ...settings,
      check: values.check === true,
      json: values.json === true,
      verbose: values.verbose === true,
      github: context.env.GITHUB_ACTIONS === "true",
      fix: fixCommand(settings.fixCommand, context),
    };
  };
  let options: GenCommandOptions;
  try {
    options = currentOptions();
  } catch (error) {
    // An unusable configuration file: reported as an unusable catalog is, in the same shape.
    if (!(error instanceof InputError)) throw error;
    const reporting = { json: values.json === true, github: context.env.GITHUB_ACTIONS === "true" };
    reportInvalid(error.diagnostics, { ...reporting, fix: fixCommand(undefined, context) }, out);
    return ExitCode.input;
  }
  if (values.watch) return watchGen(options, currentOptions, out, context);
  return (await generate(options, out)).code;
}

/** Problems in the input: every one, in order of position, then the summary; or the same as JSON. */
function reportInvalid(problems: readonly Diagnostic[], options: Pick<GenCommandOptions, "json" | "github" | "fix">, out: Output): void {
  const diagnostics = [...problems].sort(byPosition);
  const report = invalidJson(diagnostics);
  if (options.json) out.stdout(JSON.stringify(report, null, 2));
  else out.stderr(`${diagnosticsText(diagnostics)}\n${painter(out.colour?.stderr === true)("red", report.summary)}`);
  if (options.github) annotate(out, options, githubAnnotations([], diagnostics, options.fix ?? "kimi-config-sync gen"));
}

async function generate(options: GenCommandOptions, out: Output): Promise<{ code: number; written: PlannedFile[] }> {
  const fix = options.fix ?? "kimi-config-sync gen";
  const paintOut = painter(out.colour?.stdout === true);
  const paintErr = painter(out.colour?.stderr === true);
  let plan;
  try {
    // The printed report shows the diffs of the first drifted regions (a check) or names the
    // files written; --json shows every diff, region and whole file, so it keeps everything.
    const retain = options.json ? undefined
      : options.check ? { texts: "none" as const, regionDiffs: options.verbose ? Infinity : SHOWN_REGION_DIFFS }
      : { texts: "bytes" as const, regionDiffs: 0 };
    plan = await planGeneration({ ...options, retain });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    reportInvalid(error.diagnostics, options, out);
    return { code: ExitCode.input, written: [] };
  }

  const changed = changedFiles(plan);
  const mode = options.check ? "check" : "write";
  if (!options.check && changed.length > 0) {
    // A schema the configuration asks for may go to a folder that does not exist yet.
    for (const file of changed) {
      if (file.before !== null) continue;
      try {
        makeFolders(dirname(file.path));
      } catch (error) {
        throw new WriteError(file.path, new Error(`cannot make its folder: ${(error as Error).message}`));
      }
    }
    testPause("before-write");
    writeAllOrNothing(changed.map((file) => (file.bytes ? { path: file.path, ...file.bytes } : file)));
  }

  if (options.json) {
    out.stdout(JSON.stringify(genJson(plan, changed, mode, fix), null, 2));
  } else {
    if (plan.warnings.length > 0) out.stderr(paintErr("yellow", diagnosticsText(plan.warnings)));
    if (options.check && changed.length > 0) out.stdout(driftText(changed, { verbose: options.verbose === true, paint: paintOut }));
    const summary = summaryLine(plan, changed, mode, fix, options.verbose === true);
    out.stdout(changed.length === 0 ? paintOut("green", summary) : options.check ? paintOut("red", summary) : summary);
  }
  if (options.github && options.check) annotate(out, options, githubAnnotations(changed, plan.warnings, fix));
  return { code: options.check && changed.length > 0 ? ExitCode.failed : ExitCode.ok, written: options.check ? [] : changed };
}

/**
 * GitHub reads its workflow commands from either stream: with --json they go to
 * standard error, so that standard output stays one JSON document.
 */
function annotate(out: Output, options: Pick<GenCommandOptions, "json">, annotations: readonly string[]): void {
  if (annotations.length === 0) return;
  (options.json ? out.stderr : out.stdout)(annotations.join("\n"));
}

/** Regenerates on every change until Ctrl-C; an unusable input prints its problems and waits for the next change. */
async function watchGen(
  settings: GenCommandOptions,
  currentOptions: () => GenCommandOptions,
  out: Output,
  context: RunContext,
): Promise<number> {
  const signal = context.signal ?? new AbortController().signal;
  // What a run reads: the catalog, its words (locales/ beside it), the docs and the configuration file.
  const reads = (options: GenCommandOptions) => [
    options.catalogFile,
    join(dirname(resolve(options.catalogFile)), LOCALES_DIR),
    ...options.docDirs,
    ...(options.configFile ? [options.configFile] : []),
  ];
  let lastReads = reads(settings);
  out.stderr(`watching ${[settings.catalogFile, ...settings.docDirs].join(", ")}; Ctrl-C stops`);
  const stamp = () => new Date().toTimeString().slice(0, 8);
  await watchAndRun(async (): Promise<RunResult> => {
    const prefixed: Output = { ...out, stdout: (text) => out.stdout(`[${stamp()}] ${text}`) };
    const nothing = () => ({ written: new Map(), reads: lastReads });
    let options;
    try {
      options = currentOptions();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out.stderr(`${diagnosticsText(error.diagnostics)}\nnothing was written; waiting for the next change`);
      return nothing();
    }
    lastReads = reads(options);
    let result;
    try {
      result = await generate(options, prefixed);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      out.stderr(`${error.message}; waiting for the next change`);
      return nothing();
    }
    const { code, written } = result;
    if (code === ExitCode.input) out.stderr("nothing was written; waiting for the next change");
    return {
      written: new Map(written.map((file) => [resolve(file.path), file.bytes ? file.bytes.after.toString("utf8") : file.after])),
      reads: lastReads,
    };
  }, signal);
  out.stderr("stopped");
  return ExitCode.ok;
}
