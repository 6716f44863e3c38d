// A real file system with one injected failure, for proving that writes are
// all-or-nothing: the n-th temporary-file write or the n-th rename fails.
import * as nodeFs from "node:fs";
import type { WriteFs } from "../../scripts/lib/write-files.ts";

export type Fault =
  | { op: "write"; nth: number; /** Write this many characters of the content before failing, as a full disk does. */ partial?: number }
  | { op: "rename"; nth: number };

export class InjectedFault extends Error {
  constructor(readonly path: string) {
    super(`EIO: injected failure at ${path}`);
    this.name = "InjectedFault";
  }
}

/** Temporary files are created exclusively ("wx"); restoring old content uses "w". */
export function faultyFs(fault: Fault): WriteFs & { calls: { write: number; rename: number } } {
  const calls = { write: 0, rename: 0 };
  return {
    calls,
    writeFileSync(path, data, options) {
      if (options.flag === "wx") {
        calls.write += 1;
        if (fault.op === "write" && calls.write === fault.nth) {
          if (fault.partial !== undefined) nodeFs.writeFileSync(path, data.slice(0, fault.partial), options);
          throw new InjectedFault(path);
        }
      }
      nodeFs.writeFileSync(path, data, options);
    },
    renameSync(from, to) {
      calls.rename += 1;
      if (fault.op === "rename" && calls.rename === fault.nth) throw new InjectedFault(to);
      nodeFs.renameSync(from, to);
    },
    rmSync: (path, options) => nodeFs.rmSync(path, options),
    statSync: (path) => nodeFs.statSync(path),
  };
}
