// A page's language: front matter, then a folder that is a language tag, then the default.
import { describe, expect, it } from "vitest";
import { localeTag, pageLocale, sourcePagePath, unknownPageLanguage } from "../scripts/docs/locale.ts";

describe("page language", () => {
  it("reads a folder that is a language tag, and only such a folder", () => {
    expect(pageLocale("zh-CN/providers/moonshot.md", "")).toBe("zh-CN");
    expect(pageLocale("pt-BR/x.md", "")).toBe("pt-BR");
    expect(pageLocale("ar/x.md", "")).toBe("ar");
    expect(pageLocale("ja-jp/x.md", "")).toBe("ja-JP");
    expect(pageLocale("api/go/x.md", "")).toBe("en");
    expect(pageLocale("providers/zh-CN.md", "")).toBe("en");
    expect(["api", "go", "v1", "docs", "Guides"].map(localeTag)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("prefers the front matter, and falls back to the default locale", () => {
    expect(pageLocale("de/x.md", "---\ntitle: X\nlang: zh-CN\n---\n")).toBe("zh-CN");
    expect(pageLocale("x.md", "---\nlocale: \"pt-BR\"\n---\n")).toBe("pt-BR");
    expect(pageLocale("x.md", "# lang: de\n")).toBe("en");
    expect(pageLocale("x.md", "", "fr")).toBe("fr");
  });

  it("reads a folder named as a POSIX locale (zh_CN, pt_BR, zh_Hant) as the language it names, and nothing else with an underscore", () => {
    expect(pageLocale("zh_CN/x.md", "")).toBe("zh-CN");
    expect(pageLocale("pt_BR/guides/x.md", "")).toBe("pt-BR");
    expect(pageLocale("zh_Hant/x.md", "")).toBe("zh-Hant");
    expect(pageLocale("pt_BR.UTF-8/x.md", "")).toBe("pt-BR");
    expect(pageLocale("x.md", "---\nlang: zh_CN.UTF-8\n---\n")).toBe("zh-CN");
    expect(pageLocale("go_lang/x.md", "")).toBe("en");
    expect(pageLocale("api_v1/x.md", "")).toBe("en");
    expect(sourcePagePath("zh_CN/providers/x.md")).toBe("providers/x.md");
  });

  it("tells a front matter language that names none, at its value, and reads the page by its folder", () => {
    const text = "---\ntitle: X\nlang: klingon\n---\n";
    expect(pageLocale("de/x.md", text)).toBe("de");
    expect(unknownPageLanguage(text)).toMatchObject({ line: 3, column: 7, message: expect.stringContaining('"klingon" names no language') });
    expect(unknownPageLanguage("---\nlang: zh_CN # Chinese\n---\n")).toBeUndefined();
  });

  it("finds the source-language page a translation stands for", () => {
    expect(sourcePagePath("pt-BR/providers/x.md")).toBe("providers/x.md");
    expect(sourcePagePath("providers/x.md")).toBeUndefined();
  });
});
