// All-or-nothing writes: every new content goes to a temporary file beside its
// target first; only when all of them are written, and every target still holds
// what the plan was made from, are they renamed into place. If a rename fails,
// the files already replaced get their old content back.
//
// The old contents are not kept in memory: just before the renames each target
// gets a second name (a hard link, `.<name>.kcs-<pid>-<random>.old`), which a
// failed run renames back and a finished one removes. Where the file system has
// no hard links, the old bytes are kept instead.
//
// Temporary names are `.<name>.kcs-<pid>-<random>.tmp`: unique even where every
// run has the same process id (PID 1 in a container). A run killed outright
// (`kill -9`) cannot remove its own; the next write to that folder recognises
// them by name and removes them once their process is gone.
import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { contentKey } from "./content-cache.ts";
import { printablePath } from "./printable-path.ts";
import { readIntoScratch } from "./scratch-read.ts";
import { testPause } from "./test-pause.ts";

/** The file-system calls used here, so tests can inject failures. */
export interface WriteFs {
  writeFileSync(path: string, data: string | Uint8Array, options: { flag: string; mode?: number }): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
  linkSync(existing: string, name: string): void;
  statSync(path: string): { mode: number };
  chmodSync(path: string, mode: number): void;
  accessSync(path: string, mode: number): void;
}

/** A content known by its key (content-cache.ts) rather than kept: enough to tell a file still holds it. */
export interface KeyedContent {
  key: string;
}

export interface FileWrite {
  path: string;
  /**
   * Content the plan was made from (null: the file did not exist), as text or by its
   * key; the file must still hold it, and gets it back if a later step fails.
   */
  before: string | KeyedContent | null;
  after: string | Uint8Array;
}

export class WriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: Error,
    /** Files a failed write could not put back, each with where its old content is. */
    readonly unrestored: ReadonlyArray<{ path: string; oldAt: string }> = [],
  ) {
    super(unrestored.length === 0
      ? `${printablePath(file)}: cannot write: ${cause.message}; no file was changed`
      : `${printablePath(file)}: cannot write: ${cause.message}; ${unrestored.length} file(s) already replaced could not be put back: ` +
        `${unrestored.map((u) => `${printablePath(u.path)} (its old content is in ${printablePath(u.oldAt)}; rename it back)`).join(", ")}`);
    this.name = "WriteError";
  }
}

const TEMP = /^\.(.+)\.kcs-(\d+)-[0-9a-f]{12}\.(?:tmp|old)$/;
/** A temporary file this old is left from a dead run even if its process id is in use again. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Whether a file name is one of the writer's own temporary files (a watcher ignores them). */
export function isWriterFile(name: string): boolean {
  return TEMP.test(name);
}

/** Bytes of the file's name kept in its temporary names: a file system allows 255, and the rest of the name needs 30. */
const NAME_BYTES_KEPT = 150;

function tempPathFor(path: string, kind: "tmp" | "old" = "tmp"): string {
  let name = basename(path);
  // A long name (76 CJK characters are 228 bytes) is cut, on a character, so that its temporary name is not too long.
  while (Buffer.byteLength(name) > NAME_BYTES_KEPT) name = [...name].slice(0, -1).join("");
  return join(dirname(path), `.${name}.kcs-${process.pid}-${process.getBuiltinModule("node:crypto").randomBytes(6).toString("hex")}.${kind}`);
}

/** Signals that would end the process between two renames; held off while the write runs. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Ctrl-C or a `kill` during the write does not cut it in half: while a listener is
 * installed the signal only queues, and the write, which runs without yielding,
 * finishes first (it takes milliseconds). The run then ends as usual.
 */
export function writeAllOrNothing(files: readonly FileWrite[], fs: WriteFs = nodeFs): void {
  const holdOff = () => {};
  for (const signal of STOP_SIGNALS) process.on(signal, holdOff);
  try {
    writeFiles(files, fs);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, holdOff);
  }
}

function writeFiles(files: readonly FileWrite[], fs: WriteFs): void {
  const targets = files.map((file) => ({ ...file, path: writeTarget(file.path) }));
  const seen = new Map<string, string>();
  for (const [i, target] of targets.entries()) {
    const key = resolve(target.path);
    const first = seen.get(key);
    // One content would silently replace the other: a mistake in what was planned, stopped before any write.
    if (first !== undefined) throw new WriteError(files[i]!.path, new Error(`${first} is the same file and was given another content`));
    seen.set(key, files[i]!.path);
  }
  removeStaleTemps(new Set(targets.map((file) => dirname(file.path))));

  const staged: Array<{ file: FileWrite; temp: string }> = [];
  const removeStaged = (from = 0) => {
    for (const { temp } of staged.slice(from)) {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // Never made (its folder is not a folder, say): the error that stopped the write is the one to report.
      }
    }
  };
  for (const file of targets) {
    const temp = tempPathFor(file.path);
    try {
      const mode = modeOf(fs, file.path);
      // Renaming would replace a file even where this user may not write to it; ask the
      // system rather than read the mode bits, so that root rewrites a 0444 file as
      // `sed -i` or an editor would, and the file keeps its mode.
      if (!mayWrite(fs, file.path)) throw new Error("the file is read-only");
      staged.push({ file, temp });
      fs.writeFileSync(temp, file.after, { flag: "wx", mode });
      // The mode given on creation loses the bits the umask holds back (a group-writable page would not stay so).
      if (file.before !== null) fs.chmodSync(temp, mode);
    } catch (error) {
      removeStaged();
      throw new WriteError(file.path, folderProblem(error as NodeJS.ErrnoException, file.path) ?? (error as Error));
    }
  }

  testPause("before-rename");
  // Checked last, so that the window in which another program's save could be lost is as short as it can be.
  const olds: Array<OldContent | null> = [];
  /** Removes the second names, but those of files that could not be put back (`kept`). */
  const dropOlds = (kept: ReadonlySet<string> = new Set()) => {
    for (const old of olds) if (old?.link && !kept.has(old.link)) fs.rmSync(old.link, { force: true });
  };
  for (const { file } of staged) {
    const current = unchangedContent(file);
    if (current === false || current === "removed") {
      removeStaged();
      dropOlds();
      throw new WriteError(file.path, new Error(current === "removed"
        ? "it was removed after `gen` read it (by another program, or a checkout); run `gen` again"
        : "it changed on disk after `gen` read it (another program saved it meanwhile); run `gen` again"));
    }
    olds.push(current === null ? null : keepOld(fs, file.path, current));
  }

  for (const [i, { file, temp }] of staged.entries()) {
    try {
      fs.renameSync(temp, file.path);
    } catch (error) {
      removeStaged(i);
      const unrestored = restore(staged.slice(0, i).map(({ file }, j) => ({ path: file.path, old: olds[j]! })), fs);
      dropOlds(new Set(unrestored.map((u) => u.oldAt)));
      throw new WriteError(file.path, error as Error, unrestored);
    }
  }
  dropOlds();
}

