// A seeded docs tree shaped like the host application's real one: English pages at
// the root and translations under `<locale>/` (21 languages by default, right-to-left
// ones among them), ~20 KB pages, some over 100 KB, and every trait that trips a
// naive tool:
//   - regions whose markers are `[//]: # "NAME:start"`, `{/* NAME:start */}` and
//     `// NAME:start` inside ```json5 fences, inside <Tabs>/<Tab>/<Steps>, indented;
//   - `-ids` regions that maintainers turned into a GFM table, header and cell words
//     translated per language, numbers written `1,048,576`;
//   - `-models` JSON5 entries carrying a hand-added `thinkingLevelMap`;
//   - other providers' pages naming the same models as theirs
//     (`ollama-cloud/kimi-k2.5:cloud`, `nvidia/moonshotai/kimi-k2.5`, a Venice table row `kimi-k2-thinking`);
//   - install guides with env files, secret-manager commands and `// pragma: allowlist secret`;
//   - config examples naming providers and host keys this project does not own;
//   - hundreds of pages with `:start`/`:end` in prose or code that are not regions.
//
// Every region body is written with older data: the tool decides what a fresh body
// is. To get a clean tree run `gen` on the written tree; to get a drifted one put the
// manifest's `staleDocs` back from a second copy (bench/prepare.ts does both).
// A page and its translations share one relative path and the same structure, so a
// translated table can be matched column by column with its English twin.
import { fillerSection, heading, paragraph, sentence, type Script } from "./prose.ts";
import { seededRandom, type Random } from "./random.ts";
import type { DocGroupInfo } from "./regions.ts";
import { writeDocs } from "./write.ts";

/** Header and cell words of the hand-made `-ids` table, per language. */
export interface TableWords {
  header: readonly [ref: string, name: string, reasoning: string, input: string, context: string, maxOutput: string];
  yes: string;
  no: string;
  always: string;
  text: string;
  image: string;
  video: string;
  /** Between modality words. */
  separator: string;
}

const w = (
  header: TableWords["header"],
  [yes, no, always]: readonly [string, string, string],
  [text, image, video]: readonly [string, string, string],
  separator = ", ",
): TableWords => ({ header, yes, no, always, text, image, video, separator });

/** The 21 languages of the host's tree, English first; `ar` and `fa` are written right to left. */
export const HOST_LOCALES = [
  "en", "zh-CN", "zh-TW", "ja-JP", "ko", "de", "fr", "es", "pt-BR", "ru", "it",
  "tr", "vi", "id", "pl", "nl", "uk", "th", "ar", "fa", "hi",
] as const;

