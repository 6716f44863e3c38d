// The generated-region part of a synthetic doc: one region of every kind for a
// doc group, laid out like the seed provider page. Every body is deliberately
// outdated (the K2 line-up of mid-2025, 256,000-token windows, zero prices), so
// the tool itself decides what a fresh body is.
import type { Random } from "./random.ts";
import type { Script } from "./prose.ts";

export const REGION_KINDS = ["ids", "model-refs", "table", "aliases", "models"] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/**
 * Marker spellings for Markdown context. No HTML comments: docs sites compile
 * .md pages as MDX too, which rejects them (and so do the tool's doc checks).
 */
export type MarkdownMarker = "mdx" | "link";

/**
 * `native`: this tool's markers. The others are the same regions in a peer tool's syntax:
 * markdown-magic's `<!-- docs NAME -->` … `<!-- /docs -->`, automd's `<!-- automd:NAME -->` …
 * `<!-- /automd -->`, and embedme's `<!-- embedme FILE -->` before a code fence (embedme
 * fills whole fences, so each Markdown region becomes a ```md fence and the config
 * example's fence is filled as one).
 */
export type MarkerSyntax = "native" | "markdown-magic" | "automd" | "embedme";

export interface DocGroupInfo {
  id: string;
  provider: string;
  apiKeyEnv: string;
  baseUrl: string;
  /** Ref of a current model of the provider, for the config example's primary model. */
  primary: string;
}

interface OldModel {
  id: string;
  name: string;
  reasoning: boolean;
}

const OLD_MODELS: readonly OldModel[] = [
  { id: "kimi-k2.5", name: "Kimi K2.5", reasoning: false },
  { id: "kimi-k2-0905-preview", name: "Kimi K2 0905 Preview", reasoning: false },
  { id: "kimi-k2-turbo-preview", name: "Kimi K2 Turbo", reasoning: false },
  { id: "kimi-k2-thinking", name: "Kimi K2 Thinking", reasoning: true },
  { id: "kimi-k2-thinking-turbo", name: "Kimi K2 Thinking Turbo", reasoning: true },
];

export function regionName(group: DocGroupInfo, kind: RegionKind): string {
  return `${group.id}-${kind}`;
}

/** A peer's markers, standing at column 0 (see codeRegion). */
function peerMarker(syntax: "markdown-magic" | "automd", name: string, edge: "start" | "end"): string {
  if (syntax === "automd") return edge === "start" ? `<!-- automd:${name} -->` : "<!-- /automd -->";
  return edge === "start" ? `<!-- docs ${name} -->` : "<!-- /docs -->";
}

/** The file embedme fills a config example's fence from. */
export function embedmeConfigFile(group: DocGroupInfo): string {
  return `${group.id}-config.json5`;
}

export function markdownMarker(form: MarkdownMarker, name: string, edge: "start" | "end"): string {
  const label = `${name}:${edge}`;
  if (form === "mdx") return `{/* ${label} */}`;
  return `[//]: # "${label}"`;
}

function markdownRegion(syntax: MarkerSyntax, form: MarkdownMarker, name: string, body: string[]): string {
  if (syntax === "embedme") return [`<!-- embedme ${name}.md -->`, "```md", ...body, "```"].join("\n");
  const marker = (edge: "start" | "end") =>
    syntax === "native" ? markdownMarker(form, name, edge) : peerMarker(syntax, name, edge);
  return [marker("start"), "", ...body, "", marker("end")].join("\n");
}

/**
 * markdown-magic's markers stand at column 0: version 4.11 misplaces the rewrite of an
 * indented block that follows another block. It indents the new body like the old one.
 */
function codeRegion(syntax: MarkerSyntax, name: string, indent: string, body: string[]): string[] {
  const lines = body.map((line) => indent + line);
  if (syntax === "embedme") return lines;
  const marker = (edge: "start" | "end") =>
    syntax === "native" ? `${indent}// ${name}:${edge}` : peerMarker(syntax, name, edge);
  return [marker("start"), ...lines, marker("end")];
}

function jsonKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function modelObject(model: OldModel, last: boolean): string[] {
  return [
    "{",
    `  id: "${model.id}",`,
    `  name: "${model.name}",`,
    `  reasoning: ${model.reasoning},`,
    '  input: ["text"],',
    "  cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },",
    "  contextWindow: 256000,",
    "  maxTokens: 8192",
    last ? "}" : "},",
  ];
}

/** The Markdown-context regions: id list, ref list and model table. */
export function markdownRegions(
  rng: Random,
  group: DocGroupInfo,
  syntax: MarkerSyntax,
  form: MarkdownMarker,
  script: Script,
): string[] {
  const bullet = rng.pick(["*", "-"]);
  const ids = OLD_MODELS.map((m) => `${bullet} \`${m.id}\``);
  const refs = OLD_MODELS.map((m) => `${bullet} \`${group.provider}/${m.id}\``);
  // The default columns of a table region: ref, name, reasoning, input, context window, max output.
  const header =
    script === "cjk"
      ? "| 模型引用 | 名称 | 推理 | 输入 | 上下文窗口 | 最大输出 |"
      : "| Model ref | Name | Reasoning | Input | Context window | Max output |";
  const table = [
    header,
    "| --- | --- | :---: | --- | ---: | ---: |",
    ...OLD_MODELS.map(
      (m) => `| \`${group.provider}/${m.id}\` | ${m.name} | ${m.reasoning ? "✓" : "—"} | text | 256,000 | 8,192 |`,
    ),
  ];
  return [
    markdownRegion(syntax, form, regionName(group, "ids"), ids),
    markdownRegion(syntax, form, regionName(group, "model-refs"), refs),
    markdownRegion(syntax, form, regionName(group, "table"), table),
  ];
}

/** A JSON5 config fence holding the aliases region (in an object) and the models region (in an array). */
export function configFence(group: DocGroupInfo, syntax: MarkerSyntax): string {
  const aliases = OLD_MODELS.map(
    (m, i) => `"${group.provider}/${m.id}": { alias: "${m.name}" }${i < OLD_MODELS.length - 1 ? "," : ""}`,
  );
  const models = OLD_MODELS.flatMap((m, i) => modelObject(m, i === OLD_MODELS.length - 1));
  return [
    ...(syntax === "embedme" ? [`<!-- embedme ${embedmeConfigFile(group)} -->`] : []),
    "```json5",
    "{",
    `  env: { ${group.apiKeyEnv}: "sk-..." },`,
    "  agents: {",
    "    defaults: {",
    `      model: { primary: "${group.primary}" },`,
    "      models: {",
    ...codeRegion(syntax, regionName(group, "aliases"), "        ", aliases),
    "      }",
    "    }",
    "  },",
    "  models: {",
    '    mode: "merge",',
    "    providers: {",
    `      ${jsonKey(group.provider)}: {`,
    `        baseUrl: "${group.baseUrl}",`,
    `        apiKey: "\${${group.apiKeyEnv}}",`,
    '        api: "openai-completions",',
    "        models: [",
    ...codeRegion(syntax, regionName(group, "models"), "          ", models),
    "        ]",
    "      }",
    "    }",
    "  }",
    "}",
    "```",
  ].join("\n");
}
