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

/**
 * Temporary files are created exclusively ("wx"); restoring old content uses "w".
 * `links: false` is a file system without hard links (FAT, some network shares).
 */
export function faultyFs(fault: Fault, { links = true } = {}): WriteFs & { calls: { write: number; rename: number } } {
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
    linkSync(existing, name) {
      if (!links) throw Object.assign(new Error(`EPERM: operation not permitted, link '${existing}' -> '${name}'`), { code: "EPERM" });
      nodeFs.linkSync(existing, name);
    },
    statSync: (path) => nodeFs.statSync(path),
    chmodSync: (path, mode) => nodeFs.chmodSync(path, mode),
    accessSync: (path, mode) => nodeFs.accessSync(path, mode),
  };
}

/**
 * The real file system as a user without root's override sees it: a file without a
 * write bit cannot be written. Under root (as CI runs) the system itself would say
 * yes, so the answer is computed from the mode bits as the kernel does for its owner.
 */
export function unprivilegedFs(): WriteFs {
  const asRoot = process.getuid?.() === 0;
  return {
    writeFileSync: (path, data, options) => nodeFs.writeFileSync(path, data, options),
    renameSync: (from, to) => nodeFs.renameSync(from, to),
    rmSync: (path, options) => nodeFs.rmSync(path, options),
    linkSync: (existing, name) => nodeFs.linkSync(existing, name),
    statSync: (path) => nodeFs.statSync(path),
    chmodSync: (path, mode) => nodeFs.chmodSync(path, mode),
    accessSync(path, mode) {
      if (!asRoot) return nodeFs.accessSync(path, mode);
      const bits = nodeFs.statSync(path).mode;
      if (mode & nodeFs.constants.W_OK && (bits & 0o200) === 0) {
        throw Object.assign(new Error(`EACCES: permission denied, access '${path}'`), { code: "EACCES" });
      }
    },
  };
}
