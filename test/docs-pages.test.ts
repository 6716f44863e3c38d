// The committed docs as a whole: in sync with the catalog, one set of regions per
// page in every language, and a catalog change reaching every page that shows it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { checkDocs } from "../scripts/docs-checks/check-docs.ts";
import { repoRoot, runCli, snapshot, tempProject } from "./support/run-cli.ts";

const DOCS = join(repoRoot, "docs");
const TRANSLATIONS = ["zh-CN"];

function docPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

// A line that is only a marker (an MDX comment, `// NAME:verb` or `# NAME:verb`), with any options.
const MARKER_LINE = /^\s*(?:\{\/\*|\/\/|#)\s*([a-z0-9.-]+):(start|end|off|on)\b/;

/** The marker lines of a text that delimit regions (examples between `regions:off` and `regions:on` left out). */
function regionMarkers(text: string): Array<{ index: number; name: string; verb: "start" | "end" }> {
  const markers: Array<{ index: number; name: string; verb: "start" | "end" }> = [];
  let on = true;
  text.split("\n").forEach((line, index) => {
    const marker = MARKER_LINE.exec(line);
    if (!marker) return;
    const [, name, verb] = marker as unknown as [string, string, string];
    if (name === "regions") on = verb === "on";
    else if (on && (verb === "start" || verb === "end")) markers.push({ index, name, verb });
  });
  return markers;
}

function regionNames(text: string): string[] {
  return regionMarkers(text).filter((m) => m.verb === "start").map((m) => m.name);
}

/** The text with every region body removed: what people wrote, which `gen` must leave alone. */
function outsideRegions(text: string): string {
  const lines = text.split("\n");
  const markers = regionMarkers(text);
  const drop = new Set<number>();
  for (const start of markers.filter((m) => m.verb === "start")) {
    const end = markers.find((m) => m.verb === "end" && m.name === start.name && m.index > start.index)!;
    for (let i = start.index + 1; i < end.index; i++) drop.add(i);
  }
  return lines.filter((_, i) => !drop.has(i)).join("\n");
}

describe("committed docs", () => {
  it("pass gen --check: regions in sync, MDX compiles, JSON blocks valid, no keys, only current models", async () => {
    const result = await runCli(["gen", "--check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^up to date: \d+ regions in \d+ docs/);
    expect(result.code).toBe(0);
  });

  it("compile as MDX with valid JSON blocks, every page (gen itself compiles only the pages it changes)", async () => {
    const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));
    const docs = docPages(DOCS).map((page) => ({ path: join(DOCS, page), content: readFileSync(join(DOCS, page), "utf8") }));
    expect(docs.length).toBeGreaterThanOrEqual(9);
    expect(await checkDocs(docs, { catalog })).toEqual([]);
  });

  it("give every translated page the same regions, in the same order, as the English page", () => {
    const english = docPages(DOCS).filter((p) => !TRANSLATIONS.some((t) => p.startsWith(`${t}/`)));
    for (const locale of TRANSLATIONS) {
      const translated = docPages(join(DOCS, locale));
      expect(translated.length).toBeGreaterThan(0);
      for (const page of translated) {
        expect(english, `${locale}/${page} has no English page`).toContain(page);
        const names = regionNames(readFileSync(join(DOCS, locale, page), "utf8"));
        expect(names.length, `${locale}/${page} has no regions`).toBeGreaterThan(0);
        expect(names, `${locale}/${page}`).toEqual(regionNames(readFileSync(join(DOCS, page), "utf8")));
      }
    }
  });

  it("name the seeds' contradictions nowhere but in prose: no 256000 context, no kimi-k1.5 in any region", () => {
    for (const page of docPages(DOCS)) {
      const text = readFileSync(join(DOCS, page), "utf8");
      expect(text, page).not.toMatch(/contextWindow: 256000|maxTokens: 8192/);
      expect(regionNames(text).join(" "), page).not.toMatch(/k1\.5/);
    }
  });
});

describe("a change to one model in the catalog", () => {
  const cases = [
    { ref: "moonshot/kimi-k2.6", from: 262144, to: 300000 },
    { ref: "kimi/kimi-for-coding", from: 262144, to: 393216 },
  ];

  for (const { ref, from, to } of cases) {
    it(`(${ref} context window ${from} -> ${to}) reaches every page that shows it, in both languages, and nothing else`, async () => {
      const project = tempProject({ docs: true });
      const [providerId, modelId] = ref.split("/") as [string, string];
      const catalogText = readFileSync(project.catalog, "utf8");
      const edited = setContextWindow(catalogText, providerId, modelId, from, to);
      writeFileSync(project.catalog, edited);

      const before = snapshot(project.docs);
      const result = await runCli(["gen", "--catalog", project.catalog, "--docs", project.docs]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const after = snapshot(project.docs);

      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const changed = [...after.keys()].filter((p) => after.get(p)!.bytes !== before.get(p)!.bytes).sort();
      const showing = [...before.keys()].filter((p) => showsModel(before.get(p)!.bytes, providerId, modelId)).sort();
      expect(changed).toEqual(showing);
      for (const locale of TRANSLATIONS) expect(changed.some((p) => p.startsWith(`${locale}/`))).toBe(true);
      expect(changed.some((p) => !TRANSLATIONS.some((t) => p.startsWith(`${t}/`)))).toBe(true);

      const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      for (const path of changed) {
        const old = Buffer.from(before.get(path)!.bytes, "latin1").toString("utf8");
        const now = Buffer.from(after.get(path)!.bytes, "latin1").toString("utf8");
        expect(outsideRegions(now), path).toBe(outsideRegions(old));
        expect(now.includes(String(to)) || now.includes(grouped(to)), path).toBe(true);
      }

      const check = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", project.docs]);
      expect(check.code).toBe(0);
    });
  }
});

/** Edits the one `contextWindow` of the model, in place, keeping the rest of the file byte for byte. */
function setContextWindow(catalog: string, providerId: string, modelId: string, from: number, to: number): string {
  const providerAt = catalog.indexOf(`"id": "${providerId}"`);
  const modelAt = catalog.indexOf(`"id": "${modelId}"`, providerAt);
  const fieldAt = catalog.indexOf(`"contextWindow": ${from}`, modelAt);
  expect(providerAt).toBeGreaterThan(-1);
  expect(modelAt).toBeGreaterThan(-1);
  expect(fieldAt).toBeGreaterThan(-1);
  const field = `"contextWindow": ${from}`;
  return catalog.slice(0, fieldAt) + `"contextWindow": ${to}` + catalog.slice(fieldAt + field.length);
}

/**
 * Whether a page shows the model's context window: a region of a doc group that
 * holds the model, of a kind whose output carries the context window.
 */
function showsModel(bytes: string, providerId: string, modelId: string): boolean {
  const text = Buffer.from(bytes, "latin1").toString("utf8");
  const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));
  const groups = catalog.data.docGroups.filter((g) => g.provider === providerId && g.models.includes(modelId)).map((g) => g.id);
  return regionNames(text).some((name) =>
    groups.some((g) => name === `${g}-models` || name === `${g}-continue-models` || (name === `${g}-table` && tableShowsContext(text, name))),
  );
}

function tableShowsContext(text: string, name: string): boolean {
  const start = new RegExp(`${name}:start(?<options>[^*]*)\\*/`).exec(text);
  const columns = start?.groups?.options?.match(/columns=(\S+)/)?.[1];
  return columns === undefined || columns.split(",").includes("context");
}
