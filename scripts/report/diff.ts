import { isAbsolute } from "node:path";
import { appendAll } from "../lib/append.ts";
import { createTwoFilesPatch, structuredPatch, type StructuredPatchHunk } from "diff";
import { printablePath } from "../lib/printable-path.ts";
import type { RegionChange } from "../gen/plan.ts";

/** `a/docs/x.md` as git writes it (quoted, as git quotes it, when the name holds a line break, say); an absolute path stays as it is. */
function label(side: "a" | "b", path: string): string {
  return printablePath(isAbsolute(path) ? path : `${side}/${path}`);
}

/** A unified diff of one file, with `a/` and `b/` names as git shows them. */
export function unifiedDiff(path: string, before: string | null, after: string): string {
  return createTwoFilesPatch(
    before === null ? "/dev/null" : label("a", path),
    label("b", path),
    before ?? "",
    after,
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^={67}\n/, "");
}

/**
 * A unified diff of one region, its hunks numbered with the file's own lines
 * (so `git apply` and editors can place them); the region's name follows each
 * hunk header, where git puts the enclosing function.
 */
export function regionDiff(path: string, change: RegionChange): string {
  // A plan made for a region report keeps the texts of the regions it shows only.
  if (change.textsDropped) throw new Error(`${path}:${change.line}: the texts of region ${change.name} were not kept`);
  const before = `${change.before}\n`;
  const after = `${change.after}\n`;
  const options = { context: CONTEXT, maxEditLength: MAX_EDIT_LENGTH };
  const hunks = structuredPatch(path, path, before, after, undefined, undefined, options)?.hunks ?? [replacement(before, after)];
  const out = [`--- ${label("a", path)}`, `+++ ${label("b", path)}`];
  for (const hunk of hunks) {
    const oldStart = hunk.oldStart + change.line - 1;
    const newStart = hunk.newStart + change.newLine - 1;
    out.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@ ${change.name}`);
    appendAll(out, hunk.lines);
  }
  return `${out.join("\n")}\n`;
}

const CONTEXT = 3;
/**
 * Beyond this many changed lines the search for the smallest diff (quadratic in
 * them) gives way to one hunk that replaces the changed middle of the region:
 * a region rewritten whole reads as well that way, at a fraction of the cost.
 */
const MAX_EDIT_LENGTH = 16;

/** One hunk: the lines both sides share at either end stay as context, the rest is replaced. */
function replacement(before: string, after: string): StructuredPatchHunk {
  const old = before.split("\n").slice(0, -1);
  const now = after.split("\n").slice(0, -1);
  let head = 0;
  while (head < old.length && head < now.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  const from = Math.max(0, head - CONTEXT);
  const keepTail = Math.min(tail, CONTEXT);
  const lines = [
    ...old.slice(from, head).map((l) => ` ${l}`),
    ...old.slice(head, old.length - tail).map((l) => `-${l}`),
    ...now.slice(head, now.length - tail).map((l) => `+${l}`),
    ...old.slice(old.length - tail, old.length - tail + keepTail).map((l) => ` ${l}`),
  ];
  const shared = head - from + keepTail;
  return {
    oldStart: from + 1,
    oldLines: shared + old.length - tail - head,
    newStart: from + 1,
    newLines: shared + now.length - tail - head,
    lines,
  };
}

/** The first changed line (1-based, in the current file), for annotations. */
export function firstChangedLine(before: string | null, after: string): number {
  const patch = structuredPatch("a", "b", before ?? "", after, undefined, undefined, { context: 0 });
  return Math.max(1, patch.hunks[0]?.oldStart ?? 1);
}
