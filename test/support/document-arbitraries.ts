// Random Markdown/MDX documents with generated regions among hand-written text
// that makes region finding hard: nested lists and blockquotes, fences of ```
// and ~~~ of different lengths (holding marker look-alikes as examples), inline
// code, front matter, tabs, LF/CRLF/mixed line endings, a BOM, no final newline.
//
// A document is built as segments of lines: `fixed` lines must come out of `gen`
// byte for byte, `body` lines are a region's current content, free to change.
import fc from "fast-check";

export type RegionKindName = "ids" | "model-refs" | "aliases" | "models" | "table";

export interface RegionPlan {
  name: string;
  group: string;
  kind: RegionKindName;
  context: "markdown" | "code";
  /** Table columns given on the start marker (default columns when undefined). */
  columns?: readonly string[];
  /** Code regions: hand-written entries around the region, as JSON5 data. */
  before?: unknown[];
  after?: unknown[];
}

export type Segment = { fixed: string[] } | { body: string[]; region: RegionPlan };

export interface DocumentPlan {
  ext: "md" | "mdx";
  segments: Segment[];
  eol: "lf" | "crlf" | "mixed";
  /** For mixed endings: whether line i ends in CRLF is `mixedPattern[i % length]`. */
  mixedPattern: boolean[];
  bom: boolean;
  finalNewline: boolean;
}

export interface Piece {
  text: string;
  /** A region body (replaceable) rather than text that must be kept. */
  region?: RegionPlan;
}

export interface RenderedDocument {
  text: string;
  pieces: Piece[];
  regions: RegionPlan[];
}

export const TABLE_COLUMNS = ["ref", "id", "name", "alias", "reasoning", "input", "context", "max-output", "input-price", "status"] as const;
export const DEFAULT_TABLE_COLUMNS = ["ref", "name", "reasoning", "input", "context", "max-output"] as const;

/** Joins the segments with the plan's line endings; every line ending belongs to its line's piece. */
export function renderDocument(plan: DocumentPlan): RenderedDocument {
  const pieces: Piece[] = [];
  let index = 0;
  const ending = () => {
    const crlf = plan.eol === "crlf" || (plan.eol === "mixed" && plan.mixedPattern[index % plan.mixedPattern.length]!);
    index += 1;
    return crlf ? "\r\n" : "\n";
  };
  for (const segment of plan.segments) {
    const lines = "fixed" in segment ? segment.fixed : segment.body;
    const text = lines.map((line) => line + ending()).join("");
    if ("fixed" in segment) {
      const last = pieces.at(-1);
      if (last && !last.region) last.text += text;
      else pieces.push({ text });
    } else {
      pieces.push({ text, region: segment.region });
    }
  }
  const last = pieces.at(-1)!;
  if (!plan.finalNewline) last.text = last.text.replace(/\r?\n$/, "");
  if (plan.bom) pieces[0]!.text = `\ufeff${pieces[0]!.text}`;
  return {
    text: pieces.map((p) => p.text).join(""),
    pieces,
    regions: pieces.flatMap((p) => (p.region ? [p.region] : [])),
  };
}

// ---------------------------------------------------------------------------
// Hand-written text around the regions (never a real marker outside examples)

const words = fc.constantFrom(
  "Moonshot", "Kimi", "模型", "配置", "the", "config", "*emphasis*", "**strong**", "`code`", "[link](https://example.com)",
  "a|b", "x < y", "&amp;", "\\*", "مرحبا", "😀", "tab\there", "trailing  ", "{braces}", "1.", "—",
);
const prose = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ").replace(/\{braces\}/g, "braces"));
const mdxSafeProse = prose.map((text) => text.replace(/[<{}]/g, ""));
const indentUnit = fc.constantFrom("  ", "    ", "\t");

function paragraph(ext: "md" | "mdx") {
  return fc.array(ext === "mdx" ? mdxSafeProse : prose, { minLength: 1, maxLength: 3 });
}

const heading = fc.tuple(fc.integer({ min: 1, max: 4 }), mdxSafeProse).map(([level, text]) => [`${"#".repeat(level)} ${text}`]);

const nestedList = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom("-", "*", "+", "1."), mdxSafeProse), { minLength: 1, maxLength: 6 })
  .chain((items) =>
    indentUnit.map((unit) => {
      let depth = 0;
      return items.map(([wanted, bullet, text]) => {
        depth = Math.min(wanted, depth + 1);
        return `${unit.repeat(depth)}${bullet} ${text}`;
      });
    }),
  );

