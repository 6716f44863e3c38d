// Finds the Markdown and MDX files under the docs folders and reads each once.
// Only files holding a `:start` or `:end` token are decoded and handed on; the
// byte search costs a fraction of a Markdown parse, and most pages hold no region.
//
// Symbolic links are never followed: a link to a file or folder inside the docs
// folders is synced through its real path; a link leading outside them is
// reported and left alone, so a run can never write outside the docs it was given.
import { appendAll } from "../lib/append.ts";
import { constants } from "node:buffer";
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { dirname, join, sep } from "node:path";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { readIntoScratch } from "../lib/scratch-read.ts";
import { notUtf8Problem, wideEncodingProblem } from "./encoding.ts";
import { mayHoldMarker } from "./markers.ts";

export interface DocFile {
  path: string;
  text: string;
}

/**
 * Looks at a file that holds no marker, from the bytes already read, so checks on
 * every doc cost no second read. `bytes` is only valid during the call.
 */
export type UnmarkedInspector = (path: string, bytes: Buffer) => Diagnostic[];

/**
 * Sees every UTF-8 file that may hold a marker, in place of keeping its text in
 * `files`; the caller reads again the ones it plans (readDocText), one at a time.
 * `bytes` is only valid during the call.
 */
export type MarkedFile = (path: string, bytes: Buffer) => void;

export interface Discovery {
  /** Files that may hold markers, in path order. */
  files: DocFile[];
  /** How many Markdown/MDX files were read. */
  docs: number;
  diagnostics: Diagnostic[];
}

const { MAX_STRING_LENGTH } = constants;

/** The pages of a docs tree, by name. */
export const DOC_FILE = /\.(?:mdx?|markdown)$/i;

/**
 * What `join(dir, name)` puts before a name read from the folder (`docs/`, or nothing
 * for `.`): the join is made once per folder, not once per file, as path.join
 * normalises the whole path each time (tens of megabytes on a 40,000-page tree).
 */
function pathPrefix(dir: string): string {
  return join(dir, "x").slice(0, -1);
}

/** `included`: a doc it rejects (an excluded one) is not read at all, nor counted. */
export function discoverDocs(dirs: readonly string[], inspectUnmarked?: UnmarkedInspector, marked?: MarkedFile, included?: (path: string) => boolean): Discovery {
  const result: Discovery = { files: [], docs: 0, diagnostics: [] };
  const roots: Array<{ dir: string; real: string }> = [];
  for (const dir of dirs) {
    try {
      if (!statSync(dir).isDirectory()) throw new Error("not a folder");
      roots.push({ dir, real: realpathSync(dir) });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such folder" : (error as Error).message;
      result.diagnostics.push(
        diagnostic(dir, { line: 1, column: 1 }, "docs/no-folder", `cannot read the docs folder: ${reason}; name the right one with --docs or with "docs" in the configuration file`),
      );
    }
  }
  const inside = (real: string) => roots.some((r) => real === r.real || real.startsWith(r.real + sep));
  // Folders, not files, are remembered: with overlapping --docs folders each is read once,
  // and a 40,000-page tree keeps a few thousand paths instead of 40,000.
  const seen = new Set<string>();
  /** Docs in folders the walk passes by, read through a link to them (see followIntoPassedBy). */
  const linkedFiles = new Set<string>();

  const kept = (path: string) => !included || included(path);

  const visit = (dir: string, realDir: string) => {
    if (seen.has(realDir)) return;
    seen.add(realDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      result.diagnostics.push(diagnostic(dir, { line: 1, column: 1 }, "docs/unreadable", `cannot list the folder: ${readProblem(error)}`));
      return;
    }
    const inDir = pathPrefix(dir);
    const inRealDir = pathPrefix(realDir);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        // An excluded folder is not even listed: everything under it is excluded too (exclude.ts).
        if (passedBy(entry.name) || !kept(inDir + entry.name)) continue;
        visit(inDir + entry.name, inRealDir + entry.name);
      } else if (entry.isSymbolicLink()) {
        if (kept(inDir + entry.name)) checkLink(inDir + entry.name);
      } else if (entry.isFile() && DOC_FILE.test(entry.name)) {
        if (linkedFiles.size > 0 && linkedFiles.has(inRealDir + entry.name)) continue; // read already, through a link to it
        if (kept(inDir + entry.name)) read(inDir + entry.name);
      }
    }
  };

  const checkLink = (path: string) => {
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      if (DOC_FILE.test(path)) warn(path, "docs/broken-link", "symbolic link to nothing; not synced");
      return;
    }
    // A link inside the docs is synced through its target's own path; links to other files are no docs.
    if (inside(target)) {
      followIntoPassedBy(target);
      return;
    }
    if (!(DOC_FILE.test(target) || isFolder(target))) return;
    warn(path, "docs/link-outside", `symbolic link to ${target}, outside the docs folders; not synced (nothing is written through links)`);
  };

  /**
   * The walk passes by hidden folders and node_modules; a doc or folder there that a link leads to is
   * read through its own path (once, however many links lead there), or its regions would go stale unseen.
   */
  const followIntoPassedBy = (target: string) => {
    const root = roots.find((r) => target.startsWith(r.real + sep));
    if (!root) return;
    const names = target.slice(root.real.length + 1).split(sep);
    let stats: Stats;
    try {
      stats = statSync(target);
    } catch {
      return; // gone since its link was resolved
    }
    const folder = stats.isDirectory();
    // Nor a named pipe or a device called `.md`: no doc, and reading one could wait forever.
    if (!folder && !stats.isFile()) return;
    if (!(folder ? names : names.slice(0, -1)).some(passedBy)) return;
    const path = join(root.dir, ...names);
    if (!kept(path)) return;
    if (folder) visit(path, target);
    else if (DOC_FILE.test(target) && !linkedFiles.has(target) && !seen.has(dirname(target))) {
      linkedFiles.add(target);
      read(path);
    }
  };

  const warn = (path: string, rule: string, message: string) =>
    result.diagnostics.push(diagnostic(path, { line: 1, column: 1 }, rule, message, "warning"));

  const read = (path: string) => {
    const bytes = readDocBytes(path);
    if (!Buffer.isBuffer(bytes)) {
      result.diagnostics.push(bytes);
      return;
    }
    result.docs++;
    const problem = asText(path, bytes, (): undefined => {
      if (!mayHoldMarker(bytes)) {
        const wide = wideEncodingProblem(path, bytes);
        if (wide) result.diagnostics.push(wide);
        else if (inspectUnmarked) appendAll(result.diagnostics, inspectUnmarked(path, bytes));
        return undefined;
      }
      const notUtf8 = notUtf8Problem(path, bytes);
      if (notUtf8) result.diagnostics.push(notUtf8);
      else if (marked) marked(path, bytes);
      else result.files.push({ path, text: bytes.toString("utf8") });
      return undefined;
    });
    if (problem) result.diagnostics.push(problem);
  };

  for (const root of roots) visit(root.dir, root.real);
  result.files.sort(inPathOrder);
  return result;
}