/** A replaced file's old content while the renames run: a second name for it, or its bytes. */
interface OldContent {
  link?: string;
  bytes?: Buffer;
}

function keepOld(fs: WriteFs, path: string, current: Buffer): OldContent {
  const link = tempPathFor(path, "old");
  try {
    fs.linkSync(path, link);
    return { link };
  } catch {
    return { bytes: Buffer.from(current) }; // no hard links here (FAT, some network shares)
  }
}

/**
 * Where to write a path: through a symbolic link to the file it points at (renaming
 * over the link would replace it with a regular file). A link to nothing is refused.
 */
function writeTarget(path: string): string {
  let link: nodeFs.Stats;
  try {
    link = nodeFs.lstatSync(path);
  } catch {
    return path; // a new file
  }
  if (!link.isSymbolicLink()) {
    if (link.isDirectory()) throw new WriteError(path, new Error("it is a folder, where a generated file belongs; move the folder away"));
    return path;
  }
  try {
    return nodeFs.realpathSync(path);
  } catch {
    throw new WriteError(path, new Error(`it is a symbolic link to ${nodeFs.readlinkSync(path)}, which does not exist; ` +
      "create the file it points at, or replace the link with a file"));
  }
}

/**
 * The file's bytes when it still holds what the plan was made from (null: it did not and does not exist);
 * false when not, "removed" when it existed and is gone.
 */
function unchangedContent(file: FileWrite): Buffer | null | false | "removed" {
  let current: Buffer;
  try {
    current = readIntoScratch(file.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return false;
    return file.before === null ? null : "removed";
  }
  const { before } = file;
  if (before === null) return false;
  const holds = typeof before === "string" ? current.toString("utf8") === before : contentKey(current) === before.key;
  return holds ? current : false; // the shared buffer: keepOld copies it if it must keep it
}

/** Removes temporary files of earlier runs that were killed before they could remove their own. */
function removeStaleTemps(dirs: Iterable<string>): void {
  const now = Date.now();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = nodeFs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP.exec(name);
      if (!match) continue;
      const path = join(dir, name);
      const pid = Number(match[2]);
      try {
        // Our own process id: this run has made no temporary file yet, so it is a former run's (PID 1 in containers).
        const stale = pid === process.pid || !isRunning(pid) || now - nodeFs.statSync(path).mtimeMs > STALE_AFTER_MS;
        if (stale) nodeFs.rmSync(path, { force: true });
      } catch {
        // Gone already (another run removed it).
      }
    }
  }
}

/** Whether a process with this id exists (EPERM: it does, as another user's). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Puts back the files already replaced: the old name again (a rename, as atomic as the
 * write), or the old bytes. Returns those it could not put back whose old content is
 * still on disk under its second name (which is then left in place).
 */
function restore(done: ReadonlyArray<{ path: string; old: OldContent | null }>, fs: WriteFs): Array<{ path: string; oldAt: string }> {
  const unrestored: Array<{ path: string; oldAt: string }> = [];
  for (const { path, old } of done) {
    try {
      if (old === null) fs.rmSync(path, { force: true });
      else if (old.link) fs.renameSync(old.link, path);
      else fs.writeFileSync(path, old.bytes!, { flag: "w" });
    } catch (error) {
      if (old?.link) unrestored.push({ path, oldAt: old.link });
      else throw error;
    }
  }
  return unrestored;
}

/** False when the file exists and this process may not write to it. */
/**
 * A temporary file that cannot be made beside a target the user may write: the folder
 * is the problem (the error names the temporary file, which the user never sees).
 */
function folderProblem(error: NodeJS.ErrnoException, target: string): Error | undefined {
  if (error.code === "EROFS") return new Error("the file system is mounted read-only");
  if (error.code !== "EACCES" && error.code !== "EPERM") return undefined;
  return new Error(`the folder ${dirname(target)} is not writable, and a file is replaced by writing a new one beside it ` +
    "and renaming it over the old one; make the folder writable");
}

function mayWrite(fs: WriteFs, path: string): boolean {
  try {
    fs.accessSync(path, nodeFs.constants.W_OK);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return true;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") return false;
    throw error;
  }
}

/** Keep the target's permission bits (set-id and sticky bits too); a new file gets the usual 0644, less the umask. */
function modeOf(fs: WriteFs, path: string): number {
  try {
    return fs.statSync(path).mode & 0o7777;
  } catch {
    return 0o644;
  }
}
