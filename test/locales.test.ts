// The catalog's words: the committed locale files, the fallback to English, and
// the validation of locale files (every problem at its line and column).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { wordsFor } from "../scripts/catalog/words.ts";
import { DEFAULT_JSON5_STYLE } from "../scripts/docs/json5.ts";
import { endpoints } from "../scripts/docs/kinds/endpoints.ts";
import { InputError, type Diagnostic } from "../scripts/lib/diagnostics.ts";
import { repoRoot, runCli, snapshot, tempProject } from "./support/run-cli.ts";

const committed = () => loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));

function problems(catalogFile: string): Diagnostic[] {
  try {
    loadCatalog(catalogFile);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  return [];
}

/** 1-based line:column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index, `"${needle}" occurs`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

describe("the committed words", () => {
  it("has English for every word, the catalog's endpoint labels included", () => {
    const { words, providers } = committed();
    for (const provider of providers) {
      for (const endpoint of provider.endpoints) expect(words.base[`endpoint.${provider.id}.${endpoint.id}`]).toBe(endpoint.label);
    }
    for (const key of ["yes", "no", "reasoning.always", "input.video", "effort.max", "status.retired", "column.cache-write-1h-price"]) {
      expect(words.base[key], key).toBeTruthy();
    }
  });

  it("has Simplified Chinese for every English word", () => {
    const { words } = committed();
    const chinese = words.locales.get("zh-CN")!;
    expect(Object.keys(words.base).filter((key) => !(key in chinese))).toEqual([]);
  });

  it("has Brazilian Portuguese for the table vocabulary, and falls back to English for the rest, recording each word once", () => {
    const { words } = committed();
    const portuguese = wordsFor(words, "pt-BR");
    expect(["yes", "no", "reasoning.always", "input.image", "effort.high", "status.current", "column.context"].map((k) => portuguese.word(k)))
      .toEqual(["Sim", "Não", "Sempre ativo", "imagem", "alto", "atual", "Janela de contexto"]);
    expect(portuguese.missing.size).toBe(0);
    expect(portuguese.word("column.cache-write-1h-price")).toBe(words.base["column.cache-write-1h-price"]);
    portuguese.word("column.cache-write-1h-price");
    portuguese.word("endpoint.kimi.openai");
    expect([...portuguese.missing]).toEqual(["column.cache-write-1h-price", "endpoint.kimi.openai"]);
  });
});

describe("a language named by its script or without its region", () => {
  it("takes the words of the same language in the same script: zh-Hans those of zh-CN, pt those of pt-BR; not pt-PT, which names another region", () => {
    const { words } = committed();
    expect(wordsFor(words, "zh-Hans").word("yes")).toBe(wordsFor(words, "zh-CN").word("yes"));
    expect(wordsFor(words, "zh-Hans-CN").word("status.retired")).toBe("已下线");
    expect(wordsFor(words, "pt").word("yes")).toBe("Sim");
    expect(wordsFor(words, "pt-PT").word("yes")).toBe("Yes");
    expect(wordsFor(words, "zh-Hant").word("yes")).toBe("Yes"); // another script: no Chinese words of its own here
  });
});

describe("a partial language in a generated table", () => {
  it("shows the words it has, falls back to English for the rest, and records each missing word once", () => {
    const catalog = committed();
    const words = wordsFor(catalog.words, "pt-BR");
    const render = (groupId: string) =>
      endpoints.render({
        catalog, group: catalog.groups.find((g) => g.id === groupId)!, region: `${groupId}-endpoints`, settings: {}, context: "markdown", lang: "", options: {}, body: [],
        bullet: "-", json5: DEFAULT_JSON5_STYLE, words,
      });
    const moonshot = render("moonshot-current");
    render("kimi-code");
    expect("lines" in moonshot && moonshot.lines[0]).toBe("| Endpoint | Base URL | API | Key variable | Key looks like | Keys from | Billed in |");
    expect("lines" in moonshot && moonshot.lines[3]).toMatch(/^\| China \|/);
    expect([...words.missing].sort()).toEqual([
      "column.api", "column.base-url", "column.currency", "column.key-looks-like", "column.key-variable", "column.keys-from",
      "endpoint.kimi.anthropic", "endpoint.kimi.openai", "endpoint.moonshot.anthropic", "endpoint.refused",
    ]);
  });
});

describe("locale file validation", () => {
  function project(edit: (localesDir: string) => void): { catalog: string; locales: string } {
    const { catalog } = tempProject();
    const locales = join(catalog, "..", "locales");
    edit(locales);
    return { catalog, locales };
  }

  it("names an English word a catalog's own locale files lack (not a crash later, while rendering)", () => {
    const { catalog, locales } = project((dir) => {
      const file = join(dir, "en.jsonc");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^\s*"endpoint\.refused":.*\n/m, ""));
    });
    // The translations of the word are not to blame: only English is named.
    const all = problems(catalog);
    expect(all.map((d) => d.rule)).toEqual(["locale/missing-word"]);
    const found = all.filter((d) => d.rule === "locale/missing-word");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: join(locales, "en.jsonc") });
    expect(found[0]!.message).toMatch(/^the English words lack "endpoint\.refused", which generated text uses; add it \(the package's en\.jsonc has "endpoint\.refused": "/);
  });

  it("gives a catalog without locale files of its own (a copy made to add a model) the package's words", async () => {
    const { catalog, locales } = project((dir) => rmSync(dir, { recursive: true }));
    expect(existsSync(locales)).toBe(false);
    expect(loadCatalog(catalog).words.base).toEqual(committed().words.base);
    const docs = join(catalog, "..", "..", "docs");
    mkdirSync(docs);
    writeFileSync(join(docs, "page.md"), "{/* moonshot-kimi-k2-table:start */}\n{/* moonshot-kimi-k2-table:end */}\n");
    expect((await runCli(["gen", "--no-config", "--catalog", catalog, "--docs", docs])).code).toBe(0);
    expect(readFileSync(join(docs, "page.md"), "utf8")).toContain("| Model ref |");
  });

  it("reports an unknown word in another language at its key, with a did-you-mean", () => {
    const { catalog, locales } = project((dir) => {
      const file = join(dir, "pt-BR.jsonc");
      writeFileSync(file, readFileSync(file, "utf8").replace('"column.endpoint":', '"column.endpont":'));
    });
    const text = readFileSync(join(locales, "pt-BR.jsonc"), "utf8");
    const found = problems(catalog);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "locale/unknown-word", file: join(locales, "pt-BR.jsonc"), ...positionOf(text, '"column.endpont"') });
    expect(found[0]!.message).toContain("did you mean `column.endpoint`?");
  });

  it("reports every problem of every file at once: unsafe text, a bad key, an unknown top-level key", () => {
    const { catalog, locales } = project((dir) => {
      const zh = join(dir, "zh-CN.jsonc");
      writeFileSync(zh, readFileSync(zh, "utf8").replace('"yes": "是"', '"yes": "是\\u2028"').replace('"no": "否"', '"No": "否"'));
      const en = join(dir, "en.jsonc");
      writeFileSync(en, readFileSync(en, "utf8").replace('"words": {', '"wrds": {}, "words": {'));
    });
    const found = problems(catalog);
    const zhText = readFileSync(join(locales, "zh-CN.jsonc"), "utf8");
    const enText = readFileSync(join(locales, "en.jsonc"), "utf8");
    const rules = found.map((d) => `${d.file.endsWith("en.jsonc") ? "en" : "zh"} ${d.rule} ${d.line}:${d.column}`).sort();
    const at = (text: string, needle: string) => `${positionOf(text, needle).line}:${positionOf(text, needle).column}`;
    expect(rules).toEqual([
      `en locale/unknown-key ${at(enText, '"wrds"')}`,
      // A line separator is both a line break and trailing white space: two problems at one place.
      `zh locale/schema ${at(zhText, '"是\\u2028"')}`,
      `zh locale/schema ${at(zhText, '"是\\u2028"')}`,
      `zh locale/schema ${at(zhText, '"No"')}`,
    ].sort());
    expect(found.find((d) => d.rule === "locale/unknown-key")!.message).toContain("did you mean `words`?");
  });

  it("reports an unknown word in a file that also has shape errors, in the same run", () => {
    const { catalog } = project((dir) => {
      const pt = join(dir, "pt-BR.jsonc");
      writeFileSync(pt, readFileSync(pt, "utf8").replace('"yes": "Sim",', '"yes": 1, "efort.low": "baixo",'));
    });
    const found = problems(catalog);
    expect(found.map((d) => d.rule).sort()).toEqual(["locale/schema", "locale/unknown-word"]);
    expect(found.find((d) => d.rule === "locale/unknown-word")!.message).toContain('unknown word "efort.low"');
  });

  it("refuses an English word that the catalog already supplies", () => {
    const { catalog, locales } = project((dir) => {
      const en = join(dir, "en.jsonc");
      writeFileSync(en, readFileSync(en, "utf8").replace('"yes": "Yes",', '"yes": "Yes",\n    "endpoint.moonshot.china": "China",'));
    });
    const found = problems(catalog);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "locale/catalog-word", ...positionOf(readFileSync(join(locales, "en.jsonc"), "utf8"), '"endpoint.moonshot.china"') });
  });

  it("requires English and language-tag file names", () => {
    const { catalog, locales } = project((dir) => {
      renameSync(join(dir, "en.jsonc"), join(dir, "English.jsonc"));
      renameSync(join(dir, "pt-BR.jsonc"), join(dir, "pt_BR.jsonc"));
    });
    const found = problems(catalog);
    expect(found.map((d) => d.rule).sort()).toEqual(["locale/file-name", "locale/file-name", "locale/missing-base"]);
    expect(found.find((d) => d.rule === "locale/missing-base")!.file).toBe(join(locales, "en.jsonc"));
  });

  it("refuses a file name of a tag's shape that names no language (a country code), with the language meant", () => {
    const { catalog } = project((dir) => {
      renameSync(join(dir, "pt-BR.jsonc"), join(dir, "jp.jsonc"));
      renameSync(join(dir, "zh-CN.jsonc"), join(dir, "qq.jsonc"));
    });
    const messages = problems(catalog).map((d) => `${d.rule}: ${d.message}`).sort();
    expect(messages).toEqual([
      'locale/file-name: "jp" names no language (did you mean ja.jsonc?); name the file by its language\'s BCP 47 tag, like ja.jsonc or zh-CN.jsonc',
      'locale/file-name: "qq" names no language; name the file by its language\'s BCP 47 tag, like ja.jsonc or zh-CN.jsonc',
    ]);
  });

  it("makes gen exit 2 with file:line:column and write nothing", async () => {
    const { dir, catalog } = tempProject({ docs: true });
    const zh = join(catalog, "..", "locales", "zh-CN.jsonc");
    writeFileSync(zh, readFileSync(zh, "utf8").replace('"yes": "是",', '"yes": "是"'));
    const before = snapshot(dir);
    const result = await runCli(["gen", "--catalog", catalog, "--docs", join(dir, "docs")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${zh.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: `));
    expect(snapshot(dir)).toEqual(before);
  });
});
