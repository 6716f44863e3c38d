// zod issues -> findings at JSON paths, in plain words, which a caller turns into
// positioned diagnostics. The catalog loader and `validate` both use it, so the
// same mistake reads the same in both. Unknown keys give one finding per key (at
// the key, with a did-you-mean from the schema's own keys); a failed union reports
// the problems of the branch the value was meant for.
import type { z } from "zod";
import { calendarProblem } from "./dates.ts";
import { didYouMean, didYouMeanSuffix } from "./did-you-mean.ts";
import { MAX_SHOWN_KEY, type JsonPath } from "./json-source.ts";
import { valueAt } from "./json-values.ts";

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
  /** What the schema says of the value at `path`, to tell what a missing key should hold. */
  describe?: (path: JsonPath) => string | undefined;
  /** The value that was parsed: tells a missing key from a wrong type, and names what was found. */
  input?: unknown;
}

/**
 * zod's records skip a `__proto__` key (so an invalid entry there would pass unseen),
 * while its objects report it. Every `__proto__` key is checked under this stand-in
 * name instead, and put back in paths and messages.
 */
const PROTO_STAND_IN = "__proto__-";

/** `schema.safeParse(value)`, with `__proto__` keys validated like any other key. */
export function parseIssues(schema: z.ZodType, value: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(withProtoStandIn(value));
  return result.success ? [] : result.error.issues.map(restoreProtoKeys);
}

function withProtoStandIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withProtoStandIn);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === "__proto__" ? PROTO_STAND_IN : k, withProtoStandIn(v)]));
}

function restoreProtoKeys(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  const restore = <T>(k: T): T => (k === PROTO_STAND_IN ? ("__proto__" as T) : k);
  const path = issue.path.map(restore);
  if (issue.code === "unrecognized_keys") return { ...issue, path, keys: issue.keys.map(restore) };
  if (issue.code === "invalid_union") return { ...issue, path, errors: issue.errors.map((branch) => branch.map(restoreProtoKeys)) } as z.core.$ZodIssue;
  return { ...issue, path };
}

export function zodIssueFindings(issue: z.core.$ZodIssue, options: IssueOptions = {}, prefix: JsonPath = []): IssueFinding[] {
  const path = [...prefix, ...issue.path.filter((s): s is string | number => typeof s !== "symbol")];
  const atValue = (message: string): IssueFinding[] => [{ path, part: "value", kind: "schema", message }];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = options.knownKeys?.(path) ?? [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        part: "key" as const,
        kind: "unknown-key" as const,
        message: unknownKeyMessage(key, known),
      }));
    }
    case "invalid_key":
      return issue.issues.map((inner) => ({ path, part: "key", kind: "schema", message: `invalid key: ${plainMessage(inner, valueAt(options.input, path))}` }));
    case "invalid_union": {
      const given = valueAt(options.input, path);
      if ("discriminator" in issue && typeof issue.discriminator === "string") {
        const options_ = (issue as { options?: unknown[] }).options ?? [];
        const expected = options_.map((o) => JSON.stringify(o)).join(", ");
        return atValue(
          given === undefined
            ? `missing required key "${issue.discriminator}": write one of ${expected}`
            : `must be one of ${expected}${typeof given === "string" ? suggestion(given, options_.map(String)) : ""}`,
        );
      }
      const choices = rootChoices(issue.errors);
      if (choices) {
        const words = choices.map((c) => ("expected" in c ? (c.expected === "boolean" ? "true, false" : kindName(c.expected)) : c.values.map((v) => JSON.stringify(v)).join(", ")));
        const strings = choices.flatMap((c) => ("values" in c ? c.values.filter((v): v is string => typeof v === "string") : []));
        const list = words.join(", ").replace(/, ([^,]*)$/, ", or $1");
        return atValue(`must be ${list}${typeof given === "string" ? suggestion(given, strings) : ""}`);
      }
      const meant = issue.errors.find((branch) => !isRootTypeMismatch(branch, given));
      if (meant) return meant.flatMap((inner) => zodIssueFindings(inner, options, path));
      return atValue(unionTypeMessage(issue.errors, given) ?? issue.message);
    }
    case "invalid_type":
      return atValue(
        options.input !== undefined && isMissingKey(options.input, path)
          ? `missing required key "${String(path.at(-1))}"${describeKey(options, path)}`
          : plainMessage(issue, valueAt(options.input, path)),
      );
    default:
      return atValue(plainMessage(issue, valueAt(options.input, path)));
  }
}

