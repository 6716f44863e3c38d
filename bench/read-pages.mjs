// Lists a docs tree and reads every Markdown/MDX page, handing each page's bytes on:
// the part of the floors (floor.mjs, write-floor.mjs) that any tool pays.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function readPages(dir, onPage = () => {}) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readPages(path, onPage);
    else if (/\.mdx?$/.test(entry.name)) onPage(readFileSync(path));
  }
}
