// Pages copied from the host application's docs (openclaw/openclaw, docs/…), cut to
// the part that shows each case: what `gen` makes of them with the bundled catalog.
import { cpSync, writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { cells, outsideBodies, regionBodyLines, tableRows } from "./support/region-bodies.ts";
import { repoRoot, runCli, tempDir } from "./support/run-cli.ts";

const catalog = join(repoRoot, "schema", "catalog.jsonc");

/** A copy of a fixture folder of test/fixtures/host-pages/, and `gen` over its docs/. */
function hostPages(name: string) {
  const dir = tempDir("kcs-host-pages-");
  cpSync(join(import.meta.dirname, "fixtures", "host-pages", name), dir, { recursive: true });
  const docs = join(dir, "docs");
  return {
    docs,
    read: (page: string) => readFileSync(join(docs, page), "utf8"),
    gen: (...flags: string[]) => runCli(["gen", ...flags, "--catalog", catalog, "--docs", docs]),
  };
}

describe("a translated table whose rows name models that have since left the group", () => {
  // docs/de/providers/moonshot.md and docs/ar/providers/moonshot.md: the ids region is a table whose reasoning
  // column says Ja / Nein (نعم / لا); the catalog has no German or Arabic words. The rows that say Ja (نعم) are
  // about models the catalog has retired, as on the English page, docs/providers/moonshot.md.
  it("keeps the translators' words learned from those rows instead of writing English", async () => {
    const p = hostPages("translated-retired-rows");
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const reasoning = (page: string) =>
      tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).slice(2).map((row) => cells(row)[2]!);
    const english = reasoning("providers/moonshot.md");
    expect(english).toContain("Yes");
    const de = reasoning("de/providers/moonshot.md");
    const ar = reasoning("ar/providers/moonshot.md");
    english.forEach((cell, i) => {
      if (cell === "Yes") {
        expect(de[i]).toBe("Ja");
        expect(ar[i]).toBe("نعم");
      }
    });
    expect(result.stderr).not.toContain('no de text for the word "yes"');
    expect(result.stderr).not.toContain('no ar text for the word "yes"');
    expect((await p.gen("--check")).code).toBe(0);
  });
});

describe("a list region whose end marker a formatter indented under the last item", () => {
  // docs/ko/providers/moonshot.md and docs/pt-BR/providers/moonshot.md: Prettier rewrote the MDX markers as
  // `{/_ … _/ && null}` and indented the end marker under the list's last item, which it continues.
  it("stays a tight list: no blank line is put between the last item and the end marker", async () => {
    const p = hostPages("formatter-markers-tight-list");
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    for (const page of ["ko/providers/moonshot.md", "pt-BR/providers/moonshot.md"]) {
      const text = p.read(page);
      const body = regionBodyLines(text, "moonshot-kimi-k2-ids");
      const items = body.filter((line) => line.startsWith("- "));
      expect(items.length).toBeGreaterThan(0);
      // The markers are restored, and the last item runs straight into the end marker, as it did.
      expect(text).toContain(`${items.at(-1)}\n  {/* moonshot-kimi-k2-ids:end */}\n`);
      expect(body.slice(body.indexOf(items[0]!))).toEqual(items);
    }
    expect((await p.gen("--check")).code).toBe(0);
  });
});

describe("a list region nested under a list item", () => {
  // docs/concepts/model-providers.md: the model-refs region is a list nested under the item "Kimi K2 model IDs:",
  // its markers written right above and below the nested list. A blank line at either end would put two blocks with
  // a blank line between them in that item, and make the whole outer list a loose one.
  it("is written without blank lines at its ends, as it was", async () => {
    const p = hostPages("nested-list-region");
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const page = "concepts/model-providers.md";
    const body = regionBodyLines(p.read(page), "moonshot-kimi-k2-model-refs");
    expect(body.length).toBeGreaterThan(0);
    for (const line of body) expect(line).toMatch(/^ {2}- `moonshot\/[^`]+`$/);
    expect(p.read(page)).toContain("- Kimi K2 model IDs:\n  {/* moonshot-kimi-k2-model-refs:start */}\n  - `moonshot/");
    expect((await p.gen("--check")).code).toBe(0);
  });
});

