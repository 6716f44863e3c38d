// All-or-nothing writes: every new content goes to a temporary file beside its
// target first; only when all of them are written are they renamed into place.
// If a rename fails, the files already replaced get their old content back.
import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";

/** The file-system calls used here, so tests can inject failures. */
export interface WriteFs {
  writeFileSync(path: string, data: string, options: { flag: string; mode?: number }): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
  statSync(path: string): { mode: number };
}

export interface FileWrite {
  path: string;
  /** Current content (null: the file does not exist yet), restored if a later step fails. */
  before: string | null;
  after: string;
}

export class WriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: Error,
  ) {
    super(`${file}: cannot write: ${cause.message}; no file was changed`);
    this.name = "WriteError";
  }
}

export function writeAllOrNothing(files: readonly FileWrite[], fs: WriteFs = nodeFs): void {
  const staged: Array<{ file: FileWrite; temp: string }> = [];
  for (const file of files) {
    const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
    try {
      const mode = modeOf(fs, file.path);
      // Renaming would replace a read-only file even where writing to it is refused.
      if ((mode & 0o200) === 0) throw new Error("the file is read-only");
      staged.push({ file, temp });
      fs.writeFileSync(temp, file.after, { flag: "wx", mode });
    } catch (error) {
      for (const { temp: written } of staged) fs.rmSync(written, { force: true });
      throw new WriteError(file.path, error as Error);
    }
  }

  const done: FileWrite[] = [];
  for (const [i, { file, temp }] of staged.entries()) {
    try {
      fs.renameSync(temp, file.path);
      done.push(file);
    } catch (error) {
      for (const { temp: rest } of staged.slice(i)) fs.rmSync(rest, { force: true });
      restore(done, fs);
      throw new WriteError(file.path, error as Error);
    }
  }
}

function restore(done: readonly FileWrite[], fs: WriteFs): void {
  for (const file of done) {
    if (file.before === null) fs.rmSync(file.path, { force: true });
    else fs.writeFileSync(file.path, file.before, { flag: "w" });
  }
}

/** Keep the target's permission bits; a new file gets the usual 0644. */
function modeOf(fs: WriteFs, path: string): number {
  try {
    return fs.statSync(path).mode & 0o777;
  } catch {
    return 0o644;
  }
}
