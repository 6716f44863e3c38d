// A region whose body is a table stays that table: every way its columns are
// identified, the exit-2 case, cells in the page's language, numbers as written.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { cells, regionBodyLines, tableRows } from "./support/region-bodies.ts";
import { runCli, runGenWith, tempProject, tempProjectWith } from "./support/run-cli.ts";

const start = (name: string, options = "") => `[//]: # "${name}:start${options}"`;
const end = (name: string) => `[//]: # "${name}:end"`;

function tablePage(name: string, header: string, rows: readonly string[] = [], options = "", front = ""): string {
  const alignment = `|${header.split("|").slice(1, -1).map(() => " --- |").join("")}`;
  return [front, "# Models", "", start(name, options), "", header, alignment, ...rows, "", end(name), "", "Text after."].join("\n").trimStart();
}

function project(pages: Record<string, string>) {
  const p = tempProjectWith(pages);
  const catalog = loadCatalog(p.catalog);
  const group = catalog.groups.find((g) => g.id === "kimi-code")!;
  return {
    ...p,
    group,
    gen: (settings: Omit<Parameters<typeof runGenWith>[0], "catalog" | "docs"> = {}) => runGenWith({ catalog: p.catalog, docs: p.docs, ...settings }),
    rows: (path: string, name = "kimi-code-ids") => tableRows(regionBodyLines(readFileSync(join(p.docs, path), "utf8"), name)),
  };
}

/** The ref of a model of the kimi-code group, in a code span, with the provider's id as the catalog has it. */
const KIMI_CODE = loadCatalog(tempProject().catalog).groups.find((g) => g.id === "kimi-code")!;
const refOf = (id: string) => `\`${KIMI_CODE.provider.id}/${id}\``;

