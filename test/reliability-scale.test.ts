// Size: a 50 MB document and a catalog of 10,000 models go through generation
// without crashing and with correct output, and time grows linearly (a ratio of
// CPU times for inputs of size n and 4n against a generous bound). These run in
// the long run only (`pnpm test:fuzz`): they take seconds, and the behaviour they
// check at this size (every region filled, every other byte kept, up to date on a
// second run) is what the small random cases of reliability-regions check on every
// `pnpm test`. `pnpm bench` measures whole trees of 2,000 to 40,000 pages.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import type { CatalogInput } from "../schema/catalog.ts";
import { parseCatalog } from "../scripts/catalog/load.ts";
import { REGION_KINDS } from "../scripts/docs/kinds/index.ts";
import { RegionNames } from "../scripts/docs/names.ts";
import { syncDoc, syncDocs } from "../scripts/docs/sync.ts";
import { writeAllOrNothing } from "../scripts/lib/write-files.ts";
import { catalogText } from "./support/catalog-arbitraries.ts";
import type { Piece, RegionPlan } from "./support/document-arbitraries.ts";
import { fuzzing } from "./support/fc.ts";
import { leastCpuMs, manyModelCatalog } from "./support/large-inputs.ts";
import { codeBlockList, expectedCodeData, expectedListItems, newBodies, nodesOfType, parseDocument, plainText } from "./support/region-oracle.ts";
import { runCli, tempDir } from "./support/run-cli.ts";

const FIXTURE_CATALOG = join(import.meta.dirname, "fixtures", "hostile", "catalog.jsonc");
const catalogInput = JSON5.parse(readFileSync(FIXTURE_CATALOG, "utf8")) as CatalogInput;
const catalog = parseCatalog(FIXTURE_CATALOG, readFileSync(FIXTURE_CATALOG, "utf8"));

const IDS: RegionPlan = { name: "demo-ids", group: "demo", kind: "ids", context: "markdown" };
const ALIASES: RegionPlan = { name: "demo-aliases", group: "demo", kind: "aliases", context: "code", before: [], after: [] };
const PROSE = `${"Lorem ipsum dolor sit amet, a | b, `code`, *emphasis* and [a link](https://example.com). ".repeat(40)}\n\n`;

/** About `bytes` of sections, each with prose, a Markdown list region and a JSON5 region, as kept pieces and bodies. */
function bigDocument(bytes: number): { text: string; pieces: Piece[] } {
  const section = (i: number): Piece[] => [
    { text: `## Section ${i}\r\n\r\n${PROSE}{/* demo-ids:start */}\n` },
    { text: "\n- `stale`\n\n", region: IDS },
    { text: "{/* demo-ids:end */}\n\n```json5\n{\n  doc: {\n    list: {\n      // demo-aliases:start\n" },
    { text: '      "demo/old": { alias: "Old" },\n', region: ALIASES },
    { text: "      // demo-aliases:end\n    },\n  },\n}\n```\n\n" },
  ];
  const size = section(0).reduce((n, p) => n + p.text.length, 0);
  const pieces = Array.from({ length: Math.ceil(bytes / size) }, (_, i) => section(i)).flat();
  // Kept text next to kept text is one piece, as newBodies expects.
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && !last.region && !piece.region) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return { text: merged.map((p) => p.text).join(""), pieces: merged };
}

