// The ids the catalog learnt in its late-2026 update, through the real `validate`
// command: new ids are valid with no warning, under the provider's canonical id and
// its aliases; ids users still have in their configs warn and name the replacement.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support/run-cli.ts";

const scratch = tempDir("catalog-ids-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A config that only names refs (no `models.providers`), so that only the catalog can know them. */
function configNaming(refs: readonly string[]): string {
  const file = join(scratch, `config-${refs.length}-${refs[0]!.replace(/\W/g, "_")}.json5`);
  const [primary, ...fallbacks] = refs;
  writeFileSync(file, JSON.stringify({ agents: { defaults: { model: { primary, fallbacks } } } }, null, 2));
  return file;
}

describe("validate knows the catalog's new ids", () => {
  const current = [
    "moonshot/kimi-k3.1-pro",
    "moonshot/kimi-k3.1-pro-highspeed",
    "kimi/k3-256k",
    "kimi/kimi-for-coding-highspeed",
    "kimi/kimi-for-coding",
    // The provider's older ids still name the same models.
    "kimi-code/k3",
    "kimi-coding/k3-256k",
  ];

  it("accepts every new id without a warning", async () => {
    const result = await runCli(["validate", configNaming(current)]);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)");
    expect(result.code).toBe(0);
  });

  it("still calls a misspelt id under an alias unknown, suggesting the new id", async () => {
    const result = await runCli(["validate", configNaming(["kimi-code/k3-265k"])]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown model "kimi-code/k3-265k"');
    expect(result.stdout).toContain("did you mean `kimi-code/k3-256k`?");
  });
});

describe("validate names the replacement of ids users still have", () => {
  const retired: Array<[ref: string, date: string]> = [
    ["moonshot/kimi-latest", "2026-05-25"],
    ["moonshot/moonshot-v1-8k-vision-preview", "2026-08-31"],
    ["moonshot/moonshot-v1-32k-vision-preview", "2026-08-31"],
    ["moonshot/moonshot-v1-128k-vision-preview", "2026-08-31"],
    ["moonshot/moonshot-v1-auto", "2026-08-31"],
    ["moonshot/kimi-k2-turbo", "2026-05-25"],
  ];

  it.each(retired)("%s warns, is retired as of %s, and names moonshot/kimi-k2.6", async (ref, date) => {
    const result = await runCli(["validate", configNaming([ref])]);
    expect(result.code).toBe(0);
    const warning = result.stdout.split("\n").find((line) => line.includes(ref));
    expect(warning).toContain(`warning: "${ref}"`);
    expect(warning).toContain(`is retired as of ${date}`);
    expect(warning).toContain("use `moonshot/kimi-k2.6` (Kimi K2.6) instead");
    expect(warning).not.toContain("unknown model");
  });
});