export const TABLE_WORDS: Readonly<Record<string, TableWords>> = {
  en: w(["Model ref", "Name", "Reasoning", "Input", "Context", "Max output"], ["Yes", "No", "Always on"], ["text", "image", "video"]),
  "zh-CN": w(["模型引用", "名称", "推理", "输入", "上下文", "最大输出"], ["是", "否", "始终开启"], ["文本", "图像", "视频"], "、"),
  "zh-TW": w(["模型參照", "名稱", "推理", "輸入", "上下文", "最大輸出"], ["是", "否", "始終開啟"], ["文字", "圖像", "影片"], "、"),
  "ja-JP": w(["モデル参照", "名前", "推論", "入力", "コンテキスト", "最大出力"], ["はい", "いいえ", "常時オン"], ["テキスト", "画像", "動画"], "、"),
  ko: w(["모델 참조", "이름", "추론", "입력", "컨텍스트", "최대 출력"], ["예", "아니요", "항상 켜짐"], ["텍스트", "이미지", "동영상"]),
  de: w(["Modellreferenz", "Name", "Reasoning", "Eingabe", "Kontext", "Max. Ausgabe"], ["Ja", "Nein", "Immer an"], ["Text", "Bild", "Video"]),
  fr: w(["Référence du modèle", "Nom", "Raisonnement", "Entrée", "Contexte", "Sortie max."], ["Oui", "Non", "Toujours actif"], ["texte", "image", "vidéo"]),
  es: w(["Referencia del modelo", "Nombre", "Razonamiento", "Entrada", "Contexto", "Salida máxima"], ["Sí", "No", "Siempre activo"], ["texto", "imagen", "vídeo"]),
  "pt-BR": w(["Referência do modelo", "Nome", "Raciocínio", "Entrada", "Contexto", "Saída máxima"], ["Sim", "Não", "Sempre ativo"], ["texto", "imagem", "vídeo"]),
  ru: w(["Ссылка на модель", "Название", "Рассуждение", "Ввод", "Контекст", "Макс. вывод"], ["Да", "Нет", "Всегда включено"], ["текст", "изображение", "видео"]),
  it: w(["Riferimento modello", "Nome", "Ragionamento", "Input", "Contesto", "Output massimo"], ["Sì", "No", "Sempre attivo"], ["testo", "immagine", "video"]),
  tr: w(["Model referansı", "Ad", "Akıl yürütme", "Girdi", "Bağlam", "Maks. çıktı"], ["Evet", "Hayır", "Her zaman açık"], ["metin", "görsel", "video"]),
  vi: w(["Tham chiếu mô hình", "Tên", "Suy luận", "Đầu vào", "Ngữ cảnh", "Đầu ra tối đa"], ["Có", "Không", "Luôn bật"], ["văn bản", "hình ảnh", "video"]),
  id: w(["Referensi model", "Nama", "Penalaran", "Input", "Konteks", "Output maks."], ["Ya", "Tidak", "Selalu aktif"], ["teks", "gambar", "video"]),
  pl: w(["Odwołanie do modelu", "Nazwa", "Rozumowanie", "Wejście", "Kontekst", "Maks. wyjście"], ["Tak", "Nie", "Zawsze włączone"], ["tekst", "obraz", "wideo"]),
  nl: w(["Modelverwijzing", "Naam", "Redeneren", "Invoer", "Context", "Max. uitvoer"], ["Ja", "Nee", "Altijd aan"], ["tekst", "afbeelding", "video"]),
  uk: w(["Посилання на модель", "Назва", "Міркування", "Вхід", "Контекст", "Макс. вихід"], ["Так", "Ні", "Завжди увімкнено"], ["текст", "зображення", "відео"]),
  th: w(["การอ้างอิงโมเดล", "ชื่อ", "การให้เหตุผล", "อินพุต", "บริบท", "เอาต์พุตสูงสุด"], ["ใช่", "ไม่", "เปิดตลอด"], ["ข้อความ", "รูปภาพ", "วิดีโอ"]),
  ar: w(["مرجع النموذج", "الاسم", "الاستدلال", "الإدخال", "السياق", "الحد الأقصى للإخراج"], ["نعم", "لا", "مفعّل دائمًا"], ["نص", "صورة", "فيديو"], "، "),
  fa: w(["ارجاع مدل", "نام", "استدلال", "ورودی", "زمینه", "حداکثر خروجی"], ["بله", "خیر", "همیشه فعال"], ["متن", "تصویر", "ویدیو"], "، "),
  hi: w(["मॉडल संदर्भ", "नाम", "तर्क", "इनपुट", "संदर्भ विंडो", "अधिकतम आउटपुट"], ["हाँ", "नहीं", "हमेशा चालू"], ["टेक्स्ट", "छवि", "वीडियो"]),
};

export const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur"]);

/** The doc group the host's pages hold regions of. */
export const MOONSHOT_GROUP: DocGroupInfo = {
  id: "moonshot-kimi-k2",
  provider: "moonshot",
  apiKeyEnv: "MOONSHOT_API_KEY",
  baseUrl: "https://api.moonshot.ai/v1",
  primary: "moonshot/kimi-k2.6",
};

export interface HostLikeOptions {
  seed: number;
  pages: number;
  /** Default: the 21 of HOST_LOCALES. The first is the source language, at the tree's root. */
  locales?: readonly string[];
  /** Groups whose regions the region pages hold (default: moonshot-kimi-k2). */
  groups?: readonly DocGroupInfo[];
  /** Share of pages holding regions (default 0.1). */
  regionShare?: number;
  /** Share of region pages left outdated in a drifted tree (default 0.5). */
  staleShare?: number;
  /** Average page size in bytes (default 20,000; pages over 100 KB are not scaled). */
  averageBytes?: number;
  /** Share of pages with incidental `:start`/`:end` text (default 0.03, i.e. hundreds at 16,000 pages). */
  incidentalShare?: number;
  /** Share of pages over 100 KB (default 0.005, at least one set of translations). */
  largeShare?: number;
}

