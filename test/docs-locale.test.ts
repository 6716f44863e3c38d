// A page's language: front matter, then its language folder, then the default.
// Which folders are language folders is read from real trees on disk.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocPlaces } from "../scripts/docs/doc-places.ts";
import { localeTag, pageLocale, unknownPageLanguage } from "../scripts/docs/locale.ts";
import { runCli, tempDir, tempProjectWith } from "./support/run-cli.ts";

/** A title in the language of a page's folder, for folders whose language is not written in Latin letters. */
/** Pages of a docs tree written in English: set-up, and topics named by a tag (it/: the IT team's; id/: identity). */
const ENGLISH_SETUP =
  "# Setup\n\nInstall the gateway, then run the onboarding command for the provider you want to use. It asks for the key of your " +
  "account and writes the configuration file for you. You can change the default model at any time, and the gateway picks up " +
  "the change on its next start. Read the provider pages for the models each one serves.\n";
const IT_TEAM_SETUP =
  "# IT setup\n\nThis page is for the IT team that manages the laptops of the company. It explains how to install the gateway on a " +
  "managed machine, where the configuration file lives, and which models the team may use. Ask the security team before you " +
  "change the provider keys, and keep them in the vault rather than in the file.\n";
const IDENTITY_OVERVIEW =
  "# Identity\n\nEach agent has an identity: a name, an avatar and the channels it answers on. This section explains how the " +
  "gateway stores them, how you can change them from the command line, and what happens to the sessions of an agent when its " +
  "identity is renamed. It also lists the fields that are shared with the channels.\n";
/** docs/it/gateway/configuration-reference.md of the host: Italian, with a note its translators left in English. */
const ITALIAN_REFERENCE = [
  "---", 'title: "Riferimento configurazione"', 'summary: "Riferimento per la configurazione del gateway"', "---", "",
  "# Riferimento configurazione", "", "## Agent Defaults", "", "### `agents.defaults.systemPromptSuffix`", "",
  "Testo aggiunto al prompt di sistema ad ogni turno di conversazione. Poiché viene iniettato dalla configurazione (non dalla " +
    "cronologia della conversazione), **sopravvive alla compattazione** — ideale per regole comportamentali persistenti, vincoli o " +
    "identità che non devono mai andare persi durante sessioni lunghe.",
  "",
  "Il suffisso viene aggiunto _dopo_ qualsiasi `extraSystemPrompt` esistente (ad es. dalla configurazione del canale o dal " +
    "contesto del sotto-agente), quindi non sostituisce altre fonti del prompt di sistema.",
  "",
  "> **Note:** For CLI providers, the suffix behavior depends on the backend: `claude-cli` receives the suffix on the first turn " +
    "only (session state is maintained internally). `codex-cli` does not support system prompt injection and will not receive " +
    "the suffix. Embedded providers (the default, used by ~99% of configurations) receive the suffix on every turn.",
  "",
].join("\n");

const TITLES: Readonly<Record<string, string>> = { ar: "# الصفحة\n", ja: "# ページ\n", ko: "# 페이지\n", ml: "# പേജ്\n" };

/**
 * A docs folder holding `pages` (paths relative to it: each titled in the language its first folder names, where
 * TITLES has one; or path → text), and the places of a run over it with the repository's words.
 */
function tree(pages: readonly string[] | Readonly<Record<string, string>>, wordLanguages: readonly string[] = ["en", "pt-BR", "zh-CN"]) {
  const docs = join(tempDir("kcs-tree-"), "docs");
  const texts: Readonly<Record<string, string>> = Array.isArray(pages) ? Object.fromEntries(pages.map((page) => [page, TITLES[page.split("/")[0]!] ?? "# Page\n"])) : pages;
  for (const [page, text] of Object.entries(texts)) {
    mkdirSync(dirname(join(docs, page)), { recursive: true });
    writeFileSync(join(docs, page), text);
  }
  // Pages that may hold markers, as discovery tells a run.
  const marked = new Set(Object.entries(texts).filter(([, text]) => text.includes(":start")).map(([page]) => join(docs, page)));
  const places = new DocPlaces([docs], wordLanguages, "en", (path) => marked.has(path));
  return {
    language: (page: string) => places.pathLanguage(join(docs, page)),
    sources: (page: string) => places.sourcesOf(join(docs, page)).map((path) => path.slice(docs.length + 1)),
  };
}

