// `validate` of a config file on disk reads the files its `$include`s name and merges
// them in as the host does (src/config/includes.ts), so what they hold is checked too,
// each problem at its own file:line:column:
//   - a path is relative to the file that names it, and must stay inside the folder of
//     the config being validated or a folder of OPENCLAW_INCLUDE_ROOTS (the host refuses
//     one that leaves them, also by a link);
//   - `$include` alone is replaced by the included content; beside other keys the content
//     must be an object, merged first, the other keys over it;
//   - a list of paths is merged in order: objects key by key, lists one after the other,
//     anything else replaced by the later value;
//   - an included file may include others, 10 deep at most, never itself.
// An include that cannot be followed (a missing file, a syntax error in it, a loop) is an
// error, as the host refuses such a config; its object is then judged as if the file were
// unknown (includes.ts), so it draws no further messages it might not deserve.
import { readFileSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, isAbsolute, normalize, relative, resolve, sep } from "node:path";
import { INCLUDE_KEY } from "../../schema/host.ts";
import { JsonSyntaxError, type JsonPath, type ParsedJson, type SourcePosition } from "../lib/json-source.ts";
import { isRecord } from "../lib/json-values.ts";
import { within } from "../lib/within.ts";
import { configEncoding, NOT_UTF8_WARNING } from "./config-encoding.ts";

/** The host's limits (src/config/includes.ts). */
const MAX_INCLUDE_DEPTH = 10;
const MAX_INCLUDE_BYTES = 2 * 1024 * 1024;
const MAX_INCLUDE_PATH_LENGTH = 4096;
/** Keys the host's merge leaves out (its prototype-keys.ts). */
const BLOCKED_KEYS = new Set(["__proto__", "prototype", "constructor"]);

export interface SourceFile {
  file: string;
  parsed: ParsedJson;
  /**
   * Where the file's top value stands in the merged config (where it is first included; unset: the config
   * itself, at the top). An index into a list it adds to is its own, not the merged list's.
   */
  at?: JsonPath;
}

export interface IncludeProblem extends SourcePosition {
  file: string;
  rule: string;
  message: string;
  /** Unset: an error. */
  severity?: "warning";
}

export interface FollowedConfig {
  /** The config with every followed `$include` replaced by what it names. */
  value: unknown;
  /** Where the value at a path of the merged config was written: its file and position there. */
  locate(path: JsonPath, part?: "value" | "key"): SourcePosition & { file: string };
  /** Every file read, each once: the config, then the included ones. */
  sources: SourceFile[];
  problems: IncludeProblem[];
}

/** Where a value of the merged config was written. */
interface Origin {
  source: SourceFile;
  path: JsonPath;
}

/**
 * Where the values of a merged subtree come from. Without `children`, everything below
 * comes from `origin` at the same relative paths; a merge of two files names its children.
 */
interface OriginNode {
  origin?: Origin;
  children?: Map<string | number, OriginNode>;
}

/** A file's text and how to parse it (the config's own rules: JSON5 whatever the file is called). */
export type ParseConfig = (file: string, text: string) => ParsedJson;

/**
 * The folders besides the config's own from which the host includes files: `OPENCLAW_INCLUDE_ROOTS`, a list of
 * paths (`:` between them, `;` on Windows), `~` for the home folder; an entry not absolute after that is dropped.
 */
export function includeRoots(variable: string | undefined): string[] {
  return (variable ?? "")
    .split(delimiter)
    .map((entry) => entry.trim().replace(/^~(?=$|[\\/])/, homedir()))
    .filter((entry) => entry !== "" && isAbsolute(entry))
    .map((entry) => normalize(entry));
}