describe("identifying a table's columns", () => {
  it("from the English header words, other spellings included, in an -ids region", async () => {
    const header = "| Model ref | Name | Context | Max output |";
    const p = project({ "page.md": tablePage("kimi-code-ids", header, ["| `old/id` | Old | 1 | 2 |"]) });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = p.rows("page.md");
    expect(rows[0]).toBe(header);
    expect(rows.slice(2).map((r) => cells(r)[0])).toEqual(p.group.models.map((m) => refOf(m.id)));
    const first = p.group.models[0]!;
    expect(cells(rows[2]!)).toEqual([refOf(first.id), first.name, first.contextWindow.toLocaleString("en-US"), first.maxTokens.toLocaleString("en-US")]);
  });

  it("from the catalog's words in another language (zh-CN), with cells in the page's language", async () => {
    const header = "| 模型引用 | 推理 | 输入 |";
    const p = project({ "zh-CN/page.md": tablePage("kimi-code-ids", header) });
    expect((await p.gen()).code).toBe(0);
    const rows = p.rows("zh-CN/page.md");
    expect(rows[0]).toBe(header);
    const zh = loadCatalog(p.catalog).words.locales.get("zh-CN")!;
    rows.slice(2).forEach((row, i) => {
      const model = p.group.models[i]!;
      const [, reasoning, input] = cells(row);
      const expected = model.reasoningEffort?.map((level) => zh[`effort.${level}`]).join(" / ") ?? (model.reasoning ? zh.yes : zh.no);
      expect(reasoning).toBe(expected);
      expect(input).toMatch(/^文本/);
      expect(input).not.toMatch(/[a-z]/);
    });
  });

  it("from the headers the host's Chinese pages write (思考 for reasoning, 上下文 for the context window), with no page to learn them from", async () => {
    const header = "| 模型引用 | 名称 | 思考 | 输入 | 上下文 | 最大输出 |";
    const p = project({ "providers/kimi.zh-CN.md": tablePage("kimi-code-ids", header, ["| `kimi/old` | Old | No | text | 1 | 2 |"]) });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = p.rows("providers/kimi.zh-CN.md");
    expect(rows[0]).toBe(header);
    const zh = loadCatalog(p.catalog).words.locales.get("zh-CN")!;
    const first = p.group.models[0]!;
    const reasoning = first.reasoningEffort?.map((level) => zh[`effort.${level}`]).join(" / ") ?? (first.reasoning ? zh.yes : zh.no);
    expect(cells(rows[2]!).slice(0, 3)).toEqual([refOf(first.id), first.name, reasoning]);
  });

  it("from `columns=` on the start marker, whatever the header says", async () => {
    const p = project({ "page.md": tablePage("kimi-code-ids", "| Modell | Fenster |", [], " columns=id,context") });
    expect((await p.gen()).code).toBe(0);
    expect(p.rows("page.md").slice(2).map((r) => cells(r)[0])).toEqual(p.group.models.map((m) => `\`${m.id}\``));
  });

  it("from the region's columns in the project settings", async () => {
    const p = project({ "page.md": tablePage("kimi-code-ids", "| Modell | Fenster |") });
    expect((await p.gen()).code).toBe(2);
    const result = await p.gen({ regions: { "kimi-code-ids": { columns: ["ref", "max-output"] } } });
    expect(result.code, result.stderr).toBe(0);
    expect(p.rows("page.md").slice(2).map((r) => cells(r)[0])).toEqual(p.group.models.map((m) => refOf(m.id)));
  });

  it("from the source-language page at the same path, column by column, when the counts agree", async () => {
    const p = project({
      "page.md": tablePage("kimi-code-ids", "| Model ref | Context |"),
      "de/page.md": tablePage("kimi-code-ids", "| Modellreferenz | Kontextfenster |"),
      "fr/other.md": tablePage("kimi-code-ids", "| Référence | Fenêtre |"),
    });
    const first = await p.gen();
    // The French page has no English twin: its columns cannot be identified.
    expect(first.code).toBe(2);
    expect(first.stderr).toContain(`${join(p.docs, "fr/other.md")}:5:3: region kimi-code-ids: column 1 ("Référence")`);
    expect(first.stderr).toContain(`(no page this one translates has region kimi-code-ids to take the columns from: ${join(p.docs, "other.md")} does not exist)`);
    expect(first.stderr).not.toContain("de/page.md");
    writeFileSync(join(p.docs, "fr/other.md"), "# Plus de table\n");
    expect((await p.gen()).code).toBe(0);
    expect(p.rows("de/page.md")[0]).toBe("| Modellreferenz | Kontextfenster |");
    expect(p.rows("de/page.md").slice(2).map((r) => cells(r)[0])).toEqual(p.group.models.map((m) => refOf(m.id)));
  });

  it("from the written cells, before the source page: a translation that put its columns in another order keeps them", async () => {
    const [first] = KIMI_CODE.models;
    const row = `| ${first!.name} | ${refOf(first!.id)} | ${first!.contextWindow.toLocaleString("en-US")} |`;
    const p = project({
      "page.md": tablePage("kimi-code-ids", "| Model ref | Name | Context |", [`| ${refOf(first!.id)} | ${first!.name} | 1 |`]),
      "ko/page.md": tablePage("kimi-code-ids", "| 이름 | 모델 참조 | 컨텍스트 |", [row]),
    });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = p.rows("ko/page.md").slice(2).map(cells);
    expect(rows.map((r) => r[0])).toEqual(p.group.models.map((m) => m.name));
    expect(rows.map((r) => r[1])).toEqual(p.group.models.map((m) => refOf(m.id)));
  });

  it("refuses columns taken from the source page in an order the written cells contradict", async () => {
    const [first] = KIMI_CODE.models;
    const p = project({
      "page.md": tablePage("kimi-code-ids", "| Model ref | Name |"),
      // Column 2 holds refs, so column 1 cannot be the source's `ref` as well.
      "ko/page.md": tablePage("kimi-code-ids", "| 메모 | 모델 참조 |", [`| 빠름 | ${refOf(first!.id)} |`]),
    });
    const page = readFileSync(join(p.docs, "ko/page.md"), "utf8");
    const result = await p.gen();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('column 1 ("메모") of the table in region kimi-code-ids is not a column the engine knows (its columns are in another order than on the source-language page)');
    expect(readFileSync(join(p.docs, "ko/page.md"), "utf8")).toBe(page);
  });

  it("from the Docusaurus page an i18n page translates, under the run's docs folder", async () => {
    const page = "providers/moonshot.md";
    const p = project({ [page]: tablePage("kimi-code-ids", "| Model ref | Context |") });
    const i18n = join(p.dir, "i18n");
    const translated = join(i18n, "ja/docusaurus-plugin-content-docs/current", page);
    mkdirSync(dirname(translated), { recursive: true });
    writeFileSync(translated, tablePage("kimi-code-ids", "| モデル参照 | コンテキスト |"));
    const result = await runCli(["gen", "--catalog", p.catalog, "--docs", p.docs, "--docs", i18n]);
    expect(result.code, result.stderr).toBe(0);
    const rows = tableRows(regionBodyLines(readFileSync(translated, "utf8"), "kimi-code-ids"));
    expect(rows[0]).toBe("| モデル参照 | コンテキスト |");
    expect(rows.slice(2).map((r) => cells(r)[0])).toEqual(p.group.models.map((m) => refOf(m.id)));
  });

  it("from the page in the default locale's folder beside the language folder (Starlight's `en/`)", async () => {
    const p = project({
      "en/guides/models.md": tablePage("kimi-code-ids", "| Model ref | Context |"),
      "ja/guides/models.md": tablePage("kimi-code-ids", "| モデル | コンテキスト長 |"),
    });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(p.rows("ja/guides/models.md").slice(2).map((r) => cells(r)[0])).toEqual(p.group.models.map((m) => refOf(m.id)));
  });

  it("names each page it tried for the columns and what it lacked, and passes over one in another language", async () => {
    const p = project({
      "en/x.md": "# No region here\n",
      "ja/x.md": tablePage("kimi-code-ids", "| モデル | コンテキスト長 |"),
      "ko/x.md": tablePage("kimi-code-ids", "| 모델 | 컨텍스트 |"),
      "x.md": tablePage("kimi-code-ids", "| Model ref | Context |", [], "", "---\nlang: ko\n---\n"),
    });
    const result = await p.gen();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(p.docs, "ja/x.md")}:5:3: region kimi-code-ids: column 1 ("モデル") of the table in region kimi-code-ids is not a column the engine knows ` +
        `(no page this one translates has region kimi-code-ids to take the columns from: ${join(p.docs, "x.md")} is in ko, not in the default language; ` +
        `${join(p.docs, "en/x.md")} has no region kimi-code-ids); declare the columns with \`columns=…\` on the start marker`,
    );
    expect(result.stderr).toContain("; or, to name the column by its header, add its header as `column.<id>` (or `column.<id>.also`) to locales/ja.jsonc beside the catalog");
  });

  it("tells to copy the catalog to add a header word when the catalog is the installed package's", async () => {
    const p = project({ "ja/x.md": tablePage("kimi-code-ids", "| モデル | コンテキスト長 |"), "ko/y.md": "# y\n", "de/z.md": "# z\n" });
    const bundled = join(p.dir, "node_modules", "kimi-config-sync", "schema");
    cpSync(dirname(p.catalog), bundled, { recursive: true });
    const result = await runCli(["gen", "--catalog", join(bundled, "catalog.jsonc"), "--docs", p.docs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(p.docs, "x.md")} does not exist`);
    expect(result.stderr).toContain(
      "or, to name the column by its header, copy the package's schema/catalog.jsonc and schema/locales/ into the project, " +
        'name the copy in "catalog", and add its header as `column.<id>` (or `column.<id>.also`) to its locales/ja.jsonc',
    );
    expect(result.stderr).not.toContain("beside the catalog");
  });

  it("does not borrow the source page's columns when the counts differ", async () => {
    const p = project({
      "page.md": tablePage("kimi-code-ids", "| Model ref | Name | Context |"),
      "de/page.md": tablePage("kimi-code-ids", "| Modellreferenz | Kontextfenster |"),
    });
    const result = await p.gen();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(p.docs, "de/page.md")}:5:3: region kimi-code-ids: column 1 ("Modellreferenz") of the table`);
    expect(result.stderr).toContain("(the same region in the source-language page has 3 columns, this one 2)");
  });

  it("says when the source page's region is not a table", async () => {
    const p = project({
      "page.md": [start("kimi-code-ids"), "- `old`", end("kimi-code-ids"), ""].join("\n"),
      "es/page.md": tablePage("kimi-code-ids", "| Referencia | Ventana |"),
    });
    const result = await p.gen();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'column 1 ("Referencia") of the table in region kimi-code-ids is not a column the engine knows (the same region in the source-language page is not a table)',
    );
  });

  it("stops with exit 2 at the unidentified column's cell, saying how to declare it, and writes nothing", async () => {
    const page = tablePage("kimi-code-ids", "| Model ref | Notes |");
    const p = project({ "page.md": page });
    const result = await p.gen();
    expect(result.code).toBe(2);
    const line = result.stderr.split("\n").find((l) => l.includes("Notes"))!;
    expect(line).toContain(`${join(p.docs, "page.md")}:5:15: region kimi-code-ids: column 2 ("Notes")`);
    expect(line).toContain("`columns=…` on the start marker");
    expect(line).toContain("the region's `columns` in the project configuration");
    expect(line).toContain("`-` for a column written by hand");
    expect(line).toContain("`column.<id>`");
    expect(readFileSync(join(p.docs, "page.md"), "utf8")).toBe(page);
  });

  it("keeps hand-written cells of a row that names its model by a link, a footnote, another provider id or its name", async () => {
    const models = KIMI_CODE.models;
    const rows = [
      `| [${refOf(models[0]!.id)}](https://example.com/a) | linked |`,
      `| ${refOf(models[1]!.id)}¹ | footnote |`,
      `| \`kimi-code/${models[2]!.id}\` | other provider id |`,
      `| ${models[3]!.name} | by name |`,
    ];
    const p = project({ "page.md": tablePage("kimi-code-ids", "| Model ref | Notes |", rows, " columns=ref,-") });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(p.rows("page.md").slice(2).map((r) => cells(r)[1])).toEqual(["linked", "footnote", "other provider id", "by name"]);
  });

  it("keeps a column declared as written by hand, cell by model, with a warning", async () => {
    const [first, second] = p0Models();
    const p = project({
      "page.md": tablePage("kimi-code-ids", "| Model ref | Notes |", [`| ${refOf(first)} | Fast |`, `| ${refOf("gone")} | Old |`], " columns=ref,-"),
    });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`${join(p.docs, "page.md")}:5:15: warning: column 2 ("Notes") of region kimi-code-ids is written by hand`);
    const rows = p.rows("page.md").slice(2).map(cells);
    expect(rows[0]).toEqual([refOf(first), "Fast"]);
    expect(rows[1]).toEqual([refOf(second), ""]);
    // One run is final: the empty cells it wrote are not taken for padding the next time.
    expect((await p.gen({ check: true })).code).toBe(0);
  });
});