const blockquote = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.oneof(mdxSafeProse, mdxSafeProse.map((t) => `- ${t}`))), { minLength: 1, maxLength: 4 })
  .map((lines) => lines.map(([depth, text]) => `${"> ".repeat(depth)}${text}`));

const handTable = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(mdxSafeProse, { minLength: 1, maxLength: 3 }))
  .map(([cols, rows]) => [
    `| ${Array.from({ length: cols }, (_, i) => `H${i}`).join(" | ")} |`,
    `|${" --- |".repeat(cols)}`,
    ...rows.map((r) => `| ${Array.from({ length: cols }, () => r.replace(/\|/g, "\\|")).join(" | ")} |`),
  ]);

/** Marker look-alikes that are examples wherever they stand in a code block: Markdown-comment spellings. */
function exampleMarker(region: string, verb: "start" | "end") {
  return fc.constantFrom(`<!-- ${region}:${verb} -->`, `{/* ${region}:${verb} */}`, `[//]: # "${region}:${verb}"`, `[//]: # (${region}:${verb})`);
}

/** A fenced example: its fence may be ``` or ~~~ of 3 to 6, and it holds shorter or other fences that do not close it. */
function exampleFence(regionNames: readonly string[]) {
  return fc
    .record({
      char: fc.constantFrom("`", "~"),
      length: fc.integer({ min: 3, max: 6 }),
      lang: fc.constantFrom("", "md", "mdx", "json5", "text", "sh"),
      indent: fc.constantFrom("", " ", "  ", "   "),
      closeLonger: fc.boolean(),
      inner: fc.array(
        fc.oneof(
          prose,
          fc.constantFrom(...regionNames).chain((name) => exampleMarker(name, "start")),
          fc.constantFrom(...regionNames).chain((name) => exampleMarker(name, "end")),
          fc.constantFrom("```", "~~~", "```json5", "    indented", "\tline with a tab", ""),
          // A fence of the same character but shorter, which must not close the block.
          fc.constant("<shorter fence>"),
        ),
        { maxLength: 6 },
      ),
    })
    .map(({ char, length, lang, indent, closeLonger, inner }) => {
      const fence = char.repeat(length);
      inner = inner.map((line) => (line === "<shorter fence>" ? char.repeat(Math.max(1, length - 1)) : line));
      // Only a fence of the same character, at least as long, closes: drop inner lines that would.
      const body = inner.filter((line) => !new RegExp(`^\\s*${char === "`" ? "`" : "~"}{${length},}\\s*$`).test(line));
      return [`${indent}${fence}${lang}`, ...body.map((line) => (line === "" ? "" : `${indent}${line}`)), `${indent}${fence}${closeLonger ? char : ""}`];
    });
}

function inlineCodeExample(regionNames: readonly string[]) {
  return fc
    .tuple(mdxSafeProse, fc.constantFrom(...regionNames), fc.constantFrom("start", "end") as fc.Arbitrary<"start" | "end">)
    .chain(([text, name, verb]) =>
      fc
        .constantFrom(`<!-- ${name}:${verb} -->`, `{/* ${name}:${verb} */}`, `// ${name}:${verb}`, `# ${name}:${verb}`)
        .map((marker) => [`${text} \`${marker}\` ${text}`]),
    );
}

/** Markers between `regions:off` and `regions:on` are examples too. */
function switchedOff(ext: "md" | "mdx", regionNames: readonly string[]) {
  const comment = (label: string) => (ext === "mdx" ? `{/* ${label} */}` : `<!-- ${label} -->`);
  return fc
    .array(fc.tuple(fc.constantFrom(...regionNames), fc.constantFrom("start", "end")), { minLength: 1, maxLength: 3 })
    .map((markers) => [comment("regions:off"), "", ...markers.map(([n, v]) => comment(`${n}:${v}`)), "", comment("regions:on")]);
}

function noiseBlock(ext: "md" | "mdx", regionNames: readonly string[]): fc.Arbitrary<string[]> {
  const blocks: Array<fc.Arbitrary<string[]>> = [
    paragraph(ext),
    heading,
    nestedList,
    blockquote,
    handTable,
    inlineCodeExample(regionNames),
    switchedOff(ext, regionNames),
  ];
  if (ext === "md") blocks.push(mdxSafeProse.map((t) => [`<!-- ${t.replace(/-->/g, "")} -->`]));
  // Fences are where a line scanner and a real parser most easily disagree: draw them often.
  return fc.oneof({ weight: blocks.length, arbitrary: exampleFence(regionNames) }, ...blocks.map((arbitrary) => ({ weight: 1, arbitrary })));
}

// ---------------------------------------------------------------------------
// Regions