export function followIncludes(config: SourceFile, parse: ParseConfig, allowedRoots: readonly string[] = []): FollowedConfig {
  const root = dirname(resolve(config.file));
  const roots = [root, ...allowedRoots].map((dir) => ({ dir, real: realOrSame(dir) }));
  const sources: SourceFile[] = [config];
  const problems: IncludeProblem[] = [];

  const problem = (at: Origin, rule: string, message: string, part: "value" | "key" = "value") =>
    problems.push({ file: at.source.file, ...at.source.parsed.locate(at.path, part), rule, message });

  /** `value` as the host reads it, with its includes merged in; `node` undefined when nothing below was included. */
  const process = (value: unknown, here: Origin, chain: readonly string[]): { value: unknown; node?: OriginNode } => {
    if (Array.isArray(value)) {
      const items = value.map((item, i) => process(item, at(here, i), chain));
      if (items.every((item) => item.node === undefined)) return { value };
      return { value: items.map((item) => item.value), node: { origin: here, children: new Map(items.map((item, i) => [i, item.node ?? { origin: at(here, i) }])) } };
    }
    if (!isRecord(value)) return { value };
    const members = Object.keys(value).filter((key) => key !== INCLUDE_KEY).map((key) => ({ key, ...process(value[key], at(here, key), chain) }));
    const rest = members.every((m) => m.node === undefined) && !(INCLUDE_KEY in value)
      ? { value }
      : { value: record(members.map((m) => [m.key, m.value])), node: { origin: here, children: new Map(members.map((m) => [m.key, m.node ?? { origin: at(here, m.key) }])) } };
    if (!(INCLUDE_KEY in value)) return rest;
    const included = includeAll(value[INCLUDE_KEY], at(here, INCLUDE_KEY), chain);
    // Not followed: left as written, for includes.ts to judge.
    if (included === undefined) return { value, node: { origin: here } };
    if (members.length === 0) return included;
    if (!isRecord(included.value)) {
      problem(at(here, INCLUDE_KEY), "config/include", "the included content is not an object, but the other keys beside `$include` need one to merge into: include an object, or move the other keys into the included file", "key");
      return { value, node: { origin: here } };
    }
    return merge(included.value, included.node, rest.value, rest.node ?? { origin: here });
  };

  /** What `$include` names, merged; undefined when it cannot be followed (said as a problem, except a malformed value, which includes.ts reports). */
  const includeAll = (paths: unknown, here: Origin, chain: readonly string[]): { value: unknown; node: OriginNode } | undefined => {
    const holder = { source: here.source, path: here.path.slice(0, -1) };
    if (typeof paths === "string") return includeOne(paths, here, holder, chain);
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string")) return undefined;
    let merged: { value: unknown; node: OriginNode } = { value: {}, node: {} };
    for (const [i, path] of paths.entries()) {
      const one = includeOne(path as string, at(here, i), holder, chain);
      if (one === undefined) return undefined;
      merged = merge(merged.value, merged.node, one.value, one.node);
    }
    return merged;
  };

  /** `here`: where the path is written; `holder`: the object whose `$include` it is. */
  const includeOne = (written: string, here: Origin, holder: Origin, chain: readonly string[]): { value: unknown; node: OriginNode } | undefined => {
    if (written.trim() === "") return undefined; // includes.ts says what is wrong with it
    if (written.includes("\0") || written.length >= MAX_INCLUDE_PATH_LENGTH) {
      problem(here, "config/include", `the path holds a NUL character or is ${MAX_INCLUDE_PATH_LENGTH} characters or longer, which the host refuses`);
      return undefined;
    }
    const file = normalize(isAbsolute(written) ? written : resolve(dirname(here.source.file), written));
    const real = realOrSame(file);
    if (!roots.some((r) => within(file, r.dir)) || !roots.some((r) => within(real, r.real))) {
      const others = allowedRoots.length > 0 ? ` or the folders of OPENCLAW_INCLUDE_ROOTS (${allowedRoots.join(", ")})` : "";
      // Inside by its path, outside by where a link in it leads (the host checks both).
      const where = roots.some((r) => within(file, r.dir)) ? `is a link to ${real}, outside` : "leads outside";
      problem(here, "config/include",
        `"${written}" ${where} the folder of the config (${root})${others}, and the host refuses to include files from outside ` +
          "them: move the file there, or list its folder in OPENCLAW_INCLUDE_ROOTS");
      return undefined;
    }
    if (chain.includes(real)) {
      problem(here, "config/include", `"${written}" is included again by itself (${[...chain, real].map((f) => relative(root, f) || f).join(" -> ")}): the host refuses a loop of includes; remove one`);
      return undefined;
    }
    if (chain.length > MAX_INCLUDE_DEPTH) {
      problem(here, "config/include", `"${written}" would make a chain of ${MAX_INCLUDE_DEPTH + 1} includes, one inside the other; the host follows ${MAX_INCLUDE_DEPTH} at most: merge some of the files`);
      return undefined;
    }
    let text: string;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) throw Object.assign(new Error("it is not a regular file (a pipe or a device, say)"), { code: stats.isDirectory() ? "EISDIR" : "ENOTFILE" });
      // The host opens an include with guards that refuse a file with another hard link (its fs-safe rejectHardlinks).
      if (stats.nlink > 1) {
        throw Object.assign(new Error(`it has ${stats.nlink} hard links (the same file under another name too), which the host does not read: make the other a copy`), { code: "EMLINK" });
      }
      if (stats.size > MAX_INCLUDE_BYTES) {
        problem(here, "config/include", `"${written}" is larger than the 2 MB the host reads of an included file: split it`);
        return undefined;
      }
      const read = configEncoding(readFileSync(file));
      if ("unreadable" in read) {
        problem(here, "config/include", `cannot read the included file "${written}" (${file}): ${read.unreadable}; the host refuses a config whose include it cannot read`);
        return undefined;
      }
      const badByte = read.notUtf8;
      if (badByte) problems.push({ file, ...badByte, endLine: badByte.line, endColumn: badByte.column, rule: "config/not-utf8", message: NOT_UTF8_WARNING, severity: "warning" });
      text = read.text;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // `.\sub\x.json5`, written on Windows: elsewhere a backslash is part of the name, not a folder separator.
      const slashes = sep === "/" && written.includes("\\") ? " (a `\\` separates folders only on Windows: write the path with `/`)" : "";
      const why = code === "ENOENT" ? `there is no such file${slashes}` : code === "EISDIR" ? "it is a folder, not a file" : code === "EACCES" ? "permission denied" : (error as Error).message;
      problem(here, "config/include", `cannot read the included file "${written}" (${file}): ${why}; the host refuses a config whose include it cannot read`);
      return undefined;
    }
    let parsed: ParsedJson;
    try {
      parsed = parse(file, text);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      const where = { line: error.line, column: error.column, endLine: error.line, endColumn: error.column };
      problems.push({ file, ...where, rule: "config/syntax", message: error.message });
      problem(here, "config/include", `the included file "${written}" cannot be parsed (see the error in it)`);
      return undefined;
    }
    const source = { file, parsed, at: [...(holder.source.at ?? []), ...holder.path] };
    // A file included twice (two files including the same third) is listed once: what is wrong in it is said once.
    if (!sources.some((s) => s.file === file)) sources.push(source);
    const origin = { source, path: [] };
    const done = process(parsed.value, origin, [...chain, real]);
    return { value: done.value, node: done.node ?? { origin } };
  };

  const followed = process(config.parsed.value, { source: config, path: [] }, [realOrSame(resolve(config.file))]);
  const top: OriginNode = followed.node ?? { origin: { source: config, path: [] } };
  return {
    value: followed.value,
    sources,
    problems,
    locate(path, part) {
      // Down the merged tree as far as it names where values came from, then within that file.
      let node = top;
      let last = top.origin!;
      let i = 0;
      while (i < path.length && node.children) {
        const next = node.children.get(path[i]!);
        if (!next) break;
        node = next;
        i++;
        if (node.origin) last = node.origin;
      }
      const own = node.origin !== undefined;
      const rest = own && node.children === undefined ? path.slice(i) : [];
      const target = own ? node.origin! : last;
      const exact = own && (node.children === undefined || i === path.length);
      return { file: target.source.file, ...target.source.parsed.locate([...target.path, ...rest], exact ? part : "value") };
    },
  };
}

