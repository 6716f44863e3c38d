// zod issues -> findings at JSON paths, which a caller turns into positioned
// diagnostics. Unknown keys give one finding per key (at the key, with a
// did-you-mean when the schema knows a close name); a failed union reports the
// problems of the branch the value was meant for rather than "Invalid input".
import type { z } from "zod";
import { didYouMeanSuffix } from "./did-you-mean.ts";
import { MAX_SHOWN_KEY, type JsonPath } from "./json-source.ts";

export interface IssueFinding {
  path: JsonPath;
  /** Whether the problem is the member's key (unknown or malformed key) or its value. */
  part: "key" | "value";
  kind: "unknown-key" | "schema";
  message: string;
}

export interface IssueOptions {
  /** Keys the schema allows in the object at `path`, for did-you-mean suggestions. */
  knownKeys?: (path: JsonPath) => readonly string[];
  /** The value that was parsed, to tell a missing key from a value of the wrong type. */
  input?: unknown;
}

export function zodIssueFindings(issue: z.core.$ZodIssue, options: IssueOptions = {}, prefix: JsonPath = []): IssueFinding[] {
  const path = [...prefix, ...issue.path.filter((s): s is string | number => typeof s !== "symbol")];
  const atValue = (message: string): IssueFinding[] => [{ path, part: "value", kind: "schema", message }];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = options.knownKeys?.(path) ?? [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        part: "key",
        kind: "unknown-key",
        message: key.length > MAX_SHOWN_KEY
          ? `unknown key ${JSON.stringify(`${key.slice(0, MAX_SHOWN_KEY)}…`)}`
          : `unknown key ${JSON.stringify(key)}${didYouMeanSuffix(key, known)}`,
      }));
    }
    case "invalid_key":
      return issue.issues.map((inner) => ({ path, part: "key", kind: "schema", message: `invalid key: ${inner.message}` }));
    case "invalid_union": {
      const meant = issue.errors.find((branch) => !isRootTypeMismatch(branch));
      if (meant) return meant.flatMap((inner) => zodIssueFindings(inner, options, path));
      return atValue(unionTypeMessage(issue.errors) ?? issue.message);
    }
    case "invalid_type":
      return atValue(
        options.input !== undefined && isMissingKey(options.input, path)
          ? `missing required key ${JSON.stringify(String(path.at(-1)))}`
          : issue.message,
      );
    default:
      return atValue(issue.message);
  }
}

/** A union branch that rejected the value only because of its type: not the branch the value was meant for. */
function isRootTypeMismatch(branch: readonly z.core.$ZodIssue[]): boolean {
  return branch.length > 0 && branch.every((i) => i.code === "invalid_type" && i.path.length === 0);
}

/** "Invalid input: expected string or object, received number" */
function unionTypeMessage(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>): string | undefined {
  const expected = new Set<string>();
  for (const issue of branches.flat()) if (issue.code === "invalid_type") expected.add(issue.expected);
  if (expected.size === 0) return undefined;
  const received = /received (\w+)/.exec(branches[0]?.[0]?.message ?? "")?.[1];
  return `Invalid input: expected ${[...expected].join(" or ")}${received ? `, received ${received}` : ""}`;
}

/** True when the object that should hold the last key of `path` exists but lacks it. */
function isMissingKey(input: unknown, path: JsonPath): boolean {
  let parent = input;
  for (const segment of path.slice(0, -1)) {
    if (typeof parent !== "object" || parent === null) return false;
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  const key = path.at(-1);
  return typeof parent === "object" && parent !== null && !Array.isArray(parent) && key !== undefined && !Object.hasOwn(parent, key);
}
