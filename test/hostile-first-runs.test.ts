// Concurrent first runs: several `gen` processes start at once on an install
// whose bundle must be rebuilt (a source changed). Every one of them must run the
// command as usual: no half-written bundle read, no stack trace, no drift.
import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { spawnCli } from "./support/child-cli.ts";
import { repoRoot, tempDir } from "./support/run-cli.ts";

it("four first runs at once after a source change all succeed", async () => {
  const install = tempDir("kcs-install-");
  for (const name of ["scripts", "schema"]) cpSync(join(repoRoot, name), join(install, name), { recursive: true });
  for (const name of ["package.json", "pnpm-lock.yaml"]) cpSync(join(repoRoot, name), join(install, name));
  symlinkSync(join(repoRoot, "node_modules"), join(install, "node_modules"));
  const docs = join(install, "empty-docs");
  mkdirSync(docs);

  const bin = join(install, "scripts", "bin.mjs");
  const args = ["gen", "--check", "--catalog", join(install, "schema", "catalog.jsonc"), "--docs", docs];
  const results = await Promise.all([1, 2, 3, 4].map(() => spawnCli(args, { bin, cwd: install }).done));

  for (const result of results) {
    expect(result.stderr).not.toMatch(/\n\s+at .+[(:]\d+/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/up to date/);
  }
}, 60_000);
