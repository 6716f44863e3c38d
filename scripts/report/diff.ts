import { isAbsolute } from "node:path";
import { createTwoFilesPatch, structuredPatch } from "diff";
import type { RegionChange } from "../gen/plan.ts";

/** `a/docs/x.md` as git writes it; an absolute path stays as it is. */
function label(side: "a" | "b", path: string): string {
  return isAbsolute(path) ? path : `${side}/${path}`;
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
  const patch = structuredPatch(path, path, `${change.before}\n`, `${change.after}\n`, undefined, undefined, { context: 3 });
  const out = [`--- ${label("a", path)}`, `+++ ${label("b", path)}`];
  for (const hunk of patch.hunks) {
    const oldStart = hunk.oldStart + change.line - 1;
    const newStart = hunk.newStart + change.newLine - 1;
    out.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@ ${change.name}`, ...hunk.lines);
  }
  return `${out.join("\n")}\n`;
}

/** The first changed line (1-based, in the current file), for annotations. */
export function firstChangedLine(before: string | null, after: string): number {
  const patch = structuredPatch("a", "b", before ?? "", after, undefined, undefined, { context: 0 });
  return Math.max(1, patch.hunks[0]?.oldStart ?? 1);
}