describe("a translated table whose source-language page the run leaves out", () => {
  // docs/de/providers/moonshot.md translates docs/providers/moonshot.md, which holds the region: with that page
  // excluded, the German table's columns cannot be taken from it, and the message must say why, not that it has
  // no such region.
  it("names the page as left out of the run", async () => {
    const p = hostPages("translated-retired-rows");
    const result = await runCli(["gen", "--check", "--catalog", catalog, "--docs", p.docs, "--exclude", join(p.docs, "providers/moonshot.md")]);
    expect(result.code).toBe(2);
    const english = join(p.docs, "providers/moonshot.md");
    expect(result.stderr).not.toContain(`${english} has no region moonshot-kimi-k2-ids`);
    expect(result.stderr).toContain(`${english} is left out of the run`);
  });
});

describe("config blocks that close one bracket more than they open", () => {
  // docs/providers/moonshot.md: in the Moonshot snippet the line closing `models` is written twice (line 53); in the
  // Kimi Code snippet a `}` was added at the end of the `compat` line (line 148, column 54). Counting alone would
  // blame the last `}` of each block, and the parser the text after the value or the array's closer.
  it("names the bracket too many, by the indentation, and where counting ran out", async () => {
    const p = hostPages("json-extra-bracket");
    const result = await p.gen("--check");
    const found = result.stderr.split("\n").filter((line) => line.includes("[json]")).map((line) => line.slice(p.docs.length + 1));
    expect(found).toEqual([
      "providers/moonshot.md:53:7: warning: json5 code block does not parse: `}` is the closing bracket too many, by the indentation: " +
        "the text closes one bracket more than it opens (the `}` at line 115, column 1 is left with nothing to close); remove this one [json]",
      "providers/moonshot.md:148:54: warning: json5 code block does not parse: `}` is the closing bracket too many, by the indentation: " +
        "the text closes one bracket more than it opens (the `}` at line 154, column 1 is left with nothing to close); remove this one [json]",
    ]);
  });
});

describe("a topic folder named like a language, beside the host's language folders", () => {
  // docs/ml/providers/moonshot.md: a machine-learning section that mirrors the provider pages' paths, beside
  // docs/de/ and docs/ar/, the host's translations. `ml` is also Malayalam's tag, but no page of docs/ml/ is written
  // in Malayalam letters: it is a topic, in the default language.
  it("is read in the default language: English words, no warning about Malayalam ones, and the translations stay translations", async () => {
    const p = hostPages("ml-topic-folder");
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/no ml text/);
    const reasoning = (page: string) =>
      tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).slice(2).map((row) => cells(row)[2]!);
    const english = reasoning("providers/moonshot.md");
    expect(reasoning("ml/providers/moonshot.md")).toEqual(english);
    // The German page is still read as German: its own words are kept where the English page says Yes.
    const de = reasoning("de/providers/moonshot.md");
    english.forEach((cell, i) => {
      if (cell === "Yes") expect(de[i]).toBe("Ja");
    });
    expect((await p.gen("--check")).code).toBe(0);
  });
});

