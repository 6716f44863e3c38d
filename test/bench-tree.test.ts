// The benchmark's tree generator: deterministic for a seed, the specified share of
// region pages and drifted pages, and pages a real Markdown parser reads as intended.
import JSON5 from "json5";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { generateDocs, treeShares, type GeneratedDoc, type TreeOptions } from "../bench/tree/generate.ts";
import { REGION_KINDS, type DocGroupInfo } from "../bench/tree/regions.ts";

const GROUPS: DocGroupInfo[] = [
  {
    id: "moonshot-kimi-k2",
    provider: "moonshot",
    apiKeyEnv: "MOONSHOT_API_KEY",
    baseUrl: "https://api.moonshot.ai/v1",
    primary: "moonshot/kimi-k2.6",
  },
  {
    id: "kimi-code",
    provider: "kimi-code",
    apiKeyEnv: "KIMICODE_API_KEY",
    baseUrl: "https://api.kimi.com/coding/v1",
    primary: "kimi-code/kimi-for-coding",
  },
];
const OPTIONS: TreeOptions = { seed: 42, files: 400, groups: GROUPS };

const docs = (options: TreeOptions): GeneratedDoc[] => [...generateDocs(options)];
const count = (text: string, part: string) => text.split(part).length - 1;

interface MdNode {
  type: string;
  lang?: string | null;
  value?: string;
  children?: MdNode[];
}

function codeBlocks(doc: GeneratedDoc): MdNode[] {
  const processor = unified().use(remarkParse);
  if (doc.path.endsWith(".mdx")) processor.use(remarkMdx);
  const found: MdNode[] = [];
  const walk = (node: MdNode) => {
    if (node.type === "code") found.push(node);
    node.children?.forEach(walk);
  };
  walk(processor.parse(doc.content) as MdNode);
  return found;
}

describe("benchmark tree generator", () => {
  it("gives the same pages for the same seed and other pages for another seed", () => {
    const first = docs(OPTIONS);
    expect(docs(OPTIONS)).toEqual(first);
    const other = docs({ ...OPTIONS, seed: 43 });
    expect(other.map((d) => d.content)).not.toEqual(first.map((d) => d.content));
    expect(new Set(first.map((d) => d.path)).size).toBe(OPTIONS.files);
  });

  it("puts regions in 10% of the pages and marks half of those as drifted", () => {
    const all = docs(OPTIONS);
    const withRegions = all.filter((d) => d.regions.length > 0);
    const stale = all.filter((d) => d.stale);
    expect(treeShares(OPTIONS)).toEqual({ regionDocs: 40, staleDocs: 20 });
    expect(withRegions).toHaveLength(40);
    expect(stale).toHaveLength(20);
    expect(stale.every((d) => d.regions.length > 0)).toBe(true);
  });

  it("holds one region of every kind per region page, and no marker elsewhere", () => {
    for (const doc of docs(OPTIONS)) {
      if (doc.regions.length === 0) {
        expect(doc.content).not.toMatch(/:(start|end)\b/);
        continue;
      }
      const group = GROUPS.find((g) => doc.regions[0] === `${g.id}-${REGION_KINDS[0]}`)!;
      expect(doc.regions).toEqual(REGION_KINDS.map((kind) => `${group.id}-${kind}`));
      for (const name of doc.regions) {
        expect(count(doc.content, `${name}:start`)).toBe(1);
        expect(count(doc.content, `${name}:end`)).toBe(1);
      }
      // Docs sites compile .md pages as MDX too, which allows no HTML comments.
      expect(doc.content).not.toContain("<!--");
    }
  });

  it("writes pages of about 4 KB, with Chinese text in the CJK languages", () => {
    const all = docs(OPTIONS);
    const bytes = all.map((d) => Buffer.byteLength(d.content));
    const average = bytes.reduce((a, b) => a + b, 0) / bytes.length;
    expect(average).toBeGreaterThan(3.5 * 1024);
    expect(average).toBeLessThan(4.5 * 1024);
    const cjk = all.filter((d) => d.path.startsWith("zh-CN/") || d.path.startsWith("ja/"));
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk.every((d) => /[\u4e00-\u9fff]{10}/.test(d.content))).toBe(true);
  });

  it("places the JSON5 regions inside a json5 fence that parses, and the others outside fences", () => {
    const regionDocs = docs(OPTIONS).filter((d) => d.regions.length > 0);
    for (const doc of regionDocs.slice(0, 12)) {
      const fences = codeBlocks(doc);
      const json5 = fences.filter((f) => f.lang === "json5");
      expect(json5).toHaveLength(1);
      const [ids, refs, table, aliases, models] = doc.regions;
      expect(json5[0]!.value).toContain(`// ${aliases}:start`);
      expect(json5[0]!.value).toContain(`// ${models}:end`);
      expect(() => JSON5.parse(json5[0]!.value!)).not.toThrow();
      for (const name of [ids, refs, table]) expect(fences.some((f) => f.value!.includes(name!))).toBe(false);
    }
  });

  it("writes the same pages in markdown-magic's syntax, only the markers differing", () => {
    const native = docs(OPTIONS);
    const magic = docs({ ...OPTIONS, markers: "markdown-magic" });
    expect(magic.map((d) => d.path)).toEqual(native.map((d) => d.path));
    for (const [i, doc] of magic.entries()) {
      const twin = native[i]!;
      if (twin.regions.length === 0) {
        expect(doc.content).toBe(twin.content);
        continue;
      }
      for (const name of twin.regions) expect(count(doc.content, `<!-- docs ${name} -->`)).toBe(1);
      expect(count(doc.content, "<!-- /docs -->")).toBe(REGION_KINDS.length);
      expect(doc.content).not.toMatch(/:(start|end)\b/);
    }
  });

  it("writes the same regions in automd's and embedme's syntax", () => {
    const native = docs(OPTIONS);
    const automd = docs({ ...OPTIONS, markers: "automd" });
    const embedme = docs({ ...OPTIONS, markers: "embedme" });
    for (const [i, twin] of native.entries()) {
      if (twin.regions.length === 0) {
        expect(automd[i]!.content).toBe(twin.content);
        expect(embedme[i]!.content).toBe(twin.content);
        continue;
      }
      for (const name of twin.regions) expect(count(automd[i]!.content, `<!-- automd:${name} -->`)).toBe(1);
      expect(count(automd[i]!.content, "<!-- /automd -->")).toBe(REGION_KINDS.length);
      // embedme fills whole fences: the three Markdown regions each, and the config example's fence.
      for (const name of twin.regions.slice(0, 3)) expect(count(embedme[i]!.content, `<!-- embedme ${name}.md -->\n\`\`\`md\n`)).toBe(1);
      expect(embedme[i]!.content).toMatch(/<!-- embedme [\w-]+-config\.json5 -->\n```json5\n/);
      for (const doc of [automd[i]!, embedme[i]!]) expect(doc.content).not.toMatch(/:(start|end)\b/);
    }
  });
});
