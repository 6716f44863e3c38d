// Whether a source checkout's bundle in dist/ must be rebuilt. build.mjs writes
// the stamp, dist/.built, listing the bundle's inputs. CommonJS, because bin.cjs
// asks on every run from a checkout, and a require() costs less than an import.
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const stamp = join(root, "dist", ".built");

/**
 * True when the bundle is missing or older than one of its inputs: the sources
 * it was built from (the stamp lists them), build.mjs, package.json and the
 * lockfile. A new source matters only once an input imports it, and that input
 * is then newer.
 */
function isStale() {
  let built;
  let inputs;
  try {
    built = statSync(stamp).mtimeMs;
    inputs = JSON.parse(readFileSync(stamp, "utf8")).inputs;
  } catch {
    return true;
  }
  if (!Array.isArray(inputs)) return true;
  // Joined by hand: path.join normalizes each path, a third of this check's time; the inputs are already normal.
  const prefix = `${root}/`;
  return inputs.some((input) => !(statSync(prefix + input, { throwIfNoEntry: false })?.mtimeMs <= built));
}

module.exports = { isStale, stamp };
