// Bundles the TypeScript CLI into dist/ with esbuild, so that running it costs
// no TypeScript compilation. bin.mjs calls this whenever a source is newer
// than the bundle; `pnpm build` forces it.
import { build } from "esbuild";
import { readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const dist = join(root, "dist");
export const stamp = join(dist, ".built");

/** Every input the bundle depends on: TypeScript under scripts/ and schema/, and the lockfile. */
export function sourceFiles() {
  const files = [join(root, "package.json"), join(root, "pnpm-lock.yaml")];
  for (const dir of ["scripts", "schema"]) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".ts")) files.push(join(entry.parentPath, entry.name));
    }
  }
  return files;
}

/** True when the bundle is missing or older than any source. */
export function isStale() {
  let built;
  try {
    built = statSync(stamp).mtimeMs;
  } catch {
    return true;
  }
  return sourceFiles().some((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs > built);
}

export async function buildCli() {
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: { cli: join(root, "scripts/cli.ts") },
    outdir: dist,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    // Some dependencies are CommonJS and call require() for Node built-ins.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