describe("a translated table whose numbers are written the translators' way", () => {
  // docs/ar/providers/moonshot.md: token counts in Arabic-Indic digits (١٬٠٤٨٬٥٧٦), as 1M and 256K (٢٥٦K), prices as $2.00;
  // one row still says 128K (١٢٨K) and one price $0.95, from an earlier catalog.
  it("keeps each cell that reads as the catalog's value, and names each one it replaces", async () => {
    const p = hostPages("number-styles");
    const page = "ar/providers/moonshot.md";
    const before = p.read(page);
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const numbers = (region: string, from: number) =>
      tableRows(regionBodyLines(p.read(page), region)).slice(2).map((row) => cells(row).slice(from));
    expect(numbers("moonshot-kimi-k2-ids", 4)).toEqual([
      ["١٬٠٤٨٬٥٧٦", "1M"],
      ["1,048,576", "1,048,576"],
      ["1M", "1M"],
      ["256K", "٢٥٦K"],
      ["262,144", "262,144"],
      ["262,144", "262,144"],
    ]);
    expect(numbers("moonshot-kimi-k2-table", 1)).toEqual([
      ["$2.00", "$10.00"],
      ["$4.00", "$20.00"],
      ["$3.00", "$15.00"],
      ["$0.95", "$4.00"],
      ["$0.95", "$4.00"],
      ["1.90 USD", "$8.00"],
    ]);
    expect(numbers("moonshot-current-table", 1).map(([date]) => date)).toEqual(["٢٤/١٠/٢٠٢٦", "24/10/2026", "16.07.2026", "٢٠٢٦/٤/٢٠", "١٢/٠٦/٢٠٢٦", "2026-06-12"]);
    // Each replaced cell is named at its place in the page as it was.
    const lines = before.split("\n");
    const at = (cell: string) => {
      const line = lines.findIndex((l) => l.includes(`| ${cell} `) && l.includes("kimi-k2.7-code-highspeed"));
      return `${page}:${line + 1}:${lines[line]!.indexOf(`| ${cell} `) + 3}`;
    };
    const replaced = result.stderr.split("\n").filter((line) => line.includes("reads as another value")).map((line) => line.slice(p.docs.length + 1));
    expect(replaced).toEqual([
      `${at("128K")}: warning: column 5 ("السياق") of region moonshot-kimi-k2-ids: cell "128K" reads as another value than the catalog's, ` +
        `and is written in another way than gen writes it: it becomes "262,144". To keep the page's way, write the new value that way: ` +
        "a cell that reads as the catalog's value is left as written",
      expect.stringMatching(new RegExp(`^${at("١٢٨K")}: warning: column 6 .* cell "١٢٨K" reads as another value .* it becomes "262,144"`)),
      expect.stringMatching(new RegExp(`^${at("$0.95").replace("$", "\\$")}: warning: column 2 .* cell "\\$0.95" reads as another value .* it becomes "1.90 USD"`)),
      expect.stringMatching(new RegExp(`^${at("١٠/٠٦/٢٠٢٦")}: warning: column 2 .* cell "١٠/٠٦/٢٠٢٦" reads as another value .* it becomes "2026-06-12"`)),
    ]);
    expect((await p.gen("--check")).code).toBe(0);
  });
});

describe("a translated table whose cells a translator dressed: a link, a footnote mark, emphasis", () => {
  // docs/zh-CN/providers/moonshot.md: the K2.6 ref is a link, its name carries the footnote mark [^k26] (the footnote
  // is below the table), 是 is in bold, the K2.7 Code name in italics. The Kimi K3 row is missing.
  it("keeps each dressed cell that says what the column writes, while the table is brought up to date", async () => {
    const p = hostPages("dressed-cells");
    const page = "zh-CN/providers/moonshot.md";
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).slice(2).map(cells);
    expect(rows.map((row) => row[0])).toContain("`moonshot/kimi-k3`");
    expect(rows.find((row) => row[1] === "Kimi K2.6[^k26]")).toEqual([
      "[`moonshot/kimi-k2.6`](/zh-CN/providers/moonshot#kimi-k2-6)", "Kimi K2.6[^k26]", "**是**", "文本、图像、视频", "262,144", "262,144",
    ]);
    expect(rows.map((row) => row[1])).toContain("*Kimi K2.7 Code*");
    expect((await p.gen("--check")).code).toBe(0);

    // A dressed cell that no longer says what the column writes is replaced, and its dressing named.
    writeFileSync(join(p.docs, page), p.read(page).replace("*Kimi K2.7 Code* ", "*Kimi K2.7 Coder*"));
    const renamed = await p.gen();
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).slice(2).map((row) => cells(row)[1])).toContain("Kimi K2.7 Code");
    expect(renamed.stderr).toMatch(
      /zh-CN\/providers\/moonshot\.md:\d+:\d+: warning: column 2 \("名称"\) of region moonshot-kimi-k2-ids: cell "\*Kimi K2\.7 Coder\*" says another text than the catalog's now: it becomes "Kimi K2\.7 Code", without `\*`; dress the new cell again/,
    );
  });
});