/** The host's deep merge (arrays one after the other, objects key by key, else the later value), keeping where each value came from. */
function merge(target: unknown, targetNode: OriginNode, source: unknown, sourceNode: OriginNode): { value: unknown; node: OriginNode } {
  if (Array.isArray(target) && Array.isArray(source)) {
    const children = new Map<string | number, OriginNode>();
    target.forEach((_, i) => children.set(i, child(targetNode, i)));
    source.forEach((_, i) => children.set(target.length + i, child(sourceNode, i)));
    return { value: [...target, ...source], node: { origin: sourceNode.origin ?? targetNode.origin, children } };
  }
  if (isRecord(target) && isRecord(source)) {
    const entries = new Map<string, unknown>(Object.entries(target));
    const children = new Map<string | number, OriginNode>(Object.keys(target).map((key) => [key, child(targetNode, key)]));
    for (const key of Object.keys(source)) {
      if (BLOCKED_KEYS.has(key)) continue;
      if (entries.has(key)) {
        const merged = merge(entries.get(key), child(targetNode, key), source[key], child(sourceNode, key));
        entries.set(key, merged.value);
        children.set(key, merged.node);
      } else {
        entries.set(key, source[key]);
        children.set(key, child(sourceNode, key));
      }
    }
    return { value: record([...entries]), node: { origin: sourceNode.origin ?? targetNode.origin, children } };
  }
  return { value: source, node: sourceNode };
}

function child(node: OriginNode, key: string | number): OriginNode {
  const named = node.children?.get(key);
  if (named) return named;
  return node.origin && node.children === undefined ? { origin: at(node.origin, key) } : {};
}

function at(origin: Origin, key: string | number): Origin {
  return { source: origin.source, path: [...origin.path, key] };
}

/** An object with these own keys, `__proto__` among them if written (as the config's parser makes them). */
function record(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
