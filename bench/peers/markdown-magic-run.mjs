// markdown-magic over a docs folder, with one transform per region name that
// returns the region's body (read from a JSON file). With --check nothing is
// written and the exit code is 1 when a block would change, like `gen --check`.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import markdownMagicModule from "markdown-magic";

const { values } = parseArgs({
  options: { dir: { type: "string" }, content: { type: "string" }, check: { type: "boolean", default: false } },
});
if (!values.dir || !values.content) {
  console.error("usage: markdown-magic-run.mjs --dir DIR --content BODIES.json [--check]");
  process.exit(2);
}

const bodies = JSON.parse(readFileSync(values.content, "utf8"));
const transforms = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, () => body]));

const result = await markdownMagicModule.markdownMagic({
  files: [`${values.dir}/**/*.md`, `${values.dir}/**/*.mdx`],
  transforms,
  silent: true,
  failOnMissingTransforms: true,
  // markdown-magic 4.11 documents `dry`, but only `dryRun` reaches the code that writes files.
  dryRun: values.check,
});
const changed = result.results.filter((file) => file.isChanged).length;
console.log(`${changed} files ${values.check ? "out of date" : "updated"}`);
process.exitCode = values.check && changed > 0 ? 1 : 0;
