// Marker syntaxes, what does not count as a marker, and how generated text fits
// in where a region stands.
import JSON5 from "json5";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { syncDocs } from "../scripts/docs/sync.ts";
import { docsProject, editCatalog } from "./fixtures/docs/project.ts";

const IDS = ["kimi-k2.5", "kimi-k2-0905-preview", "kimi-k2-turbo-preview", "kimi-k2-thinking", "kimi-k2-thinking-turbo"];
const idList = (bullet: string, indent = "") => IDS.map((id) => `${indent}${bullet} \`${id}\``).join("\n");
const refList = (bullet: string) => IDS.map((id) => `${bullet} \`moonshot/${id}\``).join("\n");

async function generate(page: string, path = "page.md") {
  const project = await docsProject({ [path]: page });
  const result = await project.gen();
  return { project, result, text: project.doc(path) };
}

/**
 * The engine alone on real files, without the docs checks `gen` adds after it
 * (they reject HTML comments, which MDX does not allow, and comment-only JSON blocks).
 */
async function plan(page: string, path = "page.md") {
  const project = await docsProject({ [path]: page });
  const result = await syncDocs(loadCatalog(project.catalog), [project.docs]);
  const file = result.files.find((f) => f.path.endsWith(path));
  return { ...result, text: file ? file.after : page };
}

describe("marker syntaxes", () => {
  it("recognises every Markdown form, with any white space inside the comment", async () => {
    const page = [
      "{/*moonshot-kimi-k2-ids:start*/}",
      "{/*moonshot-kimi-k2-ids:end*/}",
      "<!--   moonshot-kimi-k2-model-refs:start -->",
      "<!-- moonshot-kimi-k2-model-refs:end   -->",
      '[//]: # "moonshot-kimi-k2-ids:start"',
      '[//]: #   "moonshot-kimi-k2-ids:end"',
      "[//]: # (moonshot-kimi-k2-ids:start)",
      "[//]: # ( moonshot-kimi-k2-ids:end )",
      "{ /* moonshot-kimi-k2-ids:start */ }  ",
      "{ /* moonshot-kimi-k2-ids:end */ }",
      "",
    ].join("\n");
    const { diagnostics, text } = await plan(page);
    expect(diagnostics).toEqual([]);
    expect(text).toBe(
      [
        "{/*moonshot-kimi-k2-ids:start*/}", "", idList("-"), "", "{/*moonshot-kimi-k2-ids:end*/}",
        "<!--   moonshot-kimi-k2-model-refs:start -->", "", refList("-"), "", "<!-- moonshot-kimi-k2-model-refs:end   -->",
        '[//]: # "moonshot-kimi-k2-ids:start"', "", idList("-"), "", '[//]: #   "moonshot-kimi-k2-ids:end"',
        "[//]: # (moonshot-kimi-k2-ids:start)", "", idList("-"), "", "[//]: # ( moonshot-kimi-k2-ids:end )",
        "{ /* moonshot-kimi-k2-ids:start */ }  ", "", idList("-"), "", "{ /* moonshot-kimi-k2-ids:end */ }",
        "",
      ].join("\n"),
    );
  });

  it("recognises //, # and /* */ comments inside code blocks", async () => {
    const page = [
      "```js",
      "const ids = [",
      "  // moonshot-kimi-k2-ids:start",
      "  //moonshot-kimi-k2-ids:end",
      "];",
      "```",
      "",
      "```yaml",
      "refs:",
      "  # moonshot-kimi-k2-model-refs:start",
      "  #   moonshot-kimi-k2-model-refs:end",
      "```",
      "",
      "~~~json5",
      "[",
      "  /* moonshot-kimi-k2-ids:start */",
      "  /* moonshot-kimi-k2-ids:end */",
      "]",
      "~~~",
      "",
    ].join("\n");
    const { result, text } = await generate(page);
    expect(result.code).toBe(0);
    const quoted = (indent: string, prefix: string, comma: boolean) =>
      IDS.map((id, i) => `${indent}${prefix}"${id}"${comma && i < IDS.length - 1 ? "," : ""}`);
    expect(text.split("\n")).toEqual([
      "```js", "const ids = [", "  // moonshot-kimi-k2-ids:start", ...quoted("  ", "", true), "  //moonshot-kimi-k2-ids:end", "];", "```",
      "",
      "```yaml", "refs:", "  # moonshot-kimi-k2-model-refs:start", ...IDS.map((id) => `  - "moonshot/${id}"`),
      "  #   moonshot-kimi-k2-model-refs:end", "```",
      "",
      "~~~json5", "[", "  /* moonshot-kimi-k2-ids:start */", ...quoted("  ", "", true), "  /* moonshot-kimi-k2-ids:end */", "]", "~~~",
      "",
    ]);
  });

  it("restores formatter-mangled MDX markers: a warning and drift in check mode, the canonical spelling after gen", async () => {
    const generated = `\n${idList("*")}\n\n`;
    const page = `{/_ moonshot-kimi-k2-ids:start _/ && null}\n${generated}{/_moonshot-kimi-k2-ids:end_/}\n`;
    const project = await docsProject({ "page.mdx": page });
    const check = await project.gen({ check: true });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("page.mdx:1:1: warning: marker `{/_ moonshot-kimi-k2-ids:start _/ && null}` was rewritten by a formatter");
    expect(check.stderr).toContain("page.mdx:9:1: warning: marker `{/_moonshot-kimi-k2-ids:end_/}` was rewritten by a formatter");
    expect(check.stdout).toContain("-{/_ moonshot-kimi-k2-ids:start _/ && null}\n+{/* moonshot-kimi-k2-ids:start */}");
    expect(check.stdout).toContain("1 region in 1 file is out of date");
    expect(project.doc("page.mdx")).toBe(page);

    expect((await project.gen()).code).toBe(0);
    expect(project.doc("page.mdx")).toBe(`{/* moonshot-kimi-k2-ids:start */}\n${generated}{/* moonshot-kimi-k2-ids:end */}\n`);
    const again = await project.gen({ check: true });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("");
  });

  it("warns about HTML-comment markers in .mdx files, where they do not compile", async () => {
    const { diagnostics } = await plan("<!-- moonshot-kimi-k2-ids:start -->\n<!-- moonshot-kimi-k2-ids:end -->\n", "page.mdx");
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [1, 1, "warning", "HTML comments are not valid MDX; write this marker as `{/* moonshot-kimi-k2-ids:start */}`"],
      [2, 1, "warning", "HTML comments are not valid MDX; write this marker as `{/* moonshot-kimi-k2-ids:end */}`"],
    ]);
  });
});