export type PageKind = "region" | "other-provider" | "install" | "config" | "incidental" | "plain";

export interface HostLikeDoc {
  /** Relative, `/`-separated: `providers/x-3.md` in English, `pt-BR/providers/x-3.md` in translation. */
  path: string;
  locale: string;
  kind: PageKind;
  content: string;
  /** Names of the regions in the page, in page order; empty for a page without regions. */
  regions: string[];
  stale: boolean;
  large: boolean;
  /** Holds `:start`/`:end` text that is not a marker. */
  incidental: boolean;
}

export interface HostLikeManifest {
  files: number;
  bytes: number;
  locales: string[];
  /** Relative paths of the pages holding regions, of those left outdated in a drifted tree, and so on. */
  regionDocs: string[];
  staleDocs: string[];
  largeDocs: string[];
  incidentalDocs: string[];
  /** Relative path of each page, by kind. */
  kinds: Record<PageKind, string[]>;
}

interface Plan {
  locales: readonly string[];
  groups: readonly DocGroupInfo[];
  /** Translation sets (one relative path each): their kind, and whether they are large. */
  setKind: Map<number, PageKind>;
  /** Region sets numbered in order, so that every layout appears even in a small tree. */
  regionOrdinal: Map<number, number>;
  largeSets: Set<number>;
  incidentalSets: Set<number>;
  staleIndices: Set<number>;
  averageBytes: number;
}

function plan(options: HostLikeOptions): Plan {
  const locales = options.locales ?? HOST_LOCALES;
  if (locales.length === 0) throw new Error("the host-like tree needs at least one locale");
  const groups = options.groups ?? [MOONSHOT_GROUP];
  if (groups.length === 0) throw new Error("the host-like tree needs at least one doc group");
  const sets = Math.ceil(options.pages / locales.length);
  const rng = seededRandom(options.seed ^ 0x5f3759df);
  const order = rng.shuffle(Array.from({ length: sets }, (_, i) => i));
  const share = (s: number | undefined, fallback: number, min = 0) =>
    Math.min(sets, Math.max(min, Math.round(sets * (s ?? fallback))));

  const setKind = new Map<number, PageKind>();
  let next = 0;
  const take = (count: number, kind: PageKind) => {
    for (const set of order.slice(next, next + count)) setKind.set(set, kind);
    next += count;
  };
  take(share(options.regionShare, 0.1, 1), "region");
  take(share(undefined, 0.03), "other-provider");
  take(share(undefined, 0.03), "install");
  take(share(undefined, 0.04), "config");
  const incidentalCount = share(options.incidentalShare, 0.03, 1);
  take(incidentalCount, "incidental");
  // Large pages: some plain, some with incidental text, never region pages.
  const nonRegion = order.slice(share(options.regionShare, 0.1, 1));
  const largeCount = Math.min(nonRegion.length, share(options.largeShare, 0.005, 1));
  const large = rng.shuffle(nonRegion).slice(0, largeCount);
  const incidentalSets = new Set([...setKind].filter(([, kind]) => kind === "incidental").map(([set]) => set));
  large.forEach((set, i) => {
    if (i % 2 === 0) incidentalSets.add(set);
  });

  const regionOrdinal = new Map(
    [...setKind].filter(([, kind]) => kind === "region").map(([set], ordinal) => [set, ordinal] as const),
  );
  const regionIndices: number[] = [];
  for (let index = 0; index < options.pages; index++) {
    if (setKind.get(Math.floor(index / locales.length)) === "region") regionIndices.push(index);
  }
  const staleCount = Math.round(regionIndices.length * (options.staleShare ?? 0.5));
  const staleIndices = new Set(rng.shuffle(regionIndices).slice(0, staleCount));
  return {
    locales,
    groups,
    setKind,
    regionOrdinal,
    largeSets: new Set(large),
    incidentalSets,
    staleIndices,
    averageBytes: options.averageBytes ?? 20_000,
  };
}

