// `gen`: regenerate the schemas and the docs' regions; `gen --check`: write
// nothing, show what drifted. Exit codes: 0 in sync / written, 1 drift, 2 bad input.
import { ExitCode, InputError } from "../lib/diagnostics.ts";
import { testPause } from "../lib/test-pause.ts";
import { writeAllOrNothing } from "../lib/write-files.ts";
import { changedFiles, planGeneration, type GenOptions } from "../gen/plan.ts";
import {
  diagnosticsText,
  driftText,
  genJson,
  githubAnnotations,
  invalidJson,
  summaryLine,
} from "../report/gen-report.ts";
import type { Output } from "../cli.ts";

export interface GenCommandOptions extends GenOptions {
  check: boolean;
  json: boolean;
  github: boolean;
}

export async function runGen(options: GenCommandOptions, out: Output): Promise<number> {
  let plan;
  try {
    plan = await planGeneration(options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (options.json) out.stdout(JSON.stringify(invalidJson(error.diagnostics), null, 2));
    else out.stderr(`${diagnosticsText(error.diagnostics)}\n${invalidJson(error.diagnostics).summary}`);
    if (options.github) out.stdout(githubAnnotations([], error.diagnostics).join("\n"));
    return ExitCode.input;
  }

  const changed = changedFiles(plan);
  const mode = options.check ? "check" : "write";
  if (!options.check && changed.length > 0) {
    testPause("before-write");
    writeAllOrNothing(changed);
  }

  if (options.json) {
    out.stdout(JSON.stringify(genJson(plan, changed, mode), null, 2));
  } else {
    if (plan.warnings.length > 0) out.stderr(diagnosticsText(plan.warnings));
    if (options.check && changed.length > 0) out.stdout(driftText(changed));
    out.stdout(summaryLine(plan, changed, mode));
  }
  if (options.github && options.check) {
    const annotations = githubAnnotations(changed, plan.warnings);
    if (annotations.length > 0) out.stdout(annotations.join("\n"));
  }
  return options.check && changed.length > 0 ? ExitCode.failed : ExitCode.ok;
}