describe("what is not a region", () => {
  const examples = [
    "Write `{/* moonshot-kimi-k2-ids:start */}` and ``<!-- moonshot-kimi-k2-ids:end -->`` around the list.",
    "",
    "```mdx",
    "{/* moonshot-kimi-k2-ids:start */}",
    "<!-- moonshot-kimi-k2-ids:end -->",
    '[//]: # "moonshot-kimi-k2-table:start"',
    "```",
    "",
    "````markdown",
    "```json5",
    "```",
    "{/* moonshot-kimi-k2-ids:start */}",
    "````",
    "",
    "~~~",
    "```",
    "<!-- moonshot-kimi-k2-ids:end -->",
    "~~~",
    "",
    "{/* regions:off */}",
    "",
    "```json5",
    "[",
    "  // moonshot-kimi-k2-ids:start",
    "  // moonshot-kimi-k2-ids:end",
    "]",
    "```",
    "",
    "{/* moonshot-kimi-k2-table:start */}",
    "",
    "{/* regions:on */}",
    "",
    "---",
    "",
  ].join("\n");

  it("leaves markers in inline code, Markdown-comment markers in code blocks, and markers between regions:off and regions:on alone", async () => {
    const { project, result, text } = await generate(examples);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(text).toBe(examples);
    expect((await project.gen({ check: true })).stdout).toContain("up to date: 0 regions in 1 doc");
  });

  it("leaves marker text inside a program's string literal alone (a grep, an echo, a string constant)", async () => {
    const page = [
      "# Searching the docs",
      "",
      "```bash",
      'grep -rn "// moonshot-kimi-k2-ids:start" docs',
      "echo '# moonshot-kimi-k2-ids:end'",
      "```",
      "",
      "```ts",
      'const marker = "prefix // moonshot-kimi-k2-ids:start";',
      "```",
      "",
    ].join("\n");
    const { result, text } = await generate(page);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(text).toBe(page);
  });

  it("finds the real region after such examples", async () => {
    const page = `${examples}\n{/* moonshot-kimi-k2-ids:start */}\n{/* moonshot-kimi-k2-ids:end */}\n`;
    const { text } = await generate(page);
    expect(text).toBe(`${examples}\n{/* moonshot-kimi-k2-ids:start */}\n\n${idList("-")}\n\n{/* moonshot-kimi-k2-ids:end */}\n`);
  });

  it("ignores front matter", async () => {
    const page = "---\ntitle: x\nnote: moonshot-kimi-k2-ids:start\n---\n\nText.\n";
    const { result, text } = await generate(page);
    expect(result.code).toBe(0);
    expect(text).toBe(page);
  });
});