/** The pages one at a time (a 320 MB tree need not sit in memory). */
export function* generateHostLikeDocs(options: HostLikeOptions): Generator<HostLikeDoc> {
  const p = plan(options);
  for (let index = 0; index < options.pages; index++) {
    const set = Math.floor(index / p.locales.length);
    const locale = p.locales[index % p.locales.length]!;
    const kind = p.setKind.get(set) ?? "plain";
    // Structure comes from the set (translations mirror the source page); text from the page.
    const shape = seededRandom(mix(options.seed, set, 0x1b873593));
    const rng = seededRandom(mix(options.seed, index, 0x85ebca6b));
    const large = p.largeSets.has(set);
    const incidental = p.incidentalSets.has(set);
    const group = shape.pick(p.groups);
    const page = new PageWriter(rng, scriptOf(locale), locale);
    const regions = kind === "region" ? regionPage(page, p.regionOrdinal.get(set)!, group) : otherPage(page, shape, kind);
    if (incidental) page.add(incidentalSection(page, shape));
    const target = large ? shape.int(110_000, 260_000) : Math.round(p.averageBytes * (0.55 + shape.next() * 0.8));
    page.fill(target);
    const section = SECTIONS[kind][set % SECTIONS[kind].length]!;
    const prefix = index % p.locales.length === 0 ? "" : `${locale}/`;
    yield {
      path: `${prefix}${section}-${set}.${shape.chance(0.2) ? "mdx" : "md"}`,
      locale,
      kind,
      content: page.text(),
      regions,
      stale: p.staleIndices.has(index),
      large,
      incidental,
    };
  }
}

/** Writes the tree under `dir` (the docs folder) and says what is where. */
export function writeHostLikeTree(dir: string, options: HostLikeOptions): HostLikeManifest {
  const manifest: HostLikeManifest = {
    files: 0,
    bytes: 0,
    locales: [...(options.locales ?? HOST_LOCALES)],
    regionDocs: [],
    staleDocs: [],
    largeDocs: [],
    incidentalDocs: [],
    kinds: { region: [], "other-provider": [], install: [], config: [], incidental: [], plain: [] },
  };
  const written = writeDocs(dir, generateHostLikeDocs(options), (doc) => {
    manifest.kinds[doc.kind].push(doc.path);
    if (doc.regions.length > 0) manifest.regionDocs.push(doc.path);
    if (doc.stale) manifest.staleDocs.push(doc.path);
    if (doc.large) manifest.largeDocs.push(doc.path);
    if (doc.incidental) manifest.incidentalDocs.push(doc.path);
  });
  manifest.files = written.files;
  manifest.bytes = written.bytes;
  return manifest;
}

const SECTIONS: Record<PageKind, readonly string[]> = {
  region: ["providers/moonshot", "providers/kimi", "concepts/model-providers", "reference/models"],
  "other-provider": ["providers/ollama-cloud", "providers/nvidia", "providers/openrouter", "providers/venice", "providers/volcengine"],
  install: ["install/server", "install/docker", "install/secrets", "gateway/remote"],
  config: ["gateway/configuration", "concepts/models", "agents/defaults", "reference/config-examples"],
  incidental: ["start/development", "concepts/sessions", "tools/hooks", "reference/cli"],
  plain: ["guide/intro", "channels/telegram", "channels/slack", "tools/browser", "concepts/memory", "faq/general", "agents/routing"],
};

function mix(seed: number, index: number, salt: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, salt) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

function scriptOf(locale: string): Script {
  if (locale.startsWith("zh") || locale.startsWith("ja")) return "cjk";
  return RIGHT_TO_LEFT.has(locale.split("-")[0]!) ? "rtl" : "latin";
}

/** Collects a page's blocks and pads it with filler to a target size. */
class PageWriter {
  private readonly blocks: string[] = [];
  private bytes = 0;
  constructor(
    readonly rng: Random,
    readonly script: Script,
    readonly locale: string,
  ) {}

  add(block: string): void {
    this.blocks.push(block);
    this.bytes += Buffer.byteLength(block) + 2;
  }