describe("page language", () => {
  it("reads a folder that is a language tag, and only such a folder", () => {
    const t = tree(["zh-CN/providers/moonshot.md", "pt-BR/x.md", "ar/x.md", "ja-jp/x.md", "api/go/x.md", "providers/zh-CN.md"]);
    expect(t.language("zh-CN/providers/moonshot.md")).toBe("zh-CN");
    expect(t.language("pt-BR/x.md")).toBe("pt-BR");
    expect(t.language("ar/x.md")).toBe("ar");
    expect(t.language("ja-jp/x.md")).toBe("ja-JP");
    expect(t.language("api/go/x.md")).toBeUndefined();
    expect(t.language("providers/zh-CN.md")).toBeUndefined();
    expect(["api", "go", "v1", "docs", "Guides"].map(localeTag)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("prefers the front matter, and falls back to the default locale", () => {
    expect(pageLocale("de", "---\ntitle: X\nlang: zh-CN\n---\n")).toBe("zh-CN");
    expect(pageLocale(undefined, "---\nlocale: \"pt-BR\"\n---\n")).toBe("pt-BR");
    expect(pageLocale(undefined, "# lang: de\n")).toBe("en");
    expect(pageLocale(undefined, "", "fr")).toBe("fr");
  });

  it("reads a folder named as a POSIX locale (zh_CN, pt_BR, zh_Hant) as the language it names, and nothing else with an underscore", () => {
    const t = tree(["zh_CN/providers/x.md", "pt_BR/guides/x.md", "zh_Hant/x.md", "pt_BR.UTF-8/x.md", "go_lang/x.md", "api_v1/x.md"]);
    expect(t.language("zh_CN/providers/x.md")).toBe("zh-CN");
    expect(t.language("pt_BR/guides/x.md")).toBe("pt-BR");
    expect(t.language("zh_Hant/x.md")).toBe("zh-Hant");
    expect(t.language("pt_BR.UTF-8/x.md")).toBe("pt-BR");
    expect(pageLocale(undefined, "---\nlang: zh_CN.UTF-8\n---\n")).toBe("zh-CN");
    expect(t.language("go_lang/x.md")).toBeUndefined();
    expect(t.language("api_v1/x.md")).toBeUndefined();
    expect(t.sources("zh_CN/providers/x.md")).toEqual(["providers/x.md"]);
  });

  it("tells a front matter language that names none, at its value, and reads the page by its folder", () => {
    const text = "---\ntitle: X\nlang: klingon\n---\n";
    expect(pageLocale("de", text)).toBe("de");
    expect(unknownPageLanguage(text)).toMatchObject({ line: 3, column: 7, message: expect.stringContaining('"klingon" names no language') });
    expect(unknownPageLanguage("---\nlang: zh_CN # Chinese\n---\n")).toBeUndefined();
  });

  it("finds the source-language page a translation stands for", () => {
    const t = tree(["pt-BR/providers/x.md", "providers/x.md"]);
    expect(t.sources("pt-BR/providers/x.md")).toEqual(["providers/x.md"]);
    expect(t.sources("providers/x.md")).toEqual([]);
  });
});

describe("a language named in the file name (Nextra: setup.zh-CN.mdx)", () => {
  it("reads the tag before the extension where the tree shows it is a language, and finds the page it translates beside it", () => {
    const t = tree(["setup.en.mdx", "setup.zh-CN.mdx", "setup.ja.mdx", "guides/x.mdx", "guides/x.de-DE.mdx"]);
    expect(t.language("setup.zh-CN.mdx")).toBe("zh-CN");
    expect(t.language("setup.en.mdx")).toBe("en");
    // A bare tag with no words of its own counts beside the default language's page.
    expect(t.language("setup.ja.mdx")).toBe("ja");
    expect(t.sources("setup.zh-CN.mdx")).toEqual(["setup.en.mdx", "setup.mdx"]);
    expect(t.sources("setup.en.mdx")).toEqual([]);
    expect(t.language("guides/x.de-DE.mdx")).toBe("de-DE");
    expect(t.sources("guides/x.de-DE.mdx")).toEqual(["guides/x.mdx"]);
    // Three tags side by side, beside the untagged page (Hugo).
    const hugo = tree(["post.md", "post.ja.md", "post.ko.md", "post.de.md"]);
    expect(hugo.language("post.ja.md")).toBe("ja");
    expect(hugo.sources("post.ja.md")).toEqual(["post.md"]);
  });

  it("leaves a suffix that is no sign of a language alone (notes.bak.md is a backup, not Bashkir)", () => {
    const t = tree(["notes.md", "notes.bak.md", "changelog.new.md", "kimi-k2.6.md", "api.v1.md"]);
    expect(t.language("notes.bak.md")).toBeUndefined();
    expect(t.language("changelog.new.md")).toBeUndefined();
    expect(t.language("kimi-k2.6.md")).toBeUndefined();
    expect(t.language("api.v1.md")).toBeUndefined();
    expect(t.sources("notes.bak.md")).toEqual([]);
  });

  it("writes a suffixed translation's regions in its language, keeping the columns of the page it translates", async () => {
    const table = (header: string, rule: string) => ["# Kimi", "", "{/* moonshot-kimi-k2-table:start */}", "", header, rule, "| `moonshot/kimi-k2.6` | x |", "", "{/* moonshot-kimi-k2-table:end */}", ""].join("\n");
    const p = tempProjectWith({
      "providers/moonshot.en.mdx": table("| Model ref | Context window |", "| --- | ---: |"),
      "providers/moonshot.zh-CN.mdx": table("| 参考 | 容量 |", "| --- | ---: |"),
      "providers/moonshot.ja.mdx": "# Kimi\n\n{/* moonshot-kimi-k2-table:start columns=ref,reasoning */}\n{/* moonshot-kimi-k2-table:end */}\n",
    });
    const result = await runCli(["gen", "--catalog", p.catalog, "--docs", p.docs]);
    expect(result.code, result.stderr).toBe(0);
    const zh = readFileSync(join(p.docs, "providers/moonshot.zh-CN.mdx"), "utf8");
    expect(zh).toContain("| 参考 | 容量 |");
    expect(zh).toMatch(/\| `moonshot\/kimi-k2\.6` \| 262,144 \|/);
    expect(result.stderr).toContain('no ja text for the word "column.ref"');
  });
});

describe("a Mintlify site's declared languages", () => {
  const docsJson = (languages: readonly string[]) => JSON.stringify({ name: "Docs", navigation: { languages: languages.map((language) => ({ language, groups: [] })) } });

  it("reads a folder named by a language code that docs.json beside it declares, Mintlify's own cn and jp included", () => {
    const p = tempProjectWith({
      "docs.json": docsJson(["en", "cn", "jp"]),
      "providers/moonshot.mdx": "# Kimi\n",
      "cn/providers/moonshot.mdx": "# Kimi\n",
      "jp/providers/moonshot.mdx": "# Kimi\n",
      "guides/cn/setup.mdx": "# Setup\n",
    });
    const places = new DocPlaces([p.docs], ["en", "zh-CN", "pt-BR"], "en");
    expect(places.pathLanguage(join(p.docs, "cn/providers/moonshot.mdx"))).toBe("zh-CN");
    expect(places.pathLanguage(join(p.docs, "jp/providers/moonshot.mdx"))).toBe("ja");
    expect(places.sourcesOf(join(p.docs, "cn/providers/moonshot.mdx"))).toEqual([join(p.docs, "providers/moonshot.mdx")]);
    // Only beside docs.json: elsewhere `cn` is no language.
    expect(places.pathLanguage(join(p.docs, "guides/cn/setup.mdx"))).toBeUndefined();
  });

  it("writes the regions of a page in the cn folder in Chinese", async () => {
    const page = "# Kimi\n\n{/* moonshot-kimi-k2-table:start columns=ref,reasoning */}\n{/* moonshot-kimi-k2-table:end */}\n";
    const p = tempProjectWith({ "docs.json": docsJson(["en", "cn"]), "cn/moonshot.mdx": page, "moonshot.mdx": page });
    const result = await runCli(["gen", "--catalog", p.catalog, "--docs", p.docs]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(p.docs, "cn/moonshot.mdx"), "utf8")).toContain("| 模型引用 | 推理 |");
    expect(readFileSync(join(p.docs, "moonshot.mdx"), "utf8")).toContain("| Model ref | Reasoning |");
  });
});

describe("language folders", () => {
  it("takes a bare language subtag among topic folders for a topic (ml: machine learning, os), and a tag with a region or script always", () => {
    const t = tree(["ml/kimi.md", "os/linux.md", "guides/setup.md", "api/ref.md", "index.md", "ml/index.md"]);
    expect(t.language("ml/kimi.md")).toBeUndefined();
    expect(t.language("os/linux.md")).toBeUndefined();
    expect(t.sources("ml/kimi.md")).toEqual([]);
    // An index page is in every folder: it is no sign of a translation.
    expect(t.language("ml/index.md")).toBeUndefined();
    expect(tree(["guides/x.md", "zh-Hans/x.md"]).language("zh-Hans/x.md")).toBe("zh-Hans");
  });

  it("takes a bare language subtag for a language folder when the tree shows it is one", () => {
    // Three side by side.
    expect(tree(["ja/x.md", "ko/x.md", "ml/y.md", "guides/z.md"]).language("ml/y.md")).toBe("ml");
    // Beside a folder that counts by itself: the default locale's (Starlight), or one with a region.
    expect(tree(["en/x.md", "ja/y.md"]).language("ja/y.md")).toBe("ja");
    expect(tree(["zh-CN/x.md", "de/y.md"]).language("de/y.md")).toBe("de");
    // A language the catalog has words for (pt-BR's, for pt).
    expect(tree(["pt/x.md", "guides/y.md"]).language("pt/x.md")).toBe("pt");
    // It translates a page beside it.
    expect(tree(["setup/install.md", "de/setup/install.md"]).language("de/setup/install.md")).toBe("de");
    // It holds a Docusaurus plugin folder.
    expect(tree(["i18n/ja/docusaurus-plugin-content-docs/current/x.md"]).language("i18n/ja/docusaurus-plugin-content-docs/current/x.md")).toBe("ja");
  });

  it("takes a bare tag's folder for a topic when none of its pages is written in the language's letters, where those are not the default's", () => {
    // ml/ beside the host's language folders, its pages named as the ones beside it: machine learning, in English.
    const layout = ["providers/moonshot.md", "zh-CN/providers/moonshot.md", "ja-JP/providers/moonshot.md", "ko/providers/moonshot.md", "de/providers/moonshot.md"];
    const english = tree({ ...Object.fromEntries(layout.map((page) => [page, TITLES[page.split("/")[0]!] ?? "# Moonshot\n"])), "ml/providers/moonshot.md": "# Moonshot for machine learning\n" });
    expect(english.language("ml/providers/moonshot.md")).toBeUndefined();
    expect(english.sources("ml/providers/moonshot.md")).toEqual([]);
    expect(english.language("ko/providers/moonshot.md")).toBe("ko");
    expect(english.language("de/providers/moonshot.md")).toBe("de");
    // The same folder with a page in Malayalam is a translation.
    const malayalam = tree({ ...Object.fromEntries(layout.map((page) => [page, TITLES[page.split("/")[0]!] ?? "# Moonshot\n"])), "ml/providers/moonshot.md": "# മൂൺഷോട്ട്\n" });
    expect(malayalam.language("ml/providers/moonshot.md")).toBe("ml");
    expect(malayalam.sources("ml/providers/moonshot.md")).toEqual(["providers/moonshot.md"]);
    // A translated tree whose pages are mostly not translated yet: a table in Korean, on a page after many in English, tells,
    // as do the first pages when they show it; a folder's other pages are not all read, run after run.
    const pending = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`ko/guide/page-${String(i).padStart(2, "0")}.md`, "# Page\n"]));
    const table = '[//]: # "kimi-code-table:start"\n\n| 모델 | 이름 |\n| --- | --- |\n\n[//]: # "kimi-code-table:end"\n';
    const layoutPages = Object.fromEntries(layout.map((page) => [page, "# Moonshot\n"]));
    const partly = tree({ ...layoutPages, ...pending, "ko/providers/moonshot.md": "# Moonshot\n", "ko/zz/last.md": table });
    expect(partly.language("ko/guide/page-00.md")).toBe("ko");
    expect(tree({ ...layoutPages, ...pending, "ko/guide/page-03.md": "# 모델\n" }).language("ko/guide/page-00.md")).toBe("ko");
    expect(tree({ ...layoutPages, ...pending, "ko/zz/last.md": "# 모델\n" }).language("ko/guide/page-00.md")).toBeUndefined();
    // A Docusaurus plugin folder says so by itself.
    expect(tree({ "i18n/ml/docusaurus-plugin-content-docs/current/x.md": "# Page\n" }).language("i18n/ml/docusaurus-plugin-content-docs/current/x.md")).toBe("ml");
  });

  it("takes a bare tag of a language written in English's letters for a topic when its pages are written in English (it/: IT), and for a translation when they are not", () => {
    // docs/it/ about the IT team's set-up, beside English topic folders, with a page named like one beside it.
    const topics = { "setup.md": ENGLISH_SETUP, "guides/models.md": ENGLISH_SETUP, "providers/moonshot.md": "# Moonshot\n", "it/setup.md": IT_TEAM_SETUP };
    expect(tree(topics).language("it/setup.md")).toBeUndefined();
    expect(tree(topics).sources("it/setup.md")).toEqual([]);
    // id/ (identity) beside it, in English too.
    const two = { ...topics, "id/setup.md": IDENTITY_OVERVIEW };
    expect(tree(two).language("it/setup.md")).toBeUndefined();
    expect(tree(two).language("id/setup.md")).toBeUndefined();
    // The host's it/ among its translations (docs/it/gateway/configuration-reference.md, in Italian with a note left in English).
    const host = {
      "gateway/configuration-reference.md": ENGLISH_SETUP,
      "zh-CN/gateway/configuration-reference.md": "# 配置参考\n",
      "de/gateway/configuration-reference.md": "# Konfigurationsreferenz\n",
      "it/gateway/configuration-reference.md": ITALIAN_REFERENCE,
    };
    expect(tree(host).language("it/gateway/configuration-reference.md")).toBe("it");
    expect(tree(host).sources("it/gateway/configuration-reference.md")).toEqual(["gateway/configuration-reference.md"]);
    // Alone beside the English pages, the same Italian page still makes it/ a translation of the page it mirrors.
    expect(tree({ "setup.md": ENGLISH_SETUP, "it/setup.md": ITALIAN_REFERENCE }).language("it/setup.md")).toBe("it");
  });

  it("writes the regions of a topic folder named it/ in English, with no warning about Italian words", async () => {
    const page = `${IT_TEAM_SETUP}\n[//]: # "kimi-code-table:start columns=ref,reasoning"\n[//]: # "kimi-code-table:end"\n`;
    const p = tempProjectWith({ "it/setup.md": page, "setup.md": ENGLISH_SETUP, "guides/models.md": ENGLISH_SETUP });
    const result = await runCli(["gen", "--catalog", p.catalog, "--docs", p.docs]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("no it text");
    expect(readFileSync(join(p.docs, "it/setup.md"), "utf8")).toContain("| Model ref | Reasoning |");
  });

  it("writes a topic folder's regions in English, with no warning about words (machine learning is not Malayalam)", async () => {
    const page = ["# Kimi for machine learning", "", '[//]: # "kimi-code-table:start columns=ref,reasoning"', '[//]: # "kimi-code-table:end"', ""].join("\n");
    const p = tempProjectWith({ "ml/kimi.md": page, "guides/setup.md": "# Setup\n" });
    const result = await runCli(["gen", "--catalog", p.catalog, "--docs", p.docs]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("no ml text");
    expect(readFileSync(join(p.docs, "ml/kimi.md"), "utf8")).toContain("| Model ref | Reasoning |");
  });
});