function markdownMarker(ext: "md" | "mdx", label: string) {
  const forms = [
    fc.tuple(fc.constantFrom("", " ", "  "), fc.constantFrom("", " ", "  ")).map(([a, b]) => `{/*${a || " "}${label}${b || " "}*/}`),
    fc.constantFrom(`{/*${label}*/}`, `[//]: # "${label}"`, `[//]: # (${label})`),
  ];
  if (ext === "md") forms.push(fc.constantFrom(`<!-- ${label} -->`, `<!--${label}-->`));
  return fc.oneof(...forms);
}

/** English titles of the default table columns: a table without `columns=` is identified by its header words. */
const DEFAULT_TITLES = ["Model ref", "Name", "Reasoning", "Input", "Context window", "Max output"];

function staleMarkdownBody(kind: "ids" | "model-refs" | "table", columnCount: number, declared: boolean) {
  if (kind === "table") {
    const title = (i: number) => (declared ? `列 ${i}` : DEFAULT_TITLES[i]!);
    const header = [
      `| ${Array.from({ length: columnCount }, (_, i) => `${title(i)} | `).join("").replace(/ \| $/, "")} |`,
      `|${Array.from({ length: columnCount }, (_, i) => (i % 3 === 0 ? " :--- |" : i % 3 === 1 ? " :---: |" : " ---: |")).join("")}`,
    ];
    return fc.oneof(
      fc.constant([] as string[]),
      fc.array(fc.constant(`| ${Array.from({ length: columnCount }, () => "old").join(" | ")} |`), { maxLength: 3 }).map((rows) => [
        "",
        ...header,
        ...rows,
        "",
      ]),
    );
  }
  return fc.oneof(
    fc.constant([] as string[]),
    fc.constant([""]),
    fc.tuple(fc.constantFrom("-", "*", "+"), fc.array(fc.constantFrom("`old-id`", "`x/y`", "stale"), { minLength: 1, maxLength: 4 })).map(
      ([bullet, items]) => ["", ...items.map((i) => `${bullet} ${i}`), ""],
    ),
  );
}

function markdownRegion(ext: "md" | "mdx", group: string): fc.Arbitrary<Segment[]> {
  return fc
    .record({
      kind: fc.constantFrom("ids", "model-refs", "table") as fc.Arbitrary<"ids" | "model-refs" | "table">,
      columns: fc.option(fc.shuffledSubarray([...TABLE_COLUMNS], { minLength: 1, maxLength: 5 }), { nil: undefined }),
      inQuote: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    })
    .chain(({ kind, columns, inQuote }) => {
      const name = `${group}-${kind}`;
      const options = kind === "table" && columns ? ` columns=${columns.join(",")}` : "";
      const count = kind === "table" ? (columns ?? DEFAULT_TABLE_COLUMNS).length : 0;
      return fc
        .tuple(markdownMarker(ext, `${name}:start${options}`), markdownMarker(ext, `${name}:end`), staleMarkdownBody(kind, count, columns !== undefined))
        .map(([start, end, body]): Segment[] => {
          const prefix = inQuote ? "> " : "";
          const quote = (line: string) => (inQuote ? (line === "" ? ">" : `> ${line}`) : line);
          const region: RegionPlan = {
            name,
            group,
            kind,
            context: "markdown",
            ...(kind === "table" && columns ? { columns } : {}),
          };
          return [{ fixed: [`${prefix}${start}`] }, { body: body.map(quote), region }, { fixed: [`${prefix}${end}`] }];
        });
    });
}

const HAND_ALIAS = { "hand/before": { alias: "Before" } };
const HAND_MODEL = { id: "hand-model", name: "Hand" };