  /** Filler sections spread among the blocks after the first (the front matter). */
  fill(target: number): void {
    const pool = fillerPool(this.script);
    while (this.bytes < target) {
      const section = this.rng.pick(pool);
      this.blocks.splice(this.rng.int(1, this.blocks.length), 0, section);
      this.bytes += Buffer.byteLength(section) + 2;
    }
  }

  text(): string {
    return `${this.blocks.join("\n\n")}\n`;
  }
}

const pools = new Map<Script, string[]>();

/** Filler sections, made once per script: pages are assembled from them, which keeps 320 MB fast to write. */
function fillerPool(script: Script): string[] {
  let pool = pools.get(script);
  if (!pool) {
    const rng = seededRandom(0x2545f491 ^ script.length);
    pool = Array.from({ length: 400 }, () => fillerSection(rng, script, { paragraphs: true, closing: 0.6 }));
    pools.set(script, pool);
  }
  return pool;
}

function frontMatter(page: PageWriter, title: string): void {
  page.add(["---", `title: ${JSON.stringify(title)}`, `summary: ${JSON.stringify(sentence(page.rng, page.script))}`, "---"].join("\n"));
  page.add(paragraph(page.rng, page.script));
}

// ---------------------------------------------------------------------------
// Region pages

export interface OldModel {
  id: string;
  name: string;
  reasoning: "yes" | "no" | "always";
  input: ReadonlyArray<"text" | "image" | "video">;
  context: number;
  maxOutput: number;
}

/** The line-up an older script wrote: superseded ids, older windows. */
const OLD_MODELS: readonly OldModel[] = [
  { id: "kimi-k2.5", name: "Kimi K2.5", reasoning: "no", input: ["text", "image"], context: 262_144, maxOutput: 262_144 },
  { id: "kimi-k2-0905-preview", name: "Kimi K2 0905 Preview", reasoning: "no", input: ["text"], context: 262_144, maxOutput: 16_384 },
  { id: "kimi-k2-turbo-preview", name: "Kimi K2 Turbo", reasoning: "no", input: ["text"], context: 256_000, maxOutput: 16_384 },
  { id: "kimi-k2-thinking", name: "Kimi K2 Thinking", reasoning: "always", input: ["text"], context: 262_144, maxOutput: 262_144 },
  { id: "kimi-k3-preview", name: "Kimi K3 Preview", reasoning: "yes", input: ["text", "image", "video"], context: 1_048_576, maxOutput: 1_048_576 },
];

type MarkdownForm = "link" | "mdx";

function marker(form: MarkdownForm, name: string, edge: "start" | "end"): string {
  return form === "mdx" ? `{/* ${name}:${edge} */}` : `[//]: # "${name}:${edge}"`;
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : by + line))
    .join("\n");
}

function region(form: MarkdownForm, name: string, body: string): string {
  return [marker(form, name, "start"), "", body, "", marker(form, name, "end")].join("\n");
}