/** The first two models of the kimi-code group in the repository's catalog. */
function p0Models(): [string, string] {
  return [KIMI_CODE.models[0]!.id, KIMI_CODE.models[1]!.id];
}

describe("table cells", () => {
  it("write numbers the way the table already does", async () => {
    const p = project({
      "plain.md": tablePage("kimi-code-ids", "| Model ref | Context |", ["| `a/b` | 1048576 |"]),
      "dots.md": tablePage("kimi-code-ids", "| Model ref | Context |", ["| `a/b` | 1.048.576 |"]),
      "commas.md": tablePage("kimi-code-ids", "| Model ref | Context |", ["| `a/b` | 1,048,576 |"]),
    });
    expect((await p.gen()).code).toBe(0);
    const context = p.group.models[0]!.contextWindow;
    expect(cells(p.rows("plain.md")[2]!)[1]).toBe(String(context));
    expect(cells(p.rows("dots.md")[2]!)[1]).toBe(context.toLocaleString("de-DE"));
    expect(cells(p.rows("commas.md")[2]!)[1]).toBe(context.toLocaleString("en-US"));
  });

  it("line up with the header when the table pads its cells", async () => {
    const header = "| Model ref                              | Context   |";
    const page = ["# M", "", start("kimi-code-ids"), "", header, "| -------------------------------------- | --------- |", "| `a/b`                                  | 1         |", "", end("kimi-code-ids"), ""];
    const p = project({ "page.md": page.join("\n") });
    expect((await p.gen()).code).toBe(0);
    for (const row of p.rows("page.md")) expect(row.length).toBe(header.length);
    expect((await p.gen({ check: true })).code).toBe(0);
  });

  it("line up with a compact alignment row (`|---|`) too, and keep a table without outer pipes without them", async () => {
    const padded = "| Model ref                              | Context   |";
    const bare = "Model ref | Context";
    const p = project({
      "padded.md": ["# M", "", start("kimi-code-ids"), "", padded, "|----------------------------------------|----------:|", "| `a/b`                                  |         1 |", "", end("kimi-code-ids"), ""].join("\n"),
      "bare.md": ["# M", "", start("kimi-code-ids"), "", bare, "--- | ---:", "`a/b` | 1", "", end("kimi-code-ids"), ""].join("\n"),
    });
    expect((await p.gen()).code).toBe(0);
    for (const row of p.rows("padded.md")) expect(row.length).toBe(padded.length);
    for (const row of p.rows("bare.md").slice(2)) expect(row).toMatch(/^`[^|]+` \| [\d,]+$/);
    expect((await p.gen({ check: true })).code).toBe(0);
  });

  it("stay as Prettier lines them up, centred and right-aligned columns and Chinese headers too: such a table is up to date", async () => {
    // Padded as Prettier pads a table: CJK characters two columns wide, `:---:` centred, `---:` to the right.
    const page = [
      "# M", "", start("kimi-code-table", " columns=ref,name,reasoning,context"), "",
      "| 模型引用                         | 名称                      |       推理       | 上下文窗口 |",
      "| -------------------------------- | ------------------------- | :--------------: | ---------: |",
      "| `kimi/kimi-for-coding`           | Kimi For Coding           |        是        |    262,144 |",
      "| `kimi/kimi-for-coding-highspeed` | Kimi For Coding HighSpeed |        是        |    262,144 |",
      "| `kimi/k3`                        | Kimi K3 for Coding        |       最高       |  1,048,576 |",
      "| `kimi/k3-256k`                   | Kimi K3 256K for Coding   |  低 / 高 / 最高  |    262,144 |",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "zh-CN/page.md": page });
    const check = await p.gen({ check: true });
    expect(check.code, check.stdout).toBe(0);
  });

  it("without outer pipes keep a right-aligned last column right-aligned: such a table is up to date", async () => {
    const rows = [
      "Model                       | Name                      |   Context",
      "--------------------------- | ------------------------- | --------:",
      "`kimi-for-coding`           | Kimi For Coding           |   262,144",
      "`kimi-for-coding-highspeed` | Kimi For Coding HighSpeed |   262,144",
      "`k3`                        | Kimi K3 for Coding        | 1,048,576",
      "`k3-256k`                   | Kimi K3 256K for Coding   |   262,144",
    ];
    const page = (lines: readonly string[]) => ["# T", "", start("kimi-code-table", " columns=id,name,context"), "", ...lines, "", end("kimi-code-table"), ""].join("\n");
    const p = project({ "page.md": page(rows), "stale.md": page(rows.filter((row) => !row.startsWith("`k3`"))) });
    const check = await p.gen({ check: true });
    expect(check.stdout).not.toContain("page.md:");
    expect((await p.gen()).code).toBe(0);
    // A row gen adds stands as the others do, its column's width kept; the left-justified column before it too.
    expect(readFileSync(join(p.docs, "stale.md"), "utf8")).toBe(page(rows));
  });

  it("read how a column stands from the rows of the header's cell count: a pipe in a code span does not turn it, and a second gen writes nothing", async () => {
    const page = [
      "# T", "", start("kimi-code-table", " columns=id,name,context"), "",
      "Model                       | Name                      |   Context",
      "--------------------------- | ------------------------- | --------:",
      "`kimi-for-coding`           | Kimi For Coding(`x|y`)    |   262,144",
      "`k3`                        | Kimi K3 for Coding        | 1,048,576",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "page.md": page });
    expect((await p.gen()).code).toBe(0);
    const after = readFileSync(join(p.docs, "page.md"), "utf8");
    expect(after).toContain("`kimi-for-coding`           | Kimi For Coding           |   262,144\n");
    expect((await p.gen()).code).toBe(0);
    expect(readFileSync(join(p.docs, "page.md"), "utf8")).toBe(after);
  });

  it("keep a centred column centred where a cell is one column narrower than it, and a second gen writes nothing", async () => {
    const page = [
      "# T", "", start("kimi-code-table", " columns=id,name,context"), "",
      "Model             |           Name           | Context",
      "----------------- | :----------------------: | -------",
      "`kimi-for-coding` | (עברית） Kimi For Coding | 262,144",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "page.md": page });
    expect((await p.gen()).code).toBe(0);
    const after = readFileSync(join(p.docs, "page.md"), "utf8");
    expect(after).toContain("`k3`                        |    Kimi K3 for Coding     | 1,048,576");
    expect((await p.gen({ check: true })).code).toBe(0);
    expect((await p.gen()).code).toBe(0);
    expect(readFileSync(join(p.docs, "page.md"), "utf8")).toBe(after);
  });

  it("line up again, rows widened and header and delimiter rows kept byte for byte, when a new cell is wider than its column", async () => {
    const written = {
      "drawn.md": ["| Model ref        | Context   |", "| ---------------- | --------: |"],
      // Rows that line up under a compact delimiter row: the delimiter row stays compact.
      "compact.md": ["| Model ref  | Context   |", "|:---|---:|"],
      // Aligned without outer pipes: the delimiter row stays spaced as written.
      "bare.md": ["Model ref      | Context", "-------------- | ---------"],
    };
    const p = project({
      "drawn.md": ["# M", "", start("kimi-code-ids"), "", ...written["drawn.md"], "| `kimi/k3`        | 1,048,576 |", "", end("kimi-code-ids"), ""].join("\n"),
      "compact.md": ["# M", "", start("kimi-code-ids"), "", ...written["compact.md"], "| `kimi/k3`  | 1,048,576 |", "", end("kimi-code-ids"), ""].join("\n"),
      "bare.md": ["# M", "", start("kimi-code-ids"), "", ...written["bare.md"], "`kimi/k3`      | 1,048,576", "", end("kimi-code-ids"), ""].join("\n"),
      // Not aligned: stays so.
      "plain.md": ["# M", "", start("kimi-code-ids"), "", "| Model ref | Context |", "| --- | ---: |", "| `kimi/k3` | 1,048,576 |", "", end("kimi-code-ids"), ""].join("\n"),
    });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const pipes = (row: string) => [...row.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
    for (const page of ["drawn.md", "compact.md", "bare.md"] as const) {
      const rows = regionBodyLines(readFileSync(join(p.docs, page), "utf8"), "kimi-code-ids").filter((line) => line.includes("|"));
      expect(rows.length).toBe(2 + p.group.models.length);
      // Translators own the header and delimiter rows; the rows line up with one another, past the header where wider.
      expect(rows.slice(0, 2)).toEqual(written[page]);
      for (const row of rows.slice(2)) expect(pipes(row)).toEqual(pipes(rows[2]!));
      expect(rows.slice(2).some((row) => row.indexOf("|", 1) > rows[0]!.indexOf("|", 1))).toBe(true);
    }
    expect(p.rows("drawn.md")[2]).toMatch(/^\| `kimi\/kimi-for-coding` +\| +262,144 \|$/);
    for (const row of p.rows("plain.md").slice(2)) expect(row).toMatch(/^\| `[^`]+` \| [\d,]+ \|$/);
    // Read again, the widened rows are still a table whose pipes line up: a second gen changes nothing.
    expect((await p.gen({ check: true })).code).toBe(0);
  });

  it("that an earlier rendering wrote with more of the column's own words are replaced without a warning; words a person added are named", async () => {
    const page = [
      "# M", "", start("moonshot-kimi-k2-table", " columns=ref,name,input"), "", "| Model ref | Name | Input |", "| --- | --- | --- |",
      // Kimi K3 reads text and images: video is a word the column writes for other models, from a rendering of earlier data.
      "| `moonshot/kimi-k3` | Kimi K3 | text, image, video |",
      "| `moonshot/kimi-k2.6` | Kimi K2.6 recommended | text, image, video |",
      "", end("moonshot-kimi-k2-table"), "",
    ].join("\n");
    const p = project({ "page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = p.rows("page.md", "moonshot-kimi-k2-table").slice(2).map(cells);
    expect(rows.find((row) => row[0] === "`moonshot/kimi-k3`")).toEqual(["`moonshot/kimi-k3`", "Kimi K3", "text, image"]);
    expect(rows.find((row) => row[0] === "`moonshot/kimi-k2.6`")![1]).toBe("Kimi K2.6");
    const warnings = result.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings).toEqual([expect.stringMatching(/page\.md:8:\d+: warning: column 2 \("Name"\) .*cell "Kimi K2\.6 recommended" says more than the catalog's "Kimi K2\.6": .*"recommended" is dropped/)]);
  });

  it("a mark a person added (an emoji, a star) is named like words, and kept in parentheses", async () => {
    const page = [
      "# M", "", start("moonshot-kimi-k2-table", " columns=ref,name"), "", "| Model ref | Name |", "| --- | --- |",
      "| `moonshot/kimi-k3` | Kimi K3 🚀 |",
      "| `moonshot/kimi-k2.6` | Kimi K2.6 (⭐) |",
      "", end("moonshot-kimi-k2-table"), "",
    ].join("\n");
    // A list item's mark stays after its value, as its words do.
    const list = ["# M", "", start("moonshot-kimi-k2-ids"), "", "- `kimi-k2.6` ⭐", "", end("moonshot-kimi-k2-ids"), ""].join("\n");
    const p = project({ "page.md": page, "list.md": list });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = p.rows("page.md", "moonshot-kimi-k2-table").slice(2).map(cells);
    expect(rows.find((row) => row[0] === "`moonshot/kimi-k2.6`")![1]).toBe("Kimi K2.6 (⭐)");
    expect(regionBodyLines(readFileSync(join(p.docs, "list.md"), "utf8"), "moonshot-kimi-k2-ids")).toContain("- `kimi-k2.6` ⭐");
    const warnings = result.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings).toEqual([expect.stringMatching(/page\.md:7:24: warning: column 2 \("Name"\) .*cell "Kimi K3 🚀" says more than the catalog's "Kimi K3": .*"🚀" is dropped/)]);
  });

  it("a token count written with Persian digits and the word Persian shortens numbers with (۱ میلیون) is kept while it reads as the catalog's", async () => {
    const page = [
      "---", "lang: fa", "---", "# مدل‌ها", "", start("kimi-code-table", " columns=id,context"), "", "| مدل | پنجره زمینه |", "| --- | --- |",
      "| `kimi-for-coding` | ۲۶۲ هزار |",
      "| `k3` | ۱ میلیون |",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "fa/page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("reads as another value");
    const rows = p.rows("fa/page.md", "kimi-code-table").slice(2).map(cells);
    expect(rows.find((row) => row[0] === "`kimi-for-coding`")![1]).toBe("۲۶۲ هزار");
    expect(rows.find((row) => row[0] === "`k3`")![1]).toBe("۱ میلیون");
  });

  it("a token count whose word runs into the next word in another script (26万token), or is spelled with a combining mark (हज़ार), is read", async () => {
    const page = (lang: string, count: string) =>
      ["---", `lang: ${lang}`, "---", "# M", "", start("kimi-code-table", " columns=id,context"), "", "| Model | Context |", "| --- | --- |", `| \`kimi-for-coding\` | ${count} |`, "", end("kimi-code-table"), ""].join("\n");
    const pages = { "zh.md": page("zh-CN", "26万token"), "ja.md": page("ja-JP", "26万トークン"), "hi.md": page("hi", "262 हज़ार") };
    const p = project(pages);
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("reads as another value");
    for (const [path, text] of Object.entries(pages)) {
      const count = /\| `kimi-for-coding` \| (.*) \|/.exec(text)![1];
      expect(p.rows(path, "kimi-code-table").map(cells).find((row) => row[0] === "`kimi-for-coding`")![1]).toBe(count);
    }
  });

  it("a cell a person wrote beyond the header's columns is named in a warning where gen drops it", async () => {
    const page = [
      "# M", "", start("kimi-code-table", " columns=id,context"), "", "| Model | Context |", "| --- | --- |",
      "| `kimi-for-coding` | 262,144 | my own note |",
      "| `k3` | 1,048,576 |  |",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings).toEqual([expect.stringMatching(/page\.md:7:33: warning: column 3 of region kimi-code-table: cell "my own note" stands beyond the header's 2 columns.*gen drops it/)]);
  });

  it("a second row about a model, and a row whose cells name two models, are named in a warning where gen drops them", async () => {
    const page = [
      "# M", "", start("kimi-code-table", " columns=id,name,context"), "", "| Model | Name | Context |", "| --- | --- | --- |",
      "| `kimi-for-coding` | Kimi For Coding | 262,144 |",
      "| `kimi-for-coding` | Kimi For Coding (via proxy) | 262,144 |",
      "| `k3` | Kimi K3 256K for Coding | 1,048,576 |",
      "| `kimi-for-coding` | Kimi For Coding | 262,144 |",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("warning")).map((line) => line.slice(line.indexOf("page.md")));
    expect(warnings).toEqual([
      expect.stringMatching(/^page\.md:8:1: warning: this row of region kimi-code-table is about `kimi\/kimi-for-coding`, as a row above it is: gen writes one row per model, from the first, and drops this one/),
      expect.stringMatching(/^page\.md:9:1: warning: this row of region kimi-code-table names more than one model \(`kimi\/k3`, `kimi\/k3-256k`\): gen drops it/),
    ]);
  });

  it("a note that holds a number, kept beside a value gen replaces, is named in a warning: it may tell the earlier value", async () => {
    const page = [
      "# 模型", "", start("kimi-code-table", " columns=id,context"), "", "| 模型 | 上下文窗口 |", "| --- | --- |",
      "| `kimi-for-coding` | 131,072（约13万） |",
      "| `kimi-for-coding-highspeed` | 131,072（beta） |",
      "| `k3` | 1,048,576（约105万） |",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "zh-CN/page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = p.rows("zh-CN/page.md", "kimi-code-table").slice(2).map(cells);
    expect(rows.map((row) => row[1])).toEqual(["262,144（约13万）", "262,144（beta）", "1,048,576（约105万）", "262,144"]);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings).toEqual([expect.stringMatching(/zh-CN\/page\.md:7:23: warning: column 2 \("上下文窗口"\) .*cell "131,072（约13万）" becomes "262,144（约13万）": its note "（约13万）" holds a number/)]);
  });

  it("words added in parentheses inside a ref's code span are named with advice to write them after it, not in parentheses again", async () => {
    const page = [
      "# 模型", "", start("kimi-code-table", " columns=id,context"), "", "| 模型 | 上下文窗口 |", "| --- | --- |",
      "| `kimi-for-coding（推荐）` | 262,144 |",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "zh-CN/page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings).toEqual([expect.stringContaining('"（推荐）" is dropped. To keep such words, put them in parentheses after the value ("`kimi-for-coding`（推荐）")')]);
  });

  it("the warning about added words advises a note gen keeps, also where the words open a parenthesis they never close", async () => {
    const page = [
      "# 模型", "", start("kimi-code-table", " columns=id,name"), "", "| 模型 | 名称 |", "| --- | --- |",
      "| `kimi-for-coding` | Kimi For Coding（快 |",
      "", end("kimi-code-table"), "",
    ].join("\n");
    const p = project({ "zh-CN/page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const advice = /put them in parentheses after the value \("(.*?)"\)/.exec(result.stderr)?.[1];
    expect(advice).toBe("Kimi For Coding (快)");
    // Written as advised, the note stays.
    writeFileSync(join(p.docs, "zh-CN/page.md"), page.replace("Kimi For Coding（快", advice!));
    const again = await p.gen();
    expect(again.stderr).not.toContain("warning");
    expect(p.rows("zh-CN/page.md", "kimi-code-table").map(cells).find((row) => row[0] === "`kimi-for-coding`")![1]).toBe(advice);
  });

  it("a note that holds parentheses of its own stays, as the warning about added words advises writing it", async () => {
    const page = [
      "# M", "", start("moonshot-kimi-k2-table", " columns=ref,name"), "", "| Model ref | Name |", "| --- | --- |",
      "| `moonshot/kimi-k3` | Kimi K3（旗舰（新）） |",
      "| `moonshot/kimi-k2.6` | Kimi K2.6 (see (1) below) |",
      "", end("moonshot-kimi-k2-table"), "",
    ].join("\n");
    const p = project({ "page.md": page });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("warning");
    const rows = p.rows("page.md", "moonshot-kimi-k2-table").slice(2).map(cells);
    expect(rows.find((row) => row[0] === "`moonshot/kimi-k3`")![1]).toBe("Kimi K3（旗舰（新））");
    expect(rows.find((row) => row[0] === "`moonshot/kimi-k2.6`")![1]).toBe("Kimi K2.6 (see (1) below)");
    expect((await p.gen({ check: true })).code).toBe(0);
  });

  it("of the other table kinds (endpoints) keep a table without outer pipes without them too", async () => {
    const p = project({
      "page.md": ["{/* moonshot-kimi-k2-endpoints:start */}", "Endpoint | Base URL | API | Key variable | Key looks like | Keys from | Billed in", "--- | --- | --- | --- | --- | --- | ---", "{/* moonshot-kimi-k2-endpoints:end */}", ""].join("\n"),
    });
    expect((await p.gen()).code).toBe(0);
    const rows = regionBodyLines(readFileSync(join(p.docs, "page.md"), "utf8"), "moonshot-kimi-k2-endpoints").filter((l) => l.trim() !== "");
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row).not.toMatch(/^\||\|$/);
    expect((await p.gen({ check: true })).code).toBe(0);
  });

  it("say that reasoning is always on where the catalog says it cannot be turned off, and the config still reads `reasoning: true`", async () => {
    const p = project({
      "page.md": ["# M", "", "{/* moonshot-kimi-k2-table:start columns=id,reasoning */}", "{/* moonshot-kimi-k2-table:end */}", "",
        "```json5", "[", "  // moonshot-kimi-k2-models:start", "  // moonshot-kimi-k2-models:end", "]", "```", ""].join("\n"),
      "zh-CN/page.md": ["# M", "", "{/* moonshot-kimi-k2-table:start columns=id,reasoning */}", "{/* moonshot-kimi-k2-table:end */}", ""].join("\n"),
    });
    expect((await p.gen()).code).toBe(0);
    const row = (path: string) => p.rows(path, "moonshot-kimi-k2-table").find((r) => r.includes("`kimi-k2.7-code`"))!;
    expect(cells(row("page.md"))).toEqual(["`kimi-k2.7-code`", "Always on"]);
    expect(cells(row("zh-CN/page.md"))).toEqual(["`kimi-k2.7-code`", "始终开启"]);
    const models = regionBodyLines(readFileSync(join(p.docs, "page.md"), "utf8"), "moonshot-kimi-k2-models").join("\n");
    expect(models).toMatch(/id: "kimi-k2\.7-code",[^}]*reasoning: true,/s);
  });

  it("take the language from front matter, then the path, then the default locale", async () => {
    const header = "| Model ref | Input |";
    const p = project({
      "front.md": tablePage("kimi-code-ids", header, [], "", "---\nlang: zh-CN\n---\n"),
      "zh-CN/path.md": tablePage("kimi-code-ids", header),
      "plain.md": tablePage("kimi-code-ids", header),
    });
    expect((await p.gen()).code).toBe(0);
    const input = (path: string) => cells(p.rows(path)[2]!)[1];
    expect(input("front.md")).toMatch(/^文本/);
    expect(input("zh-CN/path.md")).toMatch(/^文本/);
    expect(input("plain.md")).toMatch(/^text/);
    expect((await p.gen({ defaultLocale: "zh-CN" })).code).toBe(0);
    expect(input("plain.md")).toMatch(/^文本/);
  });

  it("read a language tag as people write it; regional English is English, without a warning", async () => {
    const header = "| Model ref | Input |";
    const p = project({
      "comment.md": tablePage("kimi-code-ids", header, [], "", "---\nlang: zh-CN # Simplified Chinese\n---\n"),
      "posix.md": tablePage("kimi-code-ids", header, [], "", "---\nlang: zh_CN\n---\n"),
      "en-US/page.md": tablePage("kimi-code-ids", header),
      "plain.md": tablePage("kimi-code-ids", header),
    });
    const result = await p.gen({ defaultLocale: "ZH-cn" as string });
    expect(result.code, result.stderr).toBe(0);
    const input = (path: string) => cells(p.rows(path)[2]!)[1];
    expect(input("comment.md")).toMatch(/^文本/);
    expect(input("posix.md")).toMatch(/^文本/);
    expect(input("plain.md")).toMatch(/^文本/);
    expect(input("en-US/page.md")).toMatch(/^text/);
    expect(result.stderr).not.toMatch(/no en-US text/);
    const wrong = await p.gen({ defaultLocale: "english" });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/defaultLocale: "english" names no language; write a BCP 47 tag such as en, zh-CN or pt-BR/);
  });

  it("keep a translation's own words for a cell its language has no words for, learned from the same cell on the source page", async () => {
    const models = KIMI_CODE.models;
    const english = (m: (typeof models)[number]) => m.input.join(", ");
    const reasoningOf = (m: (typeof models)[number]) => (m.reasoning === "always" ? "Always on" : m.reasoning ? "Yes" : "No");
    const plain = models.filter((m) => !m.reasoningEffort?.length);
    expect(plain.length).toBeGreaterThan(1);
    const [a, b] = plain as [(typeof models)[number], (typeof models)[number]];
    const p = project({
      "page.md": tablePage("kimi-code-ids", "| Model ref | Reasoning | Input |", [a, b].map((m) => `| ${refOf(m.id)} | ${reasoningOf(m)} | ${english(m)} |`)),
      "ja/page.md": tablePage("kimi-code-ids", "| モデル参照 | 推論 | 入力 |", [a, b].map((m) => `| ${refOf(m.id)} | 訳:${reasoningOf(m)} | 訳:${english(m)} |`)),
    });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = new Map(p.rows("ja/page.md").slice(2).map(cells).map((r) => [r[0], r]));
    for (const m of [a, b]) expect(rows.get(refOf(m.id))).toEqual([refOf(m.id), `訳:${reasoningOf(m)}`, `訳:${english(m)}`]);
    // The words it did not write in English are not said to be missing.
    expect(result.stderr).not.toContain('no ja text for the word "input.text"');
    expect((await p.gen({ check: true })).code).toBe(0);
  });

  it("fall back to English for a word a language lacks, with one warning per word and language", async () => {
    const header = "| Model ref | Input |";
    const p = project({ "ja-JP/a.md": tablePage("kimi-code-ids", header), "ja-JP/b.md": tablePage("kimi-code-ids", header) });
    const result = await p.gen();
    expect(result.code).toBe(0);
    const warnings = result.stderr.split("\n").filter((l) => l.includes('no ja-JP text for the word "input.text"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${join(p.docs, "ja-JP/a.md")}:3:1: warning:`);
    expect(cells(p.rows("ja-JP/b.md")[2]!)[1]).toMatch(/^text/);
  });
});

describe("other shapes", () => {
  it("a list keeps being a list, with its bullet", async () => {
    const p = project({ "page.md": ["# M", "", start("kimi-code-ids"), "", "* `old`", "", end("kimi-code-ids"), ""].join("\n") });
    expect((await p.gen()).code).toBe(0);
    const body = regionBodyLines(readFileSync(join(p.docs, "page.md"), "utf8"), "kimi-code-ids").filter((l) => l !== "");
    expect(body).toEqual(p.group.models.map((m) => `* \`${m.id}\``));
  });
});

describe("a translated table after a catalog change", () => {
  it("takes its value columns from the source page, not from stale cells that happen to equal another column", async () => {
    // One row whose context cell is stale and equals the model's max output: the source page says it is the context.
    const model = KIMI_CODE.models.find((m) => m.maxTokens !== m.contextWindow)!;
    const stale = model.maxTokens.toLocaleString("en-US");
    const p = project({
      "page.md": tablePage("kimi-code-ids", "| Model ref | Context |", [`| ${refOf(model.id)} | ${stale} |`]),
      "ko/page.md": tablePage("kimi-code-ids", "| 모델 참조 | 컨텍스트 |", [`| ${refOf(model.id)} | ${stale} |`]),
    });
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const row = p.rows("ko/page.md").slice(2).map(cells).find((r) => r[0] === refOf(model.id))!;
    expect(row[1]).toBe(model.contextWindow.toLocaleString("en-US"));
  });
});
