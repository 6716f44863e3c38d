// The line scanner that locates markers agrees with remark wherever it claims to
// be certain — on every doc in docs/, on the fixtures, on generated documents and
// on random ones — and hands every document it is unsure about to remark.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { findCandidates } from "../scripts/docs/markers.ts";
import { classifyAs } from "../scripts/docs/scan-remark.ts";
import { scanContexts, type Classification } from "../scripts/docs/scan.ts";
import { syncDocs } from "../scripts/docs/sync.ts";
import { splitLines } from "../scripts/docs/text.ts";
import { runs } from "./support/fc.ts";
import { repoRoot } from "./support/run-cli.ts";
import { docsProject, fixtures, seedPage } from "./fixtures/docs/project.ts";

function comparable(c: Classification) {
  return {
    contexts: c.contexts.map((x) => (x.kind === "code" ? `code@${x.fence.open + 1}` : x.kind)),
    fences: c.fences.map((f) => `${f.open + 1}-${f.close === null ? "end" : f.close + 1}:${f.lang}`),
  };
}

/** The scanner's verdict, and whether it agrees with remark (MDX where the text is valid MDX, and plain Markdown). */
async function compare(text: string) {
  const lines = splitLines(text);
  const candidates = findCandidates(text, lines);
  const scanned = scanContexts(text, lines, candidates);
  if (!scanned.certain) return { certain: false as const, reason: scanned.reason };
  const expected = comparable(scanned);
  const references: Array<{ flavor: string; got: ReturnType<typeof comparable> }> = [];
  references.push({ flavor: "markdown", got: comparable(await classifyAs("markdown", text, lines, candidates)) });
  try {
    references.push({ flavor: "mdx", got: comparable(await classifyAs("mdx", text, lines, candidates)) });
  } catch {
    // Not MDX: plain Markdown is the reading that counts.
  }
  return { certain: true as const, expected, references };
}

async function expectAgreement(text: string): Promise<boolean> {
  const result = await compare(text);
  if (!result.certain) return false;
  for (const { flavor, got } of result.references) expect({ flavor, ...got }).toEqual({ flavor, ...result.expected });
  return true;
}

function markdownFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe("the line scanner and remark", () => {
  it("agree on every doc under docs/ and on the fixtures", async () => {
    const files = [...markdownFiles(join(repoRoot, "docs")), ...markdownFiles(fixtures)];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) await expectAgreement(readFileSync(file, "utf8"));
    expect(await expectAgreement(seedPage)).toBe(true);
  });

  it("agree on documents the engine generated", async () => {
    const page = [
      seedPage,
      "[//]: # (moonshot-kimi-k2-table:start)",
      "[//]: # (moonshot-kimi-k2-table:end)",
      "",
      "> {/* moonshot-kimi-k2-model-refs:start */}",
      "> {/* moonshot-kimi-k2-model-refs:end */}",
      "",
      "```yaml",
      "# moonshot-kimi-k2-ids:start",
      "# moonshot-kimi-k2-ids:end",
      "```",
      "",
    ].join("\n");
    const project = await docsProject({ "a.md": page, "b.mdx": page.replace(/\n/g, "\r\n") });
    const result = await syncDocs(loadCatalog(project.catalog), [project.docs]);
    expect(result.files).toHaveLength(2);
    for (const file of result.files) {
      expect(file.after).not.toBe(file.before);
      expect(await expectAgreement(file.after)).toBe(true);
    }
  });

  const CERTAIN: Record<string, string> = {
    "fences of backticks and tildes, longer fences holding shorter ones":
      "````md\n```\n{/* x-ids:start */}\n````\n\n~~~\n```\n// x-ids:end\n~~~\n",
    "an unclosed fence running to the end": "text\n\n```json5\n// x-ids:start\n",
    "a fence interrupting a paragraph": "para\n```js\n// x-ids:start\n```\n",
    "a backtick fence whose info string holds a backtick is no fence": "```js `x`\n\n{/* x-ids:start */}\n```\n",
    "fences indented by up to three spaces, closed by a longer fence": "   ```\n   // x-ids:start\n   ``````\n{/* x-ids:end */}\n",
    "inline code of one and two backticks": "a `{/* x-ids:start */}` b ``c ` {/* x-ids:end */}`` d\n",
    "an escaped backtick does not open a code span": "\\`{/* x-ids:start */}\n",
    "front matter": "---\ntitle: a\nx: y-ids:start\n---\n\n{/* x-ids:end */}\n",
    "single-line comments": "<!-- x-ids:start -->\n\n{/* x-ids:end */}\n",
    "a list item holding a fence on the next line": "- item\n\n  ```json5\n  // x-ids:start\n  ```\n",
    "blockquote markers": "> {/* x-ids:start */}\n> {/* x-ids:end */}\n",
    "CRLF and a BOM": "\uFEFF# T\r\n\r\n```js\r\n// x-ids:start\r\n```\r\n",
  };

  it.each(Object.entries(CERTAIN))("agree on %s", async (_, text) => {
    expect(await expectAgreement(text)).toBe(true);
  });

  const UNSURE: Record<string, string> = {
    "a fence inside a list item, on the bullet's line": "- ```js\n  // x-ids:start\n  ```\n",
    "a fence inside a blockquote": "> ```js\n> // x-ids:start\n> ```\n",
    "a fence after an HTML line (raw HTML in Markdown, JSX in MDX)": "<div>\n```js\n// x-ids:start\n```\n</div>\n",
    "a fence indented by four spaces (indented code in Markdown)": "text\n\n    ```\n    // x-ids:start\n    ```\n",
    "a marker indented by four spaces": "text\n\n    {/* x-ids:start */}\n",
    "a code span crossing lines": "a `code\n{/* x-ids:start */} b`\n",
    "an HTML comment spanning lines": "<!--\n{/* x-ids:start */}\n-->\n",
    "an MDX expression spanning lines": "{/*\n x-ids:start\n*/}\n",
    "a list item's code block line left of its fence": "- a\n  ```\nx-ids:start\n  ```\n",
    "raw HTML holding a fence": "<pre>\n\n```\n// x-ids:start\n```\n</pre>\n",
  };

  it.each(Object.entries(UNSURE))("leave %s to remark", async (_, text) => {
    const result = await compare(text);
    expect(result.certain).toBe(false);
  });

  it("agree on random documents wherever the scanner is certain", async () => {
    const line = fc.constantFrom(
      "", "text", "- item", "  - nested", "1. step", "> quote", "<div>", "</div>", "<br>", "{x}", "{", "}",
      "```", "```json5", "````", "~~~", "  ```", "   ~~~~", "    ```", "- ```js", "> ```",
      "`a`", "`` b ` ``", "a ` b", "\\`x", "<!-- c -->", "<!--", "-->", "---", "    code",
      "{/* g-ids:start */}", "{/* g-ids:end */}", "// g-ids:start", "  // g-ids:end", "# g-ids:start",
      "<!-- g-ids:start -->", '[//]: # "g-ids:end"', "`{/* g-ids:start */}`", "x {/* g-ids:end */} y",
      "\t// g-ids:start", "> {/* g-ids:start */}", "<Tabs>", "<pre>", "</pre>", "<script>", "<!-- a", "b -->",
      "10. x", "* * *", "===", "> - ```", "- > ```", "{/* a", "*/}", "<div>`{/* g-ids:end */}`", "\t```", "``` `x`",
    );
    const indented = fc.tuple(fc.constantFrom("", "", "", " ", "  ", "   ", "    ", "\t", "      "), line).map(([i, l]) => i + l);
    let certain = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(indented, { maxLength: 24 }), fc.constantFrom("\n", "\r\n"), async (lines, eol) => {
        if (await expectAgreement(lines.join(eol))) certain++;
      }),
      runs(300),
    );
    expect(certain).toBeGreaterThan(0);
  });
});