/** The hand-made table in the page's language, cells padded to the widest one as people format them. */
export function idsTable(group: DocGroupInfo, locale: string, models: readonly OldModel[] = OLD_MODELS): string {
  const words = TABLE_WORDS[locale] ?? TABLE_WORDS.en!;
  const rows = models.map((m) => [
    `\`${group.provider}/${m.id}\``,
    m.name,
    words[m.reasoning],
    m.input.map((i) => words[i]).join(words.separator),
    m.context.toLocaleString("en-US"),
    m.maxOutput.toLocaleString("en-US"),
  ]);
  const all = [[...words.header], ...rows];
  const widths = all[0]!.map((_, c) => Math.max(3, ...all.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  return [line(all[0]!), line(widths.map((n) => "-".repeat(n))), ...rows.map(line)].join("\n");
}

function refList(group: DocGroupInfo, bullet: string): string {
  return OLD_MODELS.map((m) => `${bullet} \`${group.provider}/${m.id}\``).join("\n");
}

const THINKING_LEVEL_MAP = 'thinkingLevelMap: { off: null, low: "low", high: "high", xhigh: "max", max: "max" },';

function modelEntries(): string[] {
  return OLD_MODELS.flatMap((m) => [
    "{",
    `  id: "${m.id}",`,
    `  name: "${m.name}",`,
    `  reasoning: ${m.reasoning !== "no"},`,
    ...(m.reasoning === "yes" ? [`  ${THINKING_LEVEL_MAP}`] : []),
    `  input: [${m.input.map((i) => `"${i}"`).join(", ")}],`,
    "  cost: { input: 0.6, output: 2.5, cacheRead: 0.15, cacheWrite: 0 },",
    `  contextWindow: ${m.context},`,
    `  maxTokens: ${m.maxOutput},`,
    "},",
  ]);
}

/** A config example with the aliases region in an object and the models region in an array. */
function configFence(group: DocGroupInfo): string {
  const code = (name: string, lines: readonly string[], by: string) => [
    `${by}// ${name}:start`,
    ...lines.map((l) => by + l),
    `${by}// ${name}:end`,
  ];
  return [
    "```json5",
    "{",
    "  agents: {",
    "    defaults: {",
    `      model: { primary: "${group.primary}", fallbacks: ["openai/gpt-5", "anthropic/claude-sonnet-4-5"] },`,
    "      models: {",
    ...code(`${group.id}-aliases`, OLD_MODELS.map((m) => `"${group.provider}/${m.id}": { alias: "${m.name}" },`), "        "),
    "      },",
    "    },",
    "  },",
    "  models: {",
    '    mode: "merge",',
    "    providers: {",
    `      ${/^[A-Za-z_$][\w$]*$/.test(group.provider) ? group.provider : JSON.stringify(group.provider)}: {`,
    `        baseUrl: "${group.baseUrl}",`,
    `        apiKey: "\${${group.apiKeyEnv}}",`,
    '        api: "openai-completions",',
    "        timeoutSeconds: 120,",
    "        models: [",
    ...code(`${group.id}-models`, modelEntries(), "          "),
    "        ],",
    "      },",
    "    },",
    "  },",
    "}",
    "```",
  ].join("\n");
}

/** A provider page: the table, the ref list and the config example, in the layouts the host's pages use. */
function regionPage(page: PageWriter, ordinal: number, group: DocGroupInfo): string[] {
  const { rng, script, locale } = page;
  frontMatter(page, ["Moonshot AI", "Kimi", "Model providers", "Models"][ordinal % 4]!);
  page.add(heading(rng, script, 2));
  // Mostly the older script's `[//]: #` form; every fifth page in MDX comments.
  const ids = region(ordinal % 5 === 4 ? "mdx" : "link", `${group.id}-ids`, idsTable(group, locale));
  const refs = region(ordinal % 2 === 0 ? "mdx" : "link", `${group.id}-model-refs`, refList(group, ordinal % 3 === 0 ? "*" : "-"));
  const layout = ordinal % 3;
  if (layout === 0) {
    // Flat, as an older script left it.
    page.add(ids);
    page.add(paragraph(rng, script));
    page.add(refs);
    page.add(configFence(group));
  } else if (layout === 1) {
    // The table at top level, the refs in <Steps>, the config in <Tabs>, all indented.
    page.add(ids);
    page.add(["<Steps>", '  <Step title="Pick a model">', indent(refs, "    "), "  </Step>", "</Steps>"].join("\n"));
    page.add(["<Tabs>", '  <Tab title="Config">', indent(configFence(group), "    "), "  </Tab>", "</Tabs>"].join("\n"));
  } else {
    // Everything inside <Tabs>.
    page.add(
      [
        "<Tabs>",
        '  <Tab title="Models">',
        indent(ids, "    "),
        "  </Tab>",
        '  <Tab title="Refs">',
        indent(refs, "    "),
        "  </Tab>",
        '  <Tab title="Config">',
        indent(configFence(group), "    "),
        "  </Tab>",
        "</Tabs>",
      ].join("\n"),
    );
  }
  return [`${group.id}-ids`, `${group.id}-model-refs`, `${group.id}-aliases`, `${group.id}-models`];
}

// ---------------------------------------------------------------------------
// Pages without regions

function otherPage(page: PageWriter, shape: Random, kind: PageKind): string[] {
  const { rng, script } = page;
  if (kind === "other-provider") {
    frontMatter(page, shape.pick(["Ollama Cloud", "NVIDIA", "OpenRouter", "Venice", "Volcengine"]));
    page.add(
      "Pick `ollama-cloud/kimi-k2.5:cloud` for Kimi K2.5, or compare it with `nvidia/moonshotai/kimi-k2.5` " +
        "on NVIDIA's endpoint and `openrouter/moonshotai/kimi-k2.5` through OpenRouter.",
    );
    page.add(
      [
        "| Model | Context | Notes |",
        "| --- | --- | --- |",
        "| `kimi-k2-thinking` | 262,144 | Reasoning, served by Venice |",
        "| `kimi-k2.5` | 262,144 | Served by Volcengine |",
        "| `llama-3.3-70b` | 131,072 | Default |",
      ].join("\n"),
    );
    page.add(
      [
        "```json5",
        "{",
        '  agents: { defaults: { model: { primary: "ollama-cloud/kimi-k2.5:cloud", fallbacks: ["nvidia/moonshotai/kimi-k2.5"] } } },',
        "}",
        "```",
      ].join("\n"),
    );
  } else if (kind === "install") {
    frontMatter(page, shape.pick(["Install on a server", "Docker", "Secrets", "Remote gateway"]));
    page.add(["```bash", "# .env", "MY_API_TOKEN=", "OPENCLAW_GATEWAY_BIND=lan", "OPENCLAW_GATEWAY_PORT=18789", "```"].join("\n"));
    page.add(
      "Store secrets in the vault: `openclaw secrets set --target channels.telegram.botToken=channels/telegram/botToken`.",
    );
    page.add(
      [
        "```json5",
        "{",
        '  channels: { telegram: { botToken: "123456:ABC-not-real" } }, // pragma: allowlist secret',
        '  gateway: { bind: "lan", port: 18789 },',
        "}",
        "```",
      ].join("\n"),
    );
  } else if (kind === "config") {
    frontMatter(page, shape.pick(["Configuration", "Models", "Agent defaults", "Config examples"]));
    page.add(
      [
        "```json5",
        "{",
        "  agents: {",
        "    defaults: {",
        '      model: { primary: "openai/gpt-5", fallbacks: ["anthropic/claude-opus-4-1", "ollama/llama3.3"] },',
        '      workspace: "~/.openclaw/workspace",',
        "      heartbeat: { every: \"30m\" },",
        "    },",
        "  },",
        '  gateway: { mode: "local", bind: "loopback", auth: { token: "${OPENCLAW_GATEWAY_TOKEN}" } },',
        '  session: { scope: "per-sender", reset: { mode: "daily" } },',
        "}",
        "```",
      ].join("\n"),
    );
  } else {
    frontMatter(page, shape.pick(["Getting started", "Telegram", "Browser tool", "Memory", "FAQ", "Routing"]));
  }
  page.add(heading(rng, script, 2));
  return [];
}

/** `:start`/`:end` in prose, inline code and shell fences: not markers, and not marker-shaped. */
function incidentalSection(page: PageWriter, shape: Random): string {
  const { rng, script } = page;
  const blocks = [
    heading(rng, script, 2),
    "Start the service with `npm run dev:start` and stop it with `npm run dev:end`; the log shows `session:start` " +
      "when a chat opens and session:end when it closes.",
    ["```bash", "npm run dev:start", "pnpm run build:start -- --watch", "npm run dev:end", "```"].join("\n"),
  ];
  // Inside MDX components, where plain Markdown would read an HTML block: only a full parse
  // tells where such text stands, unless the tool sees first that nothing there is marker-shaped.
  blocks.push(
    ["<Tip>", "  Run `npm run dev:start` once before `openclaw onboard`; the gateway logs `gateway:start` when it is ready.", "</Tip>"].join("\n"),
  );
  if (shape.chance(0.5)) {
    blocks.push("Hooks fire on `agent:start`, `tool:start` and `tool:end`, in that order: see hooks:start in the reference.");
    blocks.push('<Note>The `session:end` hook runs after the reply is sent.</Note>');
  }
  return blocks.join("\n\n");
}
