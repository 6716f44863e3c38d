// Properties of region generation on random catalogs and random documents:
// every byte outside region bodies is kept, every region reads back (json5,
// remark) as exactly the catalog's data, a second run changes nothing, and the
// engine's line scanner agrees with remark wherever it claims to be certain.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CatalogInput } from "../schema/catalog.ts";
import { parseCatalog } from "../scripts/catalog/load.ts";
import { findCandidates } from "../scripts/docs/markers.ts";
import { classifyAs } from "../scripts/docs/scan-remark.ts";
import { scanContexts, type Context } from "../scripts/docs/scan.ts";
import { syncDocs } from "../scripts/docs/sync.ts";
import { splitLines } from "../scripts/docs/text.ts";
import { writeAllOrNothing } from "../scripts/lib/write-files.ts";
import { catalogArbitrary, catalogText } from "./support/catalog-arbitraries.ts";
import { documentArbitrary, renderDocument, type DocumentPlan, type RenderedDocument } from "./support/document-arbitraries.ts";
import { runs, timeoutFor } from "./support/fc.ts";
import {
  codeBlockList,
  expectedCodeData,
  expectedListItems,
  newBodies,
  nodesOfType,
  parseDocument,
  plainText,
  tableRowProblems,
  type MdNode,
} from "./support/region-oracle.ts";
import { tempDir } from "./support/run-cli.ts";

interface Scenario {
  catalog: CatalogInput;
  plan: DocumentPlan;
}

const scenarios: fc.Arbitrary<Scenario> = catalogArbitrary().chain((catalog) =>
  documentArbitrary({ groups: catalog.docGroups.map((g) => g.id) }).map((plan) => ({ catalog, plan })),
);

interface GenRun {
  doc: RenderedDocument;
  before: string;
  after: string;
  /** What a second run would change, and the problems it reports. */
  second: { changed: number; errors: string[] };
}

/** Writes the document, runs the engine and the writer as `gen` does, then runs the engine once more. */
async function generate({ catalog: input, plan }: Scenario): Promise<GenRun> {
  const dir = tempDir("kcs-prop-");
  try {
    const docs = join(dir, "docs");
    mkdirSync(docs);
    const file = join(docs, `page.${plan.ext}`);
    const doc = renderDocument(plan);
    writeFileSync(file, doc.text);
    const catalog = parseCatalog("catalog.json", catalogText(input));

    const first = await syncDocs(catalog, [docs]);
    const errors = first.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column}: ${d.message}`);
    expect(errors, doc.text).toEqual([]);
    writeAllOrNothing(first.files.filter((f) => f.before !== f.after));
    const after = readFileSync(file, "utf8");

    const second = await syncDocs(catalog, [docs]);
    return {
      doc,
      before: doc.text,
      after,
      second: {
        changed: second.files.filter((f) => f.before !== f.after).length,
        errors: second.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column}: ${d.message}`),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DEFAULT_RUNS = 40;
const MS_PER_CASE = 40;

describe("region generation on random catalogs and documents", () => {
  it(
    "keeps every byte outside region bodies: line endings, BOM, tabs, a missing final newline",
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, async (scenario) => {
          const run = await generate(scenario);
          newBodies(run.after, run.doc.pieces);
          const { plan } = scenario;
          expect(run.after.startsWith("\ufeff")).toBe(plan.bom);
          expect(run.after.endsWith("\n")).toBe(run.before.endsWith("\n"));
          if (plan.eol === "crlf") expect(run.after).not.toMatch(/(?<!\r)\n/);
          if (plan.eol === "lf") expect(run.after).not.toContain("\r");
        }),
        runs(DEFAULT_RUNS),
      );
    },
    timeoutFor(DEFAULT_RUNS, MS_PER_CASE),
  );

  it(
    "writes regions that read back as exactly the catalog's data (json5 for code, remark for lists and tables)",
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, async (scenario) => {
          const run = await generate(scenario);
          const bodies = newBodies(run.after, run.doc.pieces);
          const tree = parseDocument(run.after, scenario.plan.ext);
          const bom = run.after.charCodeAt(0) === 0xfeff ? 1 : 0;
          const lineOf = (offset: number) => run.after.slice(bom, offset).split("\n").length;
          for (const body of bodies) {
            const first = lineOf(body.from);
            const last = lineOf(body.from + body.text.length);
            const within = (node: MdNode) => node.position!.start.line >= first && node.position!.start.line <= last;
            const { region } = body;
            if (region.context === "code") {
              const block = nodesOfType(tree, "code").find(
                (n) => n.position!.start.line < first && n.position!.end.line >= last,
              );
              expect(block, `code block around ${region.name}`).toBeDefined();
              expect(codeBlockList(block!.value!)).toEqual(expectedCodeData(scenario.catalog, region));
            } else if (region.kind === "table") {
              const tables = nodesOfType(tree, "table").filter(within);
              expect(tables, `one table in ${region.name}`).toHaveLength(1);
              const rows = tables[0]!.children!.slice(1);
              const cells = rows.map((row) => row.children!.map(plainText));
              expect(cells.length).toBe(expectedListItems(scenario.catalog, region).length);
              expect(cells.flatMap((row, i) => tableRowProblems(scenario.catalog, region, i, row))).toEqual([]);
            } else {
              const lists = nodesOfType(tree, "list").filter(within);
              expect(lists, `one list in ${region.name}`).toHaveLength(1);
              expect(lists[0]!.children!.map(plainText)).toEqual(expectedListItems(scenario.catalog, region));
            }
          }
        }),
        runs(DEFAULT_RUNS),
      );
    },
    timeoutFor(DEFAULT_RUNS, MS_PER_CASE),
  );

  it(
    "changes nothing when run a second time",
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, async (scenario) => {
          const run = await generate(scenario);
          expect(run.second.errors).toEqual([]);
          expect(run.second.changed).toBe(0);
        }),
        runs(DEFAULT_RUNS),
      );
    },
    timeoutFor(DEFAULT_RUNS, MS_PER_CASE),
  );

  it(
    "finds code blocks as remark does wherever its line scanner claims certainty",
    async () => {
      let certain = 0;
      await fc.assert(
        fc.asyncProperty(scenarios, async (scenario) => {
          const run = await generate(scenario);
          for (const text of [run.before, run.after]) {
            const lines = splitLines(text);
            const candidates = findCandidates(text, lines);
            const scanned = scanContexts(text, lines, candidates);
            if (!scanned.certain) continue;
            certain += 1;
            // Plain Markdown always; MDX too wherever the text is valid MDX.
            const references = [await classifyAs("markdown", text, lines, candidates)];
            const mdx = await classifyAs("mdx", text, lines, candidates).catch(() => null);
            if (mdx) references.push(mdx);
            for (const reference of references) {
              expect(scanned.contexts.map(describeContext)).toEqual(reference.contexts.map(describeContext));
              expect(scanned.fences).toEqual(reference.fences);
            }
          }
        }),
        runs(DEFAULT_RUNS),
      );
      // The comparison must have been made, not skipped every time.
      expect(certain).toBeGreaterThan(0);
    },
    timeoutFor(DEFAULT_RUNS, MS_PER_CASE),
  );
});

function describeContext(context: Context): string {
  return context.kind === "code" ? `code ${context.fence.open}-${context.fence.close} ${context.fence.lang}` : context.kind;
}
