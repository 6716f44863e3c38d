// Reads a file into one buffer that every read reuses. Most files a run reads are
// only searched or compared, and the ones it keeps are decoded straight from the
// buffer, so no read allocates memory of its own: fresh memory costs a page fault
// for every 4 KB, which made keeping copies of pages dearer than reading them again.
import { closeSync, openSync, readSync } from "node:fs";

let scratch = Buffer.allocUnsafeSlow(1 << 16);
/** The shared buffer grows up to this; a larger file gets a buffer of its own, so one huge page is not held for good. */
const SCRATCH_MAX = 4 << 20;

/** The file's bytes, in the shared buffer: valid until the next call (copy what must outlive it). */
export function readIntoScratch(path: string): Buffer {
  let buffer = scratch;
  let size = 0;
  const fd = openSync(path, "r");
  try {
    for (let n; (n = readSync(fd, buffer, size, buffer.length - size, null)) > 0; ) {
      size += n;
      if (size === buffer.length) {
        const grown = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(grown);
        buffer = grown;
        if (grown.length <= SCRATCH_MAX) scratch = grown;
      }
    }
  } finally {
    closeSync(fd);
  }
  return buffer.subarray(0, size);
}