describe("rendering in place", () => {
  it("keeps a numbered list numbered, counting up or all alike as it was written, with its delimiter", async () => {
    const page = [
      "{/* moonshot-kimi-k2-ids:start */}", "", "3. `old`", "4. `older`", "", "{/* moonshot-kimi-k2-ids:end */}", "",
      "{/* moonshot-kimi-k2-model-refs:start */}", "", "1) `a`", "1) `b`", "", "{/* moonshot-kimi-k2-model-refs:end */}", "",
    ].join("\n");
    const { project, text } = await generate(page);
    expect(text).toBe([
      "{/* moonshot-kimi-k2-ids:start */}", "", IDS.map((id, i) => `${3 + i}. \`${id}\``).join("\n"), "", "{/* moonshot-kimi-k2-ids:end */}", "",
      "{/* moonshot-kimi-k2-model-refs:start */}", "", IDS.map((id) => `1) \`moonshot/${id}\``).join("\n"), "", "{/* moonshot-kimi-k2-model-refs:end */}", "",
    ].join("\n"));
    expect((await project.gen({ check: true })).code).toBe(0);
  });

  it("keeps the bullet of the list and takes the indentation and blockquote prefix of the start marker", async () => {
    const page = [
      "1. Step one:",
      "",
      "   {/* moonshot-kimi-k2-ids:start */}",
      "",
      "   + `old`",
      "",
      "   {/* moonshot-kimi-k2-ids:end */}",
      "",
      "> {/* moonshot-kimi-k2-model-refs:start */}",
      "> {/* moonshot-kimi-k2-model-refs:end */}",
      "",
    ].join("\n");
    const { text } = await generate(page);
    expect(text).toBe(
      [
        "1. Step one:", "", "   {/* moonshot-kimi-k2-ids:start */}", "", idList("+", "   "), "", "   {/* moonshot-kimi-k2-ids:end */}", "",
        "> {/* moonshot-kimi-k2-model-refs:start */}", ">", refList("-").replace(/^/gm, "> "), ">",
        "> {/* moonshot-kimi-k2-model-refs:end */}", "",
      ].join("\n"),
    );
  });

  it("puts commas where what follows the region needs them, and keeps a trailing-comma habit", async () => {
    const page = [
      "```json5",
      "{",
      "  models: {",
      "    // moonshot-kimi-k2-aliases:start",
      "    // moonshot-kimi-k2-aliases:end",
      '    "custom/model": { alias: "Mine" },',
      "  },",
      "  list: [",
      "\t\t// kimi-code-models:start",
      "\t\t{",
      '\t\t\tid: "x",',
      "\t\t},",
      "\t\t// kimi-code-models:end",
      "  ],",
      "  other: [",
      "    // moonshot-kimi-k2-ids:start",
      "    // moonshot-kimi-k2-ids:end",
      "  ]",
      "}",
      "```",
    ].join("\n");
    const { text } = await generate(page);
    const block = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
    const parsed = JSON5.parse(block);
    expect(Object.keys(parsed.models)).toEqual([...IDS.map((id) => `moonshot/${id}`), "custom/model"]);
    expect(parsed.models["moonshot/kimi-k2-0905-preview"]).toEqual({ alias: "Kimi K2" });
    expect(parsed.list).toEqual([
      {
        id: "kimi-for-coding",
        name: "Kimi For Coding",
        reasoning: true,
        input: ["text"],
        cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
        contextWindow: 262144,
        maxTokens: 32768,
        headers: { "User-Agent": "KimiCLI/0.77" },
        compat: { supportsDeveloperRole: false },
      },
    ]);
    expect(parsed.other).toEqual(IDS);
    expect(text).toContain('    "moonshot/kimi-k2-thinking-turbo": { alias: "Kimi K2 Thinking Turbo" },\n    // moonshot-kimi-k2-aliases:end');
    expect(text).toContain(
      [
        "\t\t{",
        '\t\t\tid: "kimi-for-coding",',
        '\t\t\tname: "Kimi For Coding",',
        "\t\t\treasoning: true,",
        '\t\t\tinput: ["text"],',
        "\t\t\tcost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },",
        "\t\t\tcontextWindow: 262144,",
        "\t\t\tmaxTokens: 32768,",
        '\t\t\theaders: { "User-Agent": "KimiCLI/0.77" },',
        "\t\t\tcompat: { supportsDeveloperRole: false },",
        "\t\t},",
        "\t\t// kimi-code-models:end",
      ].join("\n"),
    );
    expect(text).toContain('    "kimi-k2-thinking-turbo"\n    // moonshot-kimi-k2-ids:end');
  });

  it("keeps a trailing-comma habit written before an end-of-line comment (`\"x\", // note`)", async () => {
    const { text } = await generate("```json5\nother: [\n  // moonshot-kimi-k2-ids:start\n  \"old\", // the one we use\n  // moonshot-kimi-k2-ids:end\n]\n```\n");
    expect(text).toContain(`  "${IDS.at(-1)}",\n  // moonshot-kimi-k2-ids:end\n]`);
  });

  it("ends a Go list with a comma, as Go requires before a closing brace on its own line", async () => {
    const { text } = await generate("```go\nvar ids = []string{\n\t// moonshot-kimi-k2-ids:start\n\t// moonshot-kimi-k2-ids:end\n}\n```\n");
    expect(text).toContain(`\t"${IDS.at(-1)}",\n\t// moonshot-kimi-k2-ids:end\n}`);
  });

  it("quotes every key in JSON blocks", async () => {
    const page = '```jsonc\n{\n  "models": {\n    // moonshot-kimi-k2-aliases:start\n    // moonshot-kimi-k2-aliases:end\n  }\n}\n```\n';
    const { text } = await generate(page);
    expect(text).toContain('    "moonshot/kimi-k2.5": { "alias": "Kimi K2.5" },\n');
    expect(JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1).replace(/^\s*\/\/.*$/gm, ""))).toBeTypeOf("object");
  });

  it("keeps a table's header and alignment rows as written and regenerates its rows with escaped cells", async () => {
    const project = await docsProject({
      "page.md": [
        "[//]: # (moonshot-kimi-k2-table:start columns=name,ref,context,max-output,reasoning)",
        "",
        "|  模型 | 引用 | 上下文窗口 | 最大输出 | 推理 |",
        "|:--|---|--:|--:|:-:|",
        "| stale | row | 1 | 2 | 3 |",
        "",
        "[//]: # (moonshot-kimi-k2-table:end)",
        "",
      ].join("\n"),
    });
    const hostile = "K2 | *bold* <b> {x} `code` \\ _u_ ~s~ & [l]";
    editCatalog(project, (catalog) => {
      catalog.providers[0]!.models[0]!.name = hostile;
    });
    expect((await project.gen()).code).toBe(0);
    const text = project.doc("page.md");
    expect(text.split("\n").slice(0, 6)).toEqual([
      "[//]: # (moonshot-kimi-k2-table:start columns=name,ref,context,max-output,reasoning)",
      "",
      "|  模型 | 引用 | 上下文窗口 | 最大输出 | 推理 |",
      "|:--|---|--:|--:|:-:|",
      "| K2 \\| \\*bold\\* \\<b\\> \\{x\\} \\`code\\` \\\\ \\_u\\_ \\~s\\~ \\& \\[l\\] | `moonshot/kimi-k2.5` | 256,000 | 8,192 | No |",
      "| Kimi K2 0905 Preview | `moonshot/kimi-k2-0905-preview` | 256,000 | 8,192 | No |",
    ]);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
    const tableNode = (tree.children as Array<{ type: string }>).find((n) => n.type === "table") as unknown as {
      children: Array<{ children: Array<{ children: Array<{ type: string; value?: string }> }> }>;
    };
    const firstCell = tableNode.children[1]!.children[0]!.children;
    expect(firstCell).toEqual([expect.objectContaining({ type: "text", value: hostile })]);
  });

  it("finds a table it wrote inside a blockquote up to date on the next run", async () => {
    const project = await docsProject({ "page.md": "> {/* moonshot-kimi-k2-table:start */}\n> {/* moonshot-kimi-k2-table:end */}\n" });
    expect((await project.gen()).code).toBe(0);
    expect(project.doc("page.md")).toContain("\n>\n> | Model ref | Name | Reasoning | Input | Context window | Max output |\n");
    const again = await project.gen({ check: true });
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  });

  it("gives an empty table region default English headers", async () => {
    const { text } = await generate("{/* moonshot-kimi-k2-table:start columns=ref,status,released */}\n{/* moonshot-kimi-k2-table:end */}\n");
    expect(text.split("\n").slice(2, 5)).toEqual([
      "| Model ref | Status | Released |",
      "| --- | --- | --- |",
      "| `moonshot/kimi-k2.5` | current | — |",
    ]);
  });

  it("keeps CR LF, tabs and a missing final newline outside region bodies", async () => {
    const page = "\tTabbed\r\n[//]: # (moonshot-kimi-k2-ids:start)\r\n[//]: # (moonshot-kimi-k2-ids:end)\r\ntail\twithout newline";
    const { text } = await generate(page);
    expect(text).toBe(
      `\tTabbed\r\n[//]: # (moonshot-kimi-k2-ids:start)\r\n\r\n${idList("-").replace(/\n/g, "\r\n")}\r\n\r\n[//]: # (moonshot-kimi-k2-ids:end)\r\ntail\twithout newline`,
    );
  });
});