/** Folders the walk does not enter: node_modules and hidden ones (`.git`, `.vitepress`). */
export function passedBy(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/** Whether the path is a folder; false when it is gone (removed since its link was resolved, say) or cannot be looked at. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A doc that may hold markers, read again: its text, or why it cannot be used (as discovery says it). */
export function readDocText(path: string): string | Diagnostic {
  const bytes = readDocBytes(path);
  if (!Buffer.isBuffer(bytes)) return bytes;
  return asText(path, bytes, () => notUtf8Problem(path, bytes) ?? bytes.toString("utf8"));
}

/**
 * What `decode` makes of a doc's bytes; a doc too large for a JavaScript string (about 512 MB) cannot be
 * decoded at all, in any encoding: that is then the doc's problem, said with what to do.
 */
function asText<T>(path: string, bytes: Buffer, decode: () => T): T | Diagnostic {
  try {
    return decode();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_STRING_TOO_LONG") throw error;
    return diagnostic(path, { line: 1, column: 1 }, "docs/unreadable",
      `cannot read the file: it is too large to read as text (${bytes.length.toLocaleString("en-US")} bytes; a JavaScript string ` +
        `holds at most ${MAX_STRING_LENGTH.toLocaleString("en-US")} characters); split it, or leave it out with \`exclude\``);
  }
}

/** A doc's bytes (in the scratch buffer: see lib/scratch-read.ts), or why it cannot be read. */
function readDocBytes(path: string): Buffer | Diagnostic {
  try {
    return readIntoScratch(path);
  } catch (error) {
    // A name that is not UTF-8 (Latin-1 `caf\xe9.md`) reaches us with U+FFFD in place of its bytes, so it opens nothing.
    const reason = path.includes("\ufffd") && (error as NodeJS.ErrnoException).code === "ENOENT"
      ? "its name is not valid UTF-8 (perhaps Latin-1), so it cannot be opened by it; rename the file with a UTF-8 name"
      : readProblem(error);
    return diagnostic(path, { line: 1, column: 1 }, "docs/unreadable", `cannot read the file: ${reason}`);
  }
}

/** Why a file or folder could not be read, in words, with what to do. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied to the user running gen; change its permissions, or leave it out with `exclude`";
  if (code === "ENOENT") return "it was removed while the run read the docs";
  return (error as Error).message;
}

/** Docs in the order they are planned and reported: by path, code point by code point. */
function inPathOrder(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