describe.runIf(fuzzing)("a 50 MB document", () => {
  it("has every region filled and every other byte kept, and a second run finds it up to date", async () => {
    const dir = tempDir("kcs-50mb-");
    try {
      const docs = join(dir, "docs");
      mkdirSync(docs);
      const file = join(docs, "big.md");
      const doc = bigDocument(50 * 1024 * 1024);
      writeFileSync(file, doc.text);
      expect(doc.text.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);

      const first = await syncDocs(catalog, [docs]);
      expect(first.diagnostics).toEqual([]);
      writeAllOrNothing(first.files.filter((f) => f.before !== f.after));
      const after = readFileSync(file, "utf8");

      const bodies = newBodies(after, doc.pieces);
      expect(bodies.length).toBe(doc.pieces.filter((p) => p.region).length);
      expect(first.stats?.regions).toBe(bodies.length);
      // Every occurrence of a region is rendered the same; the first of each reads back right.
      for (const region of [IDS, ALIASES]) {
        const texts = new Set(bodies.filter((b) => b.region === region).map((b) => b.text));
        expect(texts.size).toBe(1);
      }
      const sample = parseDocument(after.slice(0, after.indexOf("## Section 1\r\n")), "md");
      expect(nodesOfType(sample, "list")[0]!.children!.map(plainText)).toEqual(expectedListItems(catalogInput, IDS));
      expect(codeBlockList(nodesOfType(sample, "code")[0]!.value!)).toEqual(expectedCodeData(catalogInput, ALIASES));

      const second = await syncDocs(catalog, [docs]);
      expect(second.diagnostics).toEqual([]);
      expect(second.files.filter((f) => f.before !== f.after)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is regenerated in time linear in its size (CPU time ratio, long run only)", async () => {
    const names = new RegionNames(catalog, REGION_KINDS);
    const small = bigDocument(12.5 * 1024 * 1024).text;
    const large = bigDocument(50 * 1024 * 1024).text;
    const cpu = (text: string) => leastCpuMs(() => syncDoc("big.md", text, catalog, names));
    const ratio = (await cpu(large)) / (await cpu(small));
    // Four times the text and regions: about 4 when linear, about 16 when quadratic.
    expect(ratio).toBeLessThan(8);
  });
});

describe.runIf(fuzzing)("a catalog of 10,000 models on the command line", () => {
  const doc = [
    "# Every model",
    "",
    "{/* bulk-all-ids:start */}",
    "{/* bulk-all-ids:end */}",
    "",
    "```json5",
    "{",
    "  doc: {",
    "    list: {",
    "      // bulk-all-aliases:start",
    "      // bulk-all-aliases:end",
    "    },",
    "  },",
    "}",
    "```",
    "",
  ].join("\n");

  /** Runs `gen` on a new project; `check` then runs `gen --check` on it and gives the exit code. */
  async function genOn(count: number): Promise<{ page: string; input: CatalogInput; check: () => Promise<number> }> {
    const dir = tempDir("kcs-10k-");
    const input = manyModelCatalog(count);
    writeFileSync(join(dir, "catalog.json"), catalogText(input));
    mkdirSync(join(dir, "docs"));
    const page = join(dir, "docs", "all.md");
    writeFileSync(page, doc);
    const args = ["gen", "--catalog", join(dir, "catalog.json"), "--docs", join(dir, "docs")];
    const result = await runCli(args);
    expect(result.code, result.stderr).toBe(0);
    return { page, input, check: async () => (await runCli([...args, "--check"])).code };
  }

  it("gen lists all of them, reads back exactly, and a second run is up to date", async () => {
    const { page, input, check } = await genOn(10_000);
    const text = readFileSync(page, "utf8");
    const fence = text.indexOf("```json5\n");
    const region = (kind: "ids" | "aliases"): RegionPlan => ({ name: `bulk-all-${kind}`, group: "bulk-all", kind, context: kind === "ids" ? "markdown" : "code", before: [], after: [] });
    const list = nodesOfType(parseDocument(text.slice(0, fence), "md"), "list")[0]!;
    expect(list.children!.map(plainText)).toEqual(expectedListItems(input, region("ids")));
    const code = nodesOfType(parseDocument(text.slice(fence), "md"), "code")[0]!;
    expect(codeBlockList(code.value!)).toEqual(expectedCodeData(input, region("aliases")));
    expect(await check()).toBe(0);
  });

  it("gen takes time linear in the number of models (CPU time ratio, long run only)", async () => {
    await genOn(500); // warm-up: loading modules is not part of the measure
    const small = await leastCpuMs(() => genOn(2_500), 2);
    const large = await leastCpuMs(() => genOn(10_000), 2);
    // 4x the models: about 4 when linear, about 16 when quadratic.
    expect(large / small).toBeLessThan(8);
  });
});

/** A page whose table region holds `rows` rows a person wrote, about no model of the catalog. */
function handRowsPage(rows: number): string {
  const lines = ["| Model ref            | Context   |", "| -------------------- | --------: |"];
  for (let i = 0; i < rows; i++) lines.push(`| \`demo/old-${String(i).padStart(6, "0")}\` | 1,048,576 |`);
  return ["# Big", "", '[//]: # "demo-ids:start"', "", ...lines, "", '[//]: # "demo-ids:end"', "", "Tail.", ""].join("\n");
}

describe("a table region of 150,000 rows a person wrote", () => {
  // Each row is dropped with a note: 150,000 notes, more than a function call takes as arguments (push(...notes)
  // threw a RangeError, an internal error), and finding each row's line by searching the body took minutes.
  it("is a check with a warning per row, no internal error", async () => {
    const dir = tempDir("kcs-hand-rows-");
    try {
      mkdirSync(join(dir, "docs"));
      writeFileSync(join(dir, "docs", "big.md"), handRowsPage(150_000));
      const result = await runCli(["gen", "--check", "--catalog", FIXTURE_CATALOG, "--docs", join(dir, "docs")]);
      expect(result.stderr).not.toMatch(/internal error|RangeError/);
      expect(result.code).toBe(1);
      const warnings = result.stderr.split("\n").filter((line) => /big\.md:\d+:\d+: warning: .*names none of its models/.test(line));
      expect(warnings).toHaveLength(150_000);
      // Each at its own row: the last one at the last row's line.
      expect(warnings.at(-1)).toMatch(new RegExp(`^[^:]+big\\.md:${150_000 + 6}:`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.runIf(fuzzing)("is checked in time linear in its rows (CPU time ratio, long run only)", async () => {
    const names = new RegionNames(catalog, REGION_KINDS);
    const cpu = (rows: number) => {
      const text = handRowsPage(rows);
      return leastCpuMs(() => syncDoc("big.md", text, catalog, names));
    };
    const ratio = (await cpu(40_000)) / (await cpu(10_000));
    // Four times the rows: about 4 when linear, about 16 when quadratic (28 s against 0.6 s once).
    expect(ratio).toBeLessThan(8);
  });
});