function describeKey(options: IssueOptions, path: JsonPath): string {
  const description = options.describe?.(path);
  return description ? ` (${description.replace(/\.$/, "")})` : "";
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  if (key.length > MAX_SHOWN_KEY) return `unknown key ${JSON.stringify(`${key.slice(0, MAX_SHOWN_KEY)}…`)}`;
  const suggested = didYouMeanSuffix(key, known);
  if (suggested || known.length === 0 || known.length > 8) return `unknown key ${JSON.stringify(key)}${suggested}`;
  return `unknown key ${JSON.stringify(key)}: write one of ${known.map((k) => `\`${k}\``).join(", ")}`;
}

function suggestion(given: string, candidates: readonly string[]): string {
  const best = didYouMean(given, candidates);
  return best === undefined ? "" : ` (did you mean ${JSON.stringify(best)}?)`;
}

/** zod's own wording ("Invalid input: expected number, received undefined") is kept only for messages the schema wrote itself. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

function plainMessage(issue: z.core.$ZodIssue, given: unknown): string {
  const notADay = issue.code === "invalid_format" && issue.format === "date" && typeof given === "string" ? calendarProblem(given) : undefined;
  if (notADay) return notADay;
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type": {
      // JSON5's NaN and Infinity: where a number goes, the message is about numbers; elsewhere it names the type wanted.
      if ((issue.expected === "number" || issue.expected === "int") && typeof given === "number" && !Number.isFinite(given)) {
        if (Number.isNaN(given)) return "must be a number, not NaN";
        return given > 0
          ? "is too large to be a number (JSON numbers stop near 1.8e308): write the value it stands for"
          : "is too far below zero to be a number (JSON numbers stop near -1.8e308): write the value it stands for";
      }
      const unquote = (issue.expected === "number" || issue.expected === "int") && typeof given === "string" && given.trim() !== "" && Number.isFinite(Number(given));
      return `must be ${kindName(issue.expected)}, not ${describeValue(given)}${unquote ? `: write ${given.trim()} without quotes` : ""}`;
    }
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v));
      if (values.length === 1) return `must be ${values[0]}`;
      return `must be one of ${values.join(", ")}${typeof given === "string" ? suggestion(given, issue.values.map(String)) : ""}`;
    }
    case "too_small":
      return sizeMessage("at least", "greater than", issue.origin, Number(issue.minimum), issue.inclusive ?? true);
    case "too_big":
      return sizeMessage("at most", "less than", issue.origin, Number(issue.maximum), issue.inclusive ?? true);
    case "invalid_format":
      return `has the wrong format for ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function sizeMessage(within: string, beyond: string, origin: string, limit: number, inclusive: boolean): string {
  if (origin === "string") return limit === 1 && within === "at least" ? "must not be empty" : `must be ${within} ${limit} characters`;
  if (origin === "array" || origin === "set") return `must have ${within} ${limit} ${limit === 1 ? "item" : "items"}`;
  if (!inclusive && limit === 0 && beyond === "greater than") return "must be greater than 0";
  if (inclusive && limit === 0 && within === "at least") return "must not be negative";
  return `must be ${inclusive ? within : beyond} ${limit}`;
}

const KIND_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "a list ([...])",
  null: "null",
};

function kindName(expected: string): string {
  return KIND_NAMES[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "boolean") return String(value);
  return "an object";
}

/** A union of plain choices (`true | false | "always"`): each branch refused the value itself, by type or by value. */
function rootChoices(
  branches: ReadonlyArray<readonly z.core.$ZodIssue[]>,
): Array<{ expected: string } | { values: readonly unknown[] }> | undefined {
  const choices: Array<{ expected: string } | { values: readonly unknown[] }> = [];
  for (const branch of branches) {
    const [only] = branch;
    if (branch.length !== 1 || only!.path.length !== 0) return undefined;
    if (only!.code === "invalid_type" && (only.expected === "boolean" || only.expected === "null")) choices.push({ expected: only.expected });
    else if (only!.code === "invalid_value") choices.push({ values: only.values });
    else return undefined;
  }
  return choices;
}

/**
 * A union branch that rejected the value only because of its type: not the branch the
 * value was meant for. An enum of strings given an object says so as `invalid_value`.
 */
function isRootTypeMismatch(branch: readonly z.core.$ZodIssue[], given: unknown): boolean {
  const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  return branch.length > 0 && branch.every((i) => i.path.length === 0 &&
    (i.code === "invalid_type" || (i.code === "invalid_value" && given !== undefined && i.values.every((v) => typeOf(v) !== typeOf(given)))));
}

/** "must be a string or an object, not the number 42" */
function unionTypeMessage(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>, given: unknown): string | undefined {
  const expected = new Set<string>();
  for (const issue of branches.flat()) if (issue.code === "invalid_type") expected.add(kindName(issue.expected));
  if (expected.size === 0) return undefined;
  return `must be ${[...expected].join(" or ")}, not ${describeValue(given)}`;
}


/** True when the object that should hold the last key of `path` exists but lacks it. */
function isMissingKey(input: unknown, path: JsonPath): boolean {
  const parent = path.length === 0 ? undefined : path.length === 1 ? input : valueAt(input, path.slice(0, -1));
  const key = path.at(-1);
  return typeof parent === "object" && parent !== null && !Array.isArray(parent) && key !== undefined && !Object.hasOwn(parent, key);
}