function codeRegion(group: string): fc.Arbitrary<Segment[]> {
  return fc
    .record({
      kind: fc.constantFrom("aliases", "models", "ids", "model-refs") as fc.Arbitrary<"aliases" | "models" | "ids" | "model-refs">,
      char: fc.constantFrom("`", "~"),
      length: fc.integer({ min: 3, max: 5 }),
      lang: fc.constantFrom("json5", "jsonc", "json", "js"),
      unit: indentUnit,
      comment: fc.constantFrom("line", "block"),
      before: fc.boolean(),
      after: fc.boolean(),
      nest: fc.constantFrom("none", "none", "none", "list", "quote"),
      stale: fc.constantFrom("empty", "entries"),
    })
    .map(({ kind, char, length, lang, unit, comment, before, after, nest, stale }): Segment[] => {
      const name = `${group}-${kind}`;
      const marker = (verb: string) => (comment === "line" ? `// ${name}:${verb}` : `/* ${name}:${verb} */`);
      const key = (k: string) => (lang === "json" || lang === "jsonc" ? `"${k}"` : k);
      const i = (n: number) => unit.repeat(n);
      const isObject = kind === "aliases";
      const hand = isObject ? [`"hand/before": { ${key("alias")}: "Before" },`] : kind === "models" ? [`{ ${key("id")}: "hand-model", ${key("name")}: "Hand" },`] : ['"hand-before",'];
      const handAfter = isObject ? [`"hand/after": { ${key("alias")}: "After" }`] : kind === "models" ? [`{ ${key("id")}: "hand-after", ${key("name")}: "After" }`] : ['"hand-after"'];
      const staleLines = stale === "empty" ? [] : isObject ? ['"old/model": { alias: "Old" },'] : kind === "models" ? ['{ id: "old" },'] : ['"old",'];

      const open = [`{`, `${i(1)}${key("doc")}: {`, `${i(2)}${key("list")}: ${isObject ? "{" : "["}`];
      const close = [`${i(2)}${isObject ? "}" : "]"}`, `${i(1)}}`, `}`];
      const depth = 3;
      const fence = char.repeat(length);
      const prefix = nest === "list" ? "   " : nest === "quote" ? "> " : "";
      const lead = nest === "list" ? ["1. The config:", ""] : [];
      const wrap = (line: string) => (line === "" && nest === "quote" ? ">" : `${prefix}${line}`);
      const region: RegionPlan = {
        name,
        group,
        kind,
        context: "code",
        before: before ? [isObject ? HAND_ALIAS : kind === "models" ? HAND_MODEL : "hand-before"] : [],
        after: after ? [isObject ? { "hand/after": { alias: "After" } } : kind === "models" ? { id: "hand-after", name: "After" } : "hand-after"] : [],
      };
      return [
        {
          fixed: [
            ...lead,
            ...[`${fence}${lang}`, ...open, ...(before ? hand.map((l) => i(depth) + l) : []), i(depth) + marker("start")].map(wrap),
          ],
        },
        { body: staleLines.map((l) => wrap(i(depth) + l)), region },
        {
          fixed: [i(depth) + marker("end"), ...(after ? handAfter.map((l) => i(depth) + l) : []), ...close, fence].map(wrap),
        },
      ];
    });
}

// ---------------------------------------------------------------------------
// Whole documents

export interface DocumentShape {
  /** Doc group ids of the catalog the document is meant for. */
  groups: readonly string[];
  maxRegions?: number;
}

/** A random document holding 1..maxRegions regions of the given groups among random hand-written blocks. */
export function documentArbitrary({ groups, maxRegions = 4 }: DocumentShape): fc.Arbitrary<DocumentPlan> {
  const regionNames = groups.flatMap((g) => ["ids", "model-refs", "aliases", "models", "table"].map((k) => `${g}-${k}`));
  return fc.constantFrom("md", "mdx").chain((ext) =>
    fc
      .record({
        ext: fc.constant(ext as "md" | "mdx"),
        frontMatter: fc.boolean(),
        blocks: fc.array(
          fc.tuple(
            fc.array(noiseBlock(ext as "md" | "mdx", regionNames), { maxLength: 3 }),
            fc.constantFrom(...groups).chain((g) => fc.oneof(markdownRegion(ext as "md" | "mdx", g), codeRegion(g))),
          ),
          { minLength: 1, maxLength: maxRegions },
        ),
        tail: fc.array(noiseBlock(ext as "md" | "mdx", regionNames), { maxLength: 2 }),
        eol: fc.constantFrom("lf", "crlf", "mixed") as fc.Arbitrary<"lf" | "crlf" | "mixed">,
        mixedPattern: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        bom: fc.boolean(),
        finalNewline: fc.boolean(),
        ending: fc.constantFrom("text", "blank", "region"),
      })
      .map(({ ext, frontMatter, blocks, tail, eol, mixedPattern, bom, finalNewline, ending }): DocumentPlan => {
        const segments: Segment[] = [];
        const blank = () => segments.push({ fixed: [""] });
        if (frontMatter) segments.push({ fixed: ["---", "title: Region test", "summary: \"a: b\"", "---"] }), blank();
        blocks.forEach(([noise, region], i) => {
          for (const block of noise) segments.push({ fixed: block }), blank();
          segments.push(...region);
          // The document may end on the last region's end marker.
          if (i < blocks.length - 1 || ending !== "region") blank();
        });
        if (ending !== "region") {
          for (const block of tail) segments.push({ fixed: block }), blank();
          segments.push({ fixed: [ending === "blank" ? "" : "The end."] });
        }
        return { ext, segments, eol, mixedPattern, bom, finalNewline };
      }),
  );
}
