// The dependency patches in patches/ (a micromark fix for a quadratic slowdown, a
// momoa fix for a tokenizer that never ends), applied by the build itself. pnpm
// applies them to node_modules (pnpm-workspace.yaml, patchedDependencies); npm,
// which pre-commit's `language: node` and other installs use, does not. So each
// patched file the bundle takes is checked as it is loaded: a file pnpm patched
// is taken as it is, an unpatched one gets its patch, and a file the patch does
// not fit (another version of the package) stops the build, since a bundle
// without the fix could hang.
const { readFileSync, readdirSync } = process.getBuiltinModule("node:fs");
const { join, sep } = process.getBuiltinModule("node:path");

/** `@scope__name@1.2.3.patch` → the package's name and version. */
function patchTarget(fileName) {
  const match = /^(.+)@([^@]+)\.patch$/.exec(fileName);
  if (!match) throw new Error(`patches/${fileName}: a patch is named <package>@<version>.patch`);
  return { name: match[1].replace(/^(@[^_]+)__/, "$1/"), version: match[2] };
}

/** Every patched file: its path inside the package, and the patch of it. */
export async function readPatches(root) {
  const { parsePatch } = await import("diff");
  const folder = join(root, "patches");
  return readdirSync(folder)
    .filter((f) => f.endsWith(".patch"))
    .flatMap((fileName) => {
      const { name, version } = patchTarget(fileName);
      return parsePatch(readFileSync(join(folder, fileName), "utf8")).map((patch) => ({
        name,
        version,
        file: patch.newFileName.replace(/^b\//, ""),
        patch,
      }));
    });
}

/** The file's text with its patch: as it is when the patch is already in it; undefined when the patch does not fit. */
export async function patchedText(text, patch) {
  const { applyPatch, reversePatch } = await import("diff");
  // Already patched (pnpm): the patch reversed applies, and the patch itself does not.
  if (applyPatch(text, reversePatch(patch)) !== false && applyPatch(text, patch) === false) return text;
  const patched = applyPatch(text, patch);
  return patched === false ? undefined : patched;
}

/** An esbuild plugin that loads each patched file of a dependency with its patch (see above). */
export function patchedDependencies(root, patches) {
  const byPath = new Map(patches.map((p) => [[p.name, p.file].join("/").split("/").join(sep), p]));
  return {
    name: "patched-dependencies",
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]/ }, async (args) => {
        const inPackage = [...byPath.keys()].find((key) => args.path.endsWith(`${sep}node_modules${sep}${key}`));
        if (inPackage === undefined) return undefined;
        const { name, version, patch } = byPath.get(inPackage);
        const contents = await patchedText(readFileSync(args.path, "utf8"), patch);
        if (contents === undefined) {
          return { errors: [{ text: `${args.path}: the patch patches/${name.replace("/", "__")}@${version}.patch does not fit this file; install ${name}@${version}` }] };
        }
        return { contents, loader: "js" };
      });
    },
  };
}
