// Turns a generation plan into what people and tools read. Nothing here prints.
import { realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { counted } from "../lib/plural.ts";
import { printablePath, replaceUnprintable } from "../lib/printable-path.ts";
import { relativeWithin, within } from "../lib/within.ts";
import type { GenPlan, PlannedFile } from "../gen/plan.ts";
import { paintDiff, type Paint } from "./colour.ts";
import { firstChangedLine, regionDiff, unifiedDiff } from "./diff.ts";

export type GenMode = "write" | "check";

export function displayPath(path: string): string {
  return relativeWithin(path, process.cwd());
}

/**
 * A path as GitHub places annotations: relative to the repository (GITHUB_WORKSPACE),
 * also when the run starts in a subfolder (the action's `working-directory`), and by
 * the file's real path when it is reached through a symbolic link (`docs -> site/docs`),
 * since a pull request's files are listed by where they really are.
 */
function annotationPath(path: string, workspace = process.env.GITHUB_WORKSPACE): string {
  if (workspace) {
    const repository = realPath(workspace);
    for (const candidate of [realPath(path), resolve(path)]) {
      if (candidate !== repository && within(candidate, repository)) return relative(repository, candidate).split(sep).join("/");
    }
  }
  return displayPath(path);
}

/** The path with every symbolic link resolved; for a file not yet written, its folder's. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** A file diff longer than this many lines is summarised unless `--verbose`. */
export const LONG_DIFF_LINES = 40;
/** How many lines of a summarised diff are still shown. */
const SHOWN_DIFF_LINES = 12;
/**
 * Past this many drifted regions the rest are listed (file, line, region) without
 * their diff unless `--verbose`: a catalog change that touches every page would
 * otherwise print thousands of diffs that `git diff` after `gen` shows better.
 */
export const SHOWN_REGION_DIFFS = 50;

/**
 * Past this many written files the summary names the first ones and counts the rest,
 * unless `--verbose`: a catalog change can rewrite thousands of pages, which would
 * make one line of hundreds of kilobytes (`git status` lists them better).
 */
const NAMED_WRITTEN_FILES = 10;

/** `fix` is the command that regenerates, as the user runs it (e.g. `pnpm gen`). */
export function summaryLine(plan: GenPlan, changed: readonly PlannedFile[], mode: GenMode, fix: string, verbose = false): string {
  if (changed.length === 0) {
    const count = (kind: PlannedFile["kind"]) => plan.files.filter((f) => f.kind === kind).length;
    const examples = count("example");
    const parts = [`${counted(plan.stats.regions, "region")} in ${counted(plan.stats.docs, "doc")}`, counted(count("schema"), "schema")];
    if (examples > 0) parts.push(counted(examples, "example config"));
    return `up to date: ${parts.join(", ")}`;
  }
  if (mode === "write") {
    const named = verbose ? changed : changed.slice(0, NAMED_WRITTEN_FILES);
    const rest = changed.length - named.length;
    const more = rest === 0 ? "" : ` and ${rest} more (--verbose names every file)`;
    return `updated ${counted(changed.length, "file")}: ${named.map((f) => printablePath(displayPath(f.path))).join(", ")}${more}`;
  }
  const docs = changed.filter((f) => f.kind === "doc");
  const examples = changed.filter((f) => f.kind === "example").length;
  const schemas = changed.length - docs.length - examples;
  const regions = docs.reduce((n, f) => n + Math.max(1, f.regions?.length ?? 0), 0);
  const parts = [];
  if (docs.length > 0) parts.push(`${counted(regions, "region")} in ${counted(docs.length, "file")}`);
  if (schemas > 0) parts.push(counted(schemas, "schema file"));
  if (examples > 0) parts.push(counted(examples, "example config"));
  const verb = regions + schemas + examples === 1 ? "is" : "are";
  return `${parts.join(" and ")} ${verb} out of date; run \`${fix}\``;
}


export interface DriftTextOptions {
  /** Show long diffs in full. */
  verbose?: boolean;
  paint?: Paint;
}

/**
 * Check mode: docs first (one unified diff per drifted region, the first
 * SHOWN_REGION_DIFFS of them unless verbose), then every other file (one diff per
 * file, summarised past LONG_DIFF_LINES unless verbose).
 */
export function driftText(changed: readonly PlannedFile[], options: DriftTextOptions = {}): string {
  const paint = options.paint ?? ((_style, text) => text);
  const verbose = options.verbose === true;
  const ordered = [...changed.filter((f) => f.kind === "doc"), ...changed.filter((f) => f.kind !== "doc")];
  let diffsLeft = options.verbose ? Infinity : SHOWN_REGION_DIFFS;
  let listedOnly = 0;
  const text = ordered
    .map((file) => {
      const path = displayPath(file.path);
      const shown = printablePath(path);
      if (file.regions && file.regions.length > 0) {
        return file.regions
          .map((r) => {
            const heading = paint("bold", `${shown}:${r.line}: region ${r.name} is out of date`);
            if (!r.textsDropped && diffsLeft-- > 0) return `${heading}\n${paintDiff(clipped(regionDiff(path, r), verbose), paint)}`;
            listedOnly++;
            return heading;
          })
          .join("\n");
      }
      const what = file.before === null ? "missing" : "out of date";
      const heading = paint("bold", `${shown}:${firstChangedLine(file.before, file.after)}: ${what}`);
      return `${heading}\n${paintDiff(clipped(shortened(unifiedDiff(path, file.before, file.after), verbose), verbose), paint)}`;
    })
    .join("\n");
  if (listedOnly === 0) return text;
  return `${text}\n… the diffs of ${counted(listedOnly, "more region")} are not shown (the first ${SHOWN_REGION_DIFFS} are); --verbose shows every diff`;
}

/** Diff lines longer than this are cut (unless verbose): one minified line can be megabytes. */
const LONG_LINE = 500;
const SHOWN_LINE = 200;

/** Each over-long line of a diff cut to its start and a count of the rest. */
function clipped(diff: string, verbose: boolean): string {
  if (verbose) return diff;
  return diff.replace(new RegExp(`^(.{${SHOWN_LINE}}).{${LONG_LINE - SHOWN_LINE},}$`, "gmu"), (line, start: string) =>
    `${start}… (${[...line].length - [...start].length} more characters; --verbose shows them)`);
}

/** The first lines of a long diff and a count of the rest. */
function shortened(diff: string, verbose: boolean): string {
  const lines = diff.replace(/\n$/, "").split("\n");
  if (verbose || lines.length <= LONG_DIFF_LINES) return diff;
  const body = lines.slice(Math.max(0, lines.findIndex((l) => l.startsWith("@@"))));
  const added = body.filter((l) => l.startsWith("+")).length;
  const removed = body.filter((l) => l.startsWith("-")).length;
  const hidden = lines.length - SHOWN_DIFF_LINES;
  return `${lines.slice(0, SHOWN_DIFF_LINES).join("\n")}\n… ${hidden} more diff lines (${added} added, ${removed} removed in all); --verbose shows the full diff\n`;
}

/** GitHub Actions workflow commands, one per drifted region or file. */
export function githubAnnotations(changed: readonly PlannedFile[], diagnostics: readonly Diagnostic[], fix: string): string[] {
  // The runner reads `%0D` and `%0A` as line breaks; any other control or bidirectional character (ESC, which
  // drives the log's colours, U+202E) is percent-encoded too, so that a file name cannot reach the log raw.
  // A tab is harmless there.
  const escape = (s: string) => replaceUnprintable(s.replace(/%/g, "%25"), (c) => (c === "\t" ? c : encodeURIComponent(c)));
  const prop = (s: string) => escape(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const lines: string[] = [];
  for (const file of changed) {
    const path = prop(annotationPath(file.path));
    if (file.regions && file.regions.length > 0) {
      for (const r of file.regions) {
        lines.push(
          `::error file=${path},line=${r.line},endLine=${r.endLine},col=${r.column},title=${prop(`${r.name} out of date`)}::` +
            escape(`region ${r.name} is out of date; run ${fix}`),
        );
      }
    } else {
      lines.push(`::error file=${path},line=${firstChangedLine(file.before, file.after)}::${escape(`generated file is out of date; run ${fix}`)}`);
    }
  }
  for (const d of diagnostics) {
    lines.push(`::${d.severity === "warning" ? "warning" : "error"} file=${prop(annotationPath(d.file))},line=${d.line},col=${d.column}::${escape(d.message)}`);
  }
  return lines;
}

export function diagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join("\n");
}

export interface GenJsonReport {
  status: "up-to-date" | "updated" | "drift" | "invalid";
  files: Array<{
    path: string;
    kind: string;
    status: "created" | "changed";
    regions: Array<{ name: string; line: number; column: number; endLine: number; diff: string }>;
    diff: string;
  }>;
  diagnostics: Diagnostic[];
  summary: string;
}

export function genJson(plan: GenPlan, changed: readonly PlannedFile[], mode: GenMode, fix: string): GenJsonReport {
  return {
    status: changed.length === 0 ? "up-to-date" : mode === "check" ? "drift" : "updated",
    files: changed.map((f) => ({
      path: displayPath(f.path),
      kind: f.kind,
      status: f.before === null ? "created" : "changed",
      regions: (f.regions ?? []).map((r) => ({
        name: r.name,
        line: r.line,
        column: r.column,
        endLine: r.endLine,
        diff: regionDiff(displayPath(f.path), r),
      })),
      diff: unifiedDiff(displayPath(f.path), f.before, f.after),
    })),
    diagnostics: plan.warnings,
    summary: summaryLine(plan, changed, mode, fix),
  };
}

export function invalidJson(diagnostics: readonly Diagnostic[]): GenJsonReport {
  return {
    status: "invalid",
    files: [],
    diagnostics: [...diagnostics],
    summary: `${diagnostics.length} ${diagnostics.length === 1 ? "problem" : "problems"} in the input; nothing was written`,
  };
}
