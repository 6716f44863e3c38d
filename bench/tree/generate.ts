// Seeded synthetic docs tree: `files` Markdown/MDX pages of about 4 KB across
// 20 languages. A fixed share of the pages holds one region of every kind for a
// doc group (all with outdated bodies); half of those are marked `stale`, the
// pages a drifted tree keeps outdated after the rest has been brought up to date.
import { fillerSection, heading, paragraph, sentence, type Script } from "./prose.ts";
import { seededRandom, type Random } from "./random.ts";
import {
  configFence,
  markdownRegions,
  REGION_KINDS,
  regionName,
  type DocGroupInfo,
  type MarkdownMarker,
  type MarkerSyntax,
} from "./regions.ts";

export interface TreeOptions {
  seed: number;
  files: number;
  groups: readonly DocGroupInfo[];
  /** Share of pages holding regions (default 0.1). */
  regionShare?: number;
  /** Share of region pages left outdated in the drifted tree (default 0.5). */
  staleShare?: number;
  markers?: MarkerSyntax;
}

export interface GeneratedDoc {
  /** Relative, `/`-separated. */
  path: string;
  content: string;
  /** Names of the regions in the page; empty for a page without regions. */
  regions: string[];
  stale: boolean;
}

export const LANGUAGES = [
  "en", "zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es", "pt-BR", "ru",
  "it", "tr", "vi", "id", "pl", "nl", "uk", "th", "ar", "hi",
] as const;
const CJK_LANGUAGES = new Set<string>(["zh-CN", "zh-TW", "ja"]);
const SECTIONS = ["guide", "providers", "reference", "concepts", "tools", "faq", "install", "gateway", "agents", "channels"];
const TOPICS = ["moonshot", "kimi-code", "models", "config", "auth", "endpoints", "pricing", "migration", "cli", "limits"];
const TITLES: Record<Script, readonly string[]> = {
  latin: ["Moonshot AI (Kimi)", "Kimi Code", "Configuring providers", "Model references", "API keys", "Regional endpoints"],
  cjk: ["Moonshot AI（Kimi）", "Kimi Code 配置", "配置提供方", "模型引用", "API 密钥", "区域端点"],
  rtl: ["Moonshot AI (Kimi)", "Kimi Code", "إعداد المزوّدين", "مراجع النماذج", "مفاتيح الواجهة", "نقاط النهاية الإقليمية"],
};

/** Counts fixed by the options, so the generator and its checks agree. */
export function treeShares(options: TreeOptions): { regionDocs: number; staleDocs: number } {
  const regionDocs = Math.round(options.files * (options.regionShare ?? 0.1));
  return { regionDocs, staleDocs: Math.round(regionDocs * (options.staleShare ?? 0.5)) };
}

/** The pages one at a time (a 20,000-page tree need not sit in memory). */
export function* generateDocs(options: TreeOptions): Generator<GeneratedDoc> {
  if (options.groups.length === 0) throw new Error("the tree generator needs at least one doc group");
  const { regionDocs, staleDocs } = treeShares(options);
  const order = seededRandom(options.seed).shuffle(Array.from({ length: options.files }, (_, i) => i));
  const regionRank = new Map(order.slice(0, regionDocs).map((index, rank) => [index, rank]));

  for (let index = 0; index < options.files; index++) {
    const rng = seededRandom(docSeed(options.seed, index));
    const rank = regionRank.get(index);
    const group = rank === undefined ? undefined : rng.pick(options.groups);
    const mdx = rng.chance(0.3);
    yield {
      path: docPath(rng, index, mdx),
      content: docContent(rng, index, group, options.markers ?? "native", mdx),
      regions: group ? REGION_KINDS.map((kind) => regionName(group, kind)) : [],
      stale: rank !== undefined && rank < staleDocs,
    };
  }
}

function docSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

function language(index: number): string {
  return LANGUAGES[index % LANGUAGES.length]!;
}

function docPath(rng: Random, index: number, mdx: boolean): string {
  const section = SECTIONS[Math.floor(index / LANGUAGES.length) % SECTIONS.length]!;
  return `${language(index)}/${section}/${rng.pick(TOPICS)}-${index}.${mdx ? "mdx" : "md"}`;
}

function docContent(
  rng: Random,
  index: number,
  group: DocGroupInfo | undefined,
  markers: MarkerSyntax,
  mdx: boolean,
): string {
  const script: Script = CJK_LANGUAGES.has(language(index)) ? "cjk" : "latin";
  const title = rng.pick(TITLES[script]);
  const head = [
    "---",
    `title: ${title}`,
    `summary: ${JSON.stringify(sentence(rng, script))}`,
    "---",
    "",
    `# ${title}`,
    "",
    paragraph(rng, script),
  ].join("\n");

  const regionSection = group ? regionBlock(rng, group, script, markers, mdx) : undefined;
  const target = rng.int(3300, 4300);
  const sections: string[] = [];
  let size = byteLength(head) + (regionSection ? byteLength(regionSection) : 0);
  while (size < target) {
    const section = fillerSection(rng, script, { paragraphs: false, closing: 0.5 });
    sections.push(section);
    size += byteLength(section) + 2;
  }
  if (regionSection) sections.splice(rng.int(0, sections.length), 0, regionSection);
  return `${[head, ...sections].join("\n\n")}\n`;
}

function regionBlock(rng: Random, group: DocGroupInfo, script: Script, markers: MarkerSyntax, mdx: boolean): string {
  const form: MarkdownMarker = rng.chance(mdx ? 0.8 : 0.6) ? "mdx" : "link";
  const [ids, refs, table] = markdownRegions(rng, group, markers, form, script);
  return [
    heading(rng, script, 2),
    paragraph(rng, script),
    ids,
    paragraph(rng, script),
    refs,
    table,
    paragraph(rng, script),
    configFence(group, markers),
  ].join("\n\n");
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
