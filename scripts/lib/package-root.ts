// The folder of the kimi-config-sync package itself: the repository when run from
// source, node_modules/kimi-config-sync when installed. Found by walking up from
// this code (scripts/lib/ in source, dist/ in the bundle) to its package.json.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE_NAME = "kimi-config-sync";

let found: { root: string; version: string } | undefined;

function locate(): { root: string; version: string } {
  if (found) return found;
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === PACKAGE_NAME) return (found = { root: dir, version: manifest.version ?? "0.0.0" });
    } catch {
      // No package.json here: keep walking up.
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${import.meta.dirname}`);
  }
}

export const packageRoot = (): string => locate().root;
export const packageVersion = (): string => locate().version;
/** The catalog shipped in the package, the default when no configuration names one. */
export const bundledCatalog = (): string => join(packageRoot(), "schema", "catalog.jsonc");
