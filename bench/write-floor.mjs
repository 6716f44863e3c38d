// The floor of a write: what any tool that rewrites the drifted pages safely pays.
// Reads every Markdown/MDX file as the floor does, then replaces each page listed
// in the list file with its up-to-date version from the clean tree, the way an
// atomic write must: a temporary file beside it, renamed over it. No planning, no
// checks: the file system's share of `gen`.
// Usage: node write-floor.mjs <tree> <list of pages, one per line> <clean tree>
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readPages } from "./read-pages.mjs";

const [tree, list, clean] = process.argv.slice(2);
let files = 0;
readPages(tree, () => files++);
const pages = readFileSync(list, "utf8").split("\n").filter(Boolean);
for (const page of pages) {
  const target = join(tree, page);
  const temp = join(tree, page, "..", `.${page.split("/").at(-1)}.write-floor.tmp`);
  writeFileSync(temp, readFileSync(join(clean, page)), { flag: "wx" });
  renameSync(temp, target);
}
console.log(`${files} files read, ${pages.length} replaced`);