describe("documents the line scanner leaves to remark", () => {
  it("regenerates a region in a code block inside a blockquote", async () => {
    const page = "> ```json5\n> [\n>   // moonshot-kimi-k2-ids:start\n>   // moonshot-kimi-k2-ids:end\n> ]\n> ```\n";
    const { diagnostics, text } = await plan(page);
    expect(diagnostics).toEqual([]);
    expect(text).toBe(
      `> \`\`\`json5\n> [\n>   // moonshot-kimi-k2-ids:start\n${IDS.map((id, i) => `>   "${id}"${i < IDS.length - 1 ? "," : ""}\n`).join("")}>   // moonshot-kimi-k2-ids:end\n> ]\n> \`\`\`\n`,
    );
  });

  it("reads a .md file that is not valid MDX (`<br>`, a stray `{`) as plain Markdown", async () => {
    const page = "Line one<br>\nA { brace\n\n- ```json5\n  [\n    // moonshot-kimi-k2-ids:start\n    // moonshot-kimi-k2-ids:end\n  ]\n  ```\n";
    const { diagnostics, text } = await plan(page);
    expect(diagnostics).toEqual([]);
    expect(text).toContain('    // moonshot-kimi-k2-ids:start\n    "kimi-k2.5",\n');
  });

  it("warns when an .mdx file is not valid MDX, and still locates its regions", async () => {
    const page = "A { brace\n\n- ```json5\n  [\n    // moonshot-kimi-k2-ids:start\n    // moonshot-kimi-k2-ids:end\n  ]\n  ```\n";
    const { diagnostics, text } = await plan(page, "page.mdx");
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 1, severity: "warning", rule: "docs/not-mdx", message: expect.stringContaining("not valid MDX") }),
    ]);
    expect(text).toContain('    "kimi-k2-thinking-turbo"\n    // moonshot-kimi-k2-ids:end');
  });
});
