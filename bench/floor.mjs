// The floor: what any tool that must read the tree pays. Lists the docs folder,
// reads every Markdown/MDX file and looks for the marker bytes, nothing more.
import { readPages } from "./read-pages.mjs";

const START = Buffer.from(":start");
const END = Buffer.from(":end");
let files = 0;
let marked = 0;
readPages(process.argv[2], (bytes) => {
  files++;
  if (bytes.indexOf(START) !== -1 || bytes.indexOf(END) !== -1) marked++;
});
console.log(`${files} files, ${marked} with a marker token`);