describe("a region whose end marker is written with a full-width colon", () => {
  // docs/zh-CN/providers/moonshot.md: `[//]: # "moonshot-kimi-k2-ids：end"` (line 29) is no marker, so the table's start
  // has no end before the aliases region starts (line 101). The run stops there, and the warning about the near miss,
  // shown on a run that goes on, would not be seen.
  it("stops, naming the line that was meant as the end and what to write there", async () => {
    const p = hostPages("full-width-end-marker");
    const page = "zh-CN/providers/moonshot.md";
    const before = p.read(page);
    const result = await p.gen();
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter((line) => line.startsWith(p.docs)).map((line) => line.slice(p.docs.length + 1))).toEqual([
      `${page}:18:1: \`moonshot-kimi-k2-ids:start\` has no matching \`moonshot-kimi-k2-ids:end\` before the next region starts (line 101); ` +
        'line 29 has `[//]: # "moonshot-kimi-k2-ids：end"`, which is not read as a marker: it has a full-width colon `：`; ' +
        'write `[//]: # "moonshot-kimi-k2-ids:end"`',
    ]);
    expect(p.read(page)).toBe(before);
  });
});

describe("a translated list whose items carry the translator's words after the model", () => {
  // docs/ja-JP/providers/moonshot.md: `kimi-k2.6`（推奨） is about a model the group lists, `kimi-k2.5`（画像入力に対応）
  // about one the catalog has retired; the other items are plain, as earlier renderings write them.
  it("keeps the words on the item of a model still listed, and names the ones an item of a model no longer listed loses", async () => {
    const p = hostPages("list-item-notes");
    const page = "ja-JP/providers/moonshot.md";
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    expect(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).toContain("- `kimi-k2.6`（推奨）");
    expect(result.stderr.split("\n").filter((line) => line.includes("moonshot-kimi-k2-ids")).map((line) => line.slice(p.docs.length + 1))).toEqual([
      `${page}:28:1: warning: this item of region moonshot-kimi-k2-ids is about a model the region no longer lists, and holds words of its own ` +
        '("（画像入力に対応）"); `gen` drops it: move the words out of the region',
    ]);
    expect((await p.gen("--check")).code).toBe(0);
  });
});


describe("translated tables whose token counts use the words of the page's language", () => {
  // number-words/: the ids table on the German, Chinese, Japanese and Korean pages, its context column written as each
  // language shortens numbers (`1 Mio.`, `105万`, `26.2万`, `26만`, `1.048.576`, `128 K`); one row on each is stale.
  it("keeps each count that reads as the catalog's value in the page's language, and names each one it replaces", async () => {
    const p = hostPages("number-words");
    const pages = ["de", "zh-CN", "ja-JP", "ko"].map((lang) => `${lang}/providers/moonshot.md`);
    const before = Object.fromEntries(pages.map((page) => [page, p.read(page)]));
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const context = (page: string) => tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).slice(2).map((row) => cells(row)[4]);
    expect(context(pages[0]!)).toEqual(["1 Mio.", "1.048.576", "1 Mio.", "256K", "262.144", "262.144"]);
    expect(context(pages[1]!)).toEqual(["105万", "1,048,576", "100万", "26万", "26.2万", "262,144"]);
    expect(context(pages[2]!)).toEqual(["100万", "100万", "100万", "26万", "262,144", "262,144"]);
    expect(context(pages[3]!)).toEqual(["105만", "1,048,576", "1M", "26만", "262,144", "262,144"]);
    // The stale cell of each page, and only it, is named where it was written.
    const stale = { de: "128 K", "zh-CN": "12.8万", "ja-JP": "13万", ko: "128K" } as const;
    const expected = pages.map((page) => {
      const cell = stale[page.split("/")[0] as keyof typeof stale];
      const lines = before[page]!.split("\n");
      const line = lines.findIndex((l) => l.includes(`| ${cell} |`));
      return `${page}:${line + 1}:${lines[line]!.indexOf(`| ${cell} |`) + 3}: warning: column 5 `;
    });
    const replaced = result.stderr.split("\n").filter((line) => line.includes("reads as another value")).map((line) => line.slice(p.docs.length + 1));
    expect(replaced.map((line) => line.slice(0, line.indexOf("("))).sort()).toEqual(expected.sort());
    expect((await p.gen("--check")).code).toBe(0);
  });
});

