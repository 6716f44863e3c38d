// The host-like tree generator: deterministic for a seed, every language and trait
// of the host's real docs tree, pages a real MDX parser reads as intended.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSON5 from "json5";
import { afterAll, describe, expect, it } from "vitest";
import {
  generateHostLikeDocs,
  HOST_LOCALES,
  TABLE_WORDS,
  writeHostLikeTree,
  type HostLikeDoc,
  type HostLikeOptions,
} from "../bench/tree/host-like.ts";
import { nodesOfType, parseDocument, type MdNode } from "./support/region-oracle.ts";

const OPTIONS: HostLikeOptions = { seed: 7, pages: 21 * 30, averageBytes: 3000 };
const docs: HostLikeDoc[] = [...generateHostLikeDocs(OPTIONS)];
const count = (text: string, part: string) => text.split(part).length - 1;

/** The fenced code blocks of a page read as MDX (an invalid page throws). */
function codeBlocks(text: string): Array<MdNode & { lang?: string | null }> {
  return nodesOfType(parseDocument(text, "mdx"), "code");
}

const scratch = mkdtempSync(join(tmpdir(), "host-like-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("host-like tree generator", () => {
  it("is deterministic for a seed and differs for another", () => {
    expect([...generateHostLikeDocs(OPTIONS)]).toEqual(docs);
    const other = [...generateHostLikeDocs({ ...OPTIONS, seed: 8 })];
    expect(other.map((d) => d.content)).not.toEqual(docs.map((d) => d.content));
    expect(new Set(docs.map((d) => d.path)).size).toBe(docs.length);
  });

  it("writes 21 languages, English at the root and each translation at the same relative path", () => {
    expect(new Set(docs.map((d) => d.locale))).toEqual(new Set(HOST_LOCALES));
    for (const tag of ["zh-CN", "pt-BR", "ja-JP", "ar", "fa"]) expect(HOST_LOCALES).toContain(tag);
    const english = new Set(docs.filter((d) => d.locale === "en").map((d) => d.path));
    for (const doc of docs.filter((d) => d.locale !== "en")) {
      expect(doc.path.startsWith(`${doc.locale}/`)).toBe(true);
      expect(english.has(doc.path.slice(doc.locale.length + 1))).toBe(true);
    }
  });

  it("puts regions in about 10% of the pages and leaves half of those stale", () => {
    const regions = docs.filter((d) => d.regions.length > 0);
    expect(regions.length / docs.length).toBeGreaterThan(0.07);
    expect(regions.length / docs.length).toBeLessThan(0.13);
    const stale = docs.filter((d) => d.stale);
    expect(stale.length).toBe(Math.round(regions.length / 2));
    expect(stale.every((d) => d.regions.length > 0)).toBe(true);
  });

  it("gives every region page its markers once, a translated table, and JSON5 that parses", () => {
    const layouts = new Set<string>();
    for (const doc of docs.filter((d) => d.regions.length > 0)) {
      for (const name of doc.regions) {
        expect(count(doc.content, `${name}:start`)).toBe(1);
        expect(count(doc.content, `${name}:end`)).toBe(1);
      }
      const words = TABLE_WORDS[doc.locale]!;
      expect(doc.content).toContain(`| ${words.header[0]}`);
      expect(doc.content).toContain(words.no);
      expect(doc.content).toContain("1,048,576");
      expect(doc.content).toContain("thinkingLevelMap: {");
      const json5 = codeBlocks(doc.content).filter((c) => c.lang === "json5");
      expect(json5).toHaveLength(1);
      expect(() => JSON5.parse(json5[0]!.value!)).not.toThrow();
      if (doc.content.includes('[//]: # "moonshot-kimi-k2-ids:start"')) layouts.add("link");
      if (doc.content.includes("{/* moonshot-kimi-k2-")) layouts.add("mdx");
      if (/^ +(\[\/\/\]: #|\{\/\*) "?moonshot-kimi-k2-/m.test(doc.content)) layouts.add("indented");
      if (doc.content.includes("<Steps>")) layouts.add("steps");
      if (doc.content.includes('<Tab title="Models">')) layouts.add("tabs");
    }
    expect(layouts).toEqual(new Set(["link", "mdx", "indented", "steps", "tabs"]));
  });

  it("has the other traits: other providers' refs, env files, allow-list comments, host keys, incidental :start, large pages", () => {
    const all = docs.map((d) => d.content).join("\n");
    for (const text of [
      "ollama-cloud/kimi-k2.5:cloud",
      "nvidia/moonshotai/kimi-k2.5",
      "openrouter/moonshotai/kimi-k2.5",
      "| `kimi-k2-thinking` |",
      "MY_API_TOKEN=\nOPENCLAW_GATEWAY_BIND=lan",
      "--target channels.telegram.botToken=",
      "// pragma: allowlist secret",
      '"openai/gpt-5"',
      "anthropic/claude-",
      "ollama/llama3.3",
      "gateway: {",
    ]) {
      expect(all).toContain(text);
    }
    const incidental = docs.filter((d) => d.incidental);
    expect(incidental.length).toBeGreaterThanOrEqual(21);
    expect(incidental.every((d) => d.regions.length === 0 && d.content.includes("npm run dev:start"))).toBe(true);
    const large = docs.filter((d) => d.large);
    expect(large.length).toBeGreaterThan(0);
    expect(large.every((d) => Buffer.byteLength(d.content) > 100 * 1024)).toBe(true);
  });

  it("writes pages an MDX parser reads", () => {
    const sample = docs.filter((d, i) => d.regions.length > 0 || d.kind !== "plain" || i % 25 === 0);
    for (const doc of sample) expect(() => codeBlocks(doc.content), doc.path).not.toThrow();
  });

  it("writes the tree and a manifest that agrees with it", () => {
    const manifest = writeHostLikeTree(scratch, OPTIONS);
    expect(manifest.files).toBe(docs.length);
    expect(manifest.regionDocs).toEqual(docs.filter((d) => d.regions.length > 0).map((d) => d.path));
    expect(manifest.staleDocs).toEqual(docs.filter((d) => d.stale).map((d) => d.path));
    const sample = docs[docs.length - 1]!;
    expect(readFileSync(join(scratch, sample.path), "utf8")).toBe(sample.content);
  });
});
