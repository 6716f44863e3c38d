// The floor: what any tool that must read the tree pays. Lists the docs folder,
// reads every Markdown/MDX file and looks for the marker bytes, nothing more.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const START = Buffer.from(":start");
const END = Buffer.from(":end");
let files = 0;
let marked = 0;
const visit = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) visit(path);
    else if (/\.mdx?$/.test(entry.name)) {
      const bytes = readFileSync(path);
      files++;
      if (bytes.indexOf(START) !== -1 || bytes.indexOf(END) !== -1) marked++;
    }
  }
};
visit(process.argv[2]);
console.log(`${files} files, ${marked} with a marker token`);