describe("translated tables whose cells carry the translator's words beside the model's", () => {
  // cell-notes/: on the Chinese page, Kimi K2.6（推荐）, `moonshot/kimi-k3`（旗舰）, and Kimi K2.7 Code 编程首选 (words
  // added without parentheses); on the Japanese page, Kimi K2.6（推奨） and (新) Kimi K3. Each table lacks a row, so it drifts.
  it("keeps a note in parentheses before or after the value, and names the words it drops where they have none", async () => {
    const p = hostPages("cell-notes");
    const zh = "zh-CN/providers/moonshot.md";
    const ja = "ja-JP/providers/moonshot.md";
    const before = p.read(zh);
    const result = await p.gen();
    expect(result.code, result.stderr).toBe(0);
    const rows = (page: string) => tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).slice(2).map((row) => cells(row).slice(0, 2));
    expect(rows(zh)).toEqual([
      ["`moonshot/kimi-k3.1-pro`", "Kimi K3.1 Pro"],
      ["`moonshot/kimi-k3.1-pro-highspeed`", "Kimi K3.1 Pro HighSpeed"],
      ["`moonshot/kimi-k3`（旗舰）", "Kimi K3"],
      ["`moonshot/kimi-k2.6`", "Kimi K2.6（推荐）"],
      ["`moonshot/kimi-k2.7-code`", "Kimi K2.7 Code"],
      ["`moonshot/kimi-k2.7-code-highspeed`", "Kimi K2.7 Code HighSpeed"],
    ]);
    expect(rows(ja).map(([, name]) => name)).toEqual(["Kimi K3.1 Pro", "Kimi K3.1 Pro HighSpeed", "(新) Kimi K3", "Kimi K2.6（推奨）", "Kimi K2.7 Code", "Kimi K2.7 Code HighSpeed"]);
    const lines = before.split("\n");
    const line = lines.findIndex((l) => l.includes("编程首选"));
    const warnings = result.stderr.split("\n").filter((l) => l.includes("says more than")).map((l) => l.slice(p.docs.length + 1));
    expect(warnings).toEqual([
      `${zh}:${line + 1}:${lines[line]!.indexOf("Kimi K2.7 Code 编程首选") + 1}: warning: column 2 ("名称") of region moonshot-kimi-k2-ids: ` +
        'cell "Kimi K2.7 Code 编程首选" says more than the catalog\'s "Kimi K2.7 Code": it becomes "Kimi K2.7 Code", and "编程首选" is dropped. ' +
        'To keep such words, put them in parentheses after the value ("Kimi K2.7 Code (编程首选)"), or in a column written by hand',
    ]);
    expect((await p.gen("--check")).code).toBe(0);
  });
});

describe("the host's tables padded to line up, whose rows an earlier rendering left ragged", () => {
  // number-styles/docs/providers/moonshot.md and dressed-cells/docs/zh-CN/providers/moonshot.md: the header and delimiter
  // rows are padded as Prettier pads them (Chinese characters two columns wide); the rows below are not.
  it("are lined up again by display width, header and delimiter rows kept byte for byte, and then read as up to date", async () => {
    /** The screen column of each pipe of a row. */
    const pipes = (row: string) => [...row.matchAll(/(?<!\\)\|/g)].map((m) => stringWidth(row.slice(0, m.index)));
    for (const [fixture, page] of [["number-styles", "providers/moonshot.md"], ["dressed-cells", "zh-CN/providers/moonshot.md"]] as const) {
      const p = hostPages(fixture);
      const written = tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids")).slice(0, 2);
      const result = await p.gen();
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toContain("is not generated from the catalog");
      const rows = tableRows(regionBodyLines(p.read(page), "moonshot-kimi-k2-ids"));
      expect(rows.length).toBeGreaterThan(3);
      // The translators' header and delimiter rows as written; the rows lined up with one another (a name wider than
      // its column, Kimi K3.1 Pro HighSpeed, widens the column in every row, past the header).
      expect(rows.slice(0, 2)).toEqual(written);
      for (const row of rows.slice(2)) expect(pipes(row), `${page}: ${row}`).toEqual(pipes(rows[2]!));
      expect((await p.gen("--check")).code).toBe(0);
    }
  });
});
