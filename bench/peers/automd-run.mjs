// automd over a docs folder, with one generator per region name that returns the
// region's body (read from a JSON file). automd has no check mode: with --check this
// runs its `transform` on every page, as its own runner does, and writes nothing;
// the exit code is 1 when a page would change, like `gen --check`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { automd, transform } from "automd";

const { values } = parseArgs({
  options: { dir: { type: "string" }, content: { type: "string" }, check: { type: "boolean", default: false } },
});
if (!values.dir || !values.content) {
  console.error("usage: automd-run.mjs --dir DIR --content BODIES.json [--check]");
  process.exit(2);
}

const bodies = JSON.parse(readFileSync(values.content, "utf8"));
const generators = Object.fromEntries(
  Object.entries(bodies).map(([name, body]) => [name, { name, generate: () => ({ contents: body }) }]),
);

let changed = 0;
let issues = 0;
if (values.check) {
  const pages = readdirSync(values.dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.mdx?$/.test(f));
  for (const page of pages) {
    const result = await transform(readFileSync(join(values.dir, page), "utf8"), { generators });
    if (result.hasChanged) changed++;
    if (result.hasIssues) issues++;
  }
} else {
  const { results } = await automd({ dir: values.dir, input: ["**/*.md", "**/*.mdx"], generators });
  changed = results.filter((r) => r.hasChanged).length;
  issues = results.filter((r) => r.hasIssues).length;
}
console.log(`${changed} files ${values.check ? "out of date" : "updated"}`);
if (issues > 0) console.error(`${issues} files with issues`);
process.exitCode = issues > 0 ? 2 : values.check && changed > 0 ? 1 : 0;
