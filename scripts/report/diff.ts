import { createTwoFilesPatch, structuredPatch } from "diff";

/** A unified diff of one file, with `a/` and `b/` names as git shows them. */
export function unifiedDiff(path: string, before: string | null, after: string): string {
  return createTwoFilesPatch(
    before === null ? "/dev/null" : `a/${path}`,
    `b/${path}`,
    before ?? "",
    after,
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^={67}\n/, "");
}

/** The first changed line (1-based, in the current file), for annotations. */
export function firstChangedLine(before: string | null, after: string): number {
  const patch = structuredPatch("a", "b", before ?? "", after, undefined, undefined, { context: 0 });
  return Math.max(1, patch.hunks[0]?.oldStart ?? 1);
}
