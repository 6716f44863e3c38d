// Odd input through the real command line: every case ends with a clear
// message at the right file:line:column and the right exit code, never a stack
// trace, never a silent skip; a page without regions never stops the run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docProject, type DocProject } from "./support/doc-project.ts";
import { repoRoot, runCli } from "./support/run-cli.ts";

const CATALOG = join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc");
const STACK = /\n\s+at .+[(:]\d+/;
/** Deep enough to exhaust the stack of the Markdown parser and the MDX compiler (a 10,000-deep quote, as reported). */
const DEPTH = 10_000;
/** JSX elements nested on one line: enough to exhaust the MDX compiler's stack. */
const JSX_DEPTH = 3_000;
const REGION = "{/* demo-ids:start */}\n\n- `old`\n\n{/* demo-ids:end */}\n";

let shared: Promise<DocProject> | undefined;
/** One project for the whole file; each case writes its own page, runs on it alone, and removes it. */
async function genOn(name: string, content: string | Buffer, ...flags: string[]) {
  const project = await (shared ??= docProject(CATALOG));
  const docs = mkdtempSync(join(project.dir, "case-"));
  const file = join(docs, name);
  writeFileSync(file, content);
  const result = await runCli(["gen", ...flags, "--catalog", project.catalog, "--docs", docs]);
  rmSync(docs, { recursive: true, force: true });
  expect(result.stderr).not.toMatch(STACK);
  return { ...result, file, output: result.stdout + result.stderr };
}

describe("crashes become messages", () => {
  it("a 10,000-deep blockquote next to a changed region: not compiled, and said so at its line; no stack trace", async () => {
    const r = await genOn("deep.md", `${REGION}\n${">".repeat(DEPTH)} deep\n`, "--check");
    expect(r.code, r.output).toBe(1);
    expect(r.stderr).toContain(`${r.file}:7:1: warning: not compiled as MDX or checked for JSON blocks: blockquotes or lists nest 10000 levels deep here`);
  });

  it("a code region that needs a real parse inside a 10,000-deep blockquote: exit 2 at the line, no stack trace", async () => {
    const quote = "> ".repeat(DEPTH);
    const block = ["```json5", "{", "// demo-aliases:start", "// demo-aliases:end", "}", "```"].map((line) => quote + line);
    const r = await genOn("deep.md", `${block.join("\n")}\n`, "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:1:1: cannot be read: blockquotes or lists nest 10000 levels deep here`);
  });

  it("a 3,000-deep JSX nesting next to a changed region: said at the page (a warning in hand-written text), no stack trace", async () => {
    const r = await genOn("deep.md", `${REGION}\n${"<a>".repeat(JSX_DEPTH)}${"</a>".repeat(JSX_DEPTH)}\n`, "--check");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.file}:1:1: warning: cannot be compiled as MDX: its blocks (blockquotes, lists) are nested too deeply`);
  });
});

describe("messages point at the file on disk", () => {
  it("an MDX error on the user's own marker line is reported at that line, not in generated text", async () => {
    const r = await genOn("page.md", "# T\n\n<!-- demo-ids:start -->\n\n<!-- demo-ids:end -->\n", "--check");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.file}:3:2: warning: does not compile as MDX`);
    expect(r.stderr).not.toContain("generates for region");
  });

  it("an MDX error without a position of its own, after a region that grows, is at the file's line", async () => {
    const r = await genOn("page.md", "{/* demo-ids:start */}\n\n{/* demo-ids:end */}\n\nSome text\n\n<div>\n\nmore\n", "--check");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.file}:7:1: warning: does not compile as MDX: Expected a closing tag for \`<div>\`;`);
  });
});

describe("near-miss markers are warned about, with what was meant", () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ["a full-width colon", "{/* demo-ids\uff1astart */}", "{/* demo-ids:start */}", /a full-width colon `：`/],
    ["a zero-width space in the name", "{/* demo-\u200bids:start */}", "{/* demo-ids:start */}", /an invisible character \(U\+200B\)/],
    ["a Cyrillic letter in the name", "{/* d\u0435mo-ids:start */}", "{/* demo-ids:start */}", /`е` \(U\+0435\), which only looks like `e`/],
    ["the verb in capitals", "<!-- demo-ids:START -->", "<!-- demo-ids:start -->", /`START` in capitals/],
    ["an end in capitals, in a code block", "```json5\n// demo-aliases:END\n```", "// demo-aliases:end", /`END` in capitals/],
    ["a space before the colon", "{/* demo-ids :start */}", "{/* demo-ids:start */}", /a space before the colon/],
    ["a no-break space before the colon", "{/* demo-ids\u00a0:end */}", "{/* demo-ids:end */}", /a space before the colon/],
    ["a zero-width space before the colon", "{/* demo-ids\u200b:start */}", "{/* demo-ids:start */}", /an invisible character \(U\+200B\)/],
    ["a space after the colon", "{/* demo-ids: start */}", "{/* demo-ids:start */}", /a space after the colon/],
    ["a space on both sides of the colon", "<!-- demo-ids : end -->", "<!-- demo-ids:end -->", /a space on both sides of the colon/],
    ["a space after the colon, in a code block", "```json5\n// demo-aliases: start\n```", "// demo-aliases:start", /a space after the colon/],
    ["curly quotes, as a word processor or a translation tool writes them", '[//]: # \u201cdemo-ids:start\u201d', '[//]: # "demo-ids:start"', /a curly quote `“` and a curly quote `”`/],
    ["full-width parentheses (a CJK keyboard)", "[//]: # \uff08demo-ids:end\uff09", "[//]: # (demo-ids:end)", /a full-width `（` and a full-width `）`/],
    ["full-width square brackets", '\uff3b//\uff3d: # "demo-ids:start"', '[//]: # "demo-ids:start"', /a full-width `［` and a full-width `］`/],
  ];
  for (const [what, written, meant, flaw] of cases) {
    it(`${what}: exit 0 with a warning at the line, and a did-you-mean`, async () => {
      const r = await genOn("page.md", `# Page\n\n${written}\n`, "--check");
      expect(r.code, r.output).toBe(0);
      const line = written.startsWith("```") ? 4 : 3;
      expect(r.stderr).toContain(`${r.file}:${line}:1: warning: \`${written.replace(/^```json5\n|\n```$/g, "")}\` is not read as a region marker`);
      expect(r.stderr).toMatch(flaw);
      expect(r.stderr).toContain(`did you mean \`${meant}\`?`);
    });
  }

  it("a space after a colon is a near miss only for a region's name: prose, notes and programs' comments are left alone", async () => {
    const page = [
      "# Page", "", "Step 1: start the gateway. In the end: end it.", "", "<!-- TODO: end of section -->", "",
      "{/* note: start here */}", "", "```sh", "# build: start the server", "# demo: end", "```", "",
    ].join("\n");
    const r = await genOn("page.md", page, "--check");
    expect(r.code, r.output).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("invisible format characters around a marker (a right-to-left mark after it, a zero-width space before it) leave it a marker", async () => {
    const page = "# عنوان\n\n{/* demo-ids:start */}\u200f\n- `old`\n\u200b{/* demo-ids:end */}\n";
    const r = await genOn("page.md", page, "--check");
    expect(r.code, r.output).toBe(1);
    expect(r.stdout).toContain("1 region in 1 file is out of date");
    expect(r.stderr).not.toContain("is not read as a region marker");
  });

  it("the same text as an example in inline code is left alone", async () => {
    const r = await genOn("page.md", "# Page\n\nWrite `{/* demo-ids\uff1astart */}` like this.\n", "--check");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it(".markdown pages are synced like .md pages", async () => {
    const r = await genOn("page.markdown", REGION, "--check");
    expect(r.code, r.output).toBe(1);
    expect(r.stdout).toContain("page.markdown");
  });
});

describe("pages that are not UTF-8", () => {
  it("a page whose file name is not UTF-8 is named as such, not as removed during the run", async () => {
    const project = await (shared ??= docProject(CATALOG));
    const docs = mkdtempSync(join(project.dir, "case-"));
    writeFileSync(Buffer.from(`${docs}/caf\xe9.md`, "latin1"), REGION);
    const result = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", docs]);
    rmSync(docs, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("its name is not valid UTF-8 (perhaps Latin-1), so it cannot be opened by it; rename the file with a UTF-8 name");
    expect(result.stderr).not.toContain("removed while the run");
  });

  it("a Latin-1 page with `dev:start` in its prose is a warning, never an exit 2", async () => {
    const r = await genOn("latin1.md", Buffer.from("# Caf\xe9\n\nRun `npm run dev:start` first.\n", "latin1"), "--check");
    expect(r.code, r.output).toBe(0);
    expect(r.stderr).toContain(`${r.file}:1:6: warning: the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252`);
  });

  it("a UTF-16 page with a BOM and marker-like prose is named as UTF-16, with a warning", async () => {
    const text = "\ufeff# Page\n\nRun dev:start first.\n";
    const r = await genOn("utf16.md", Buffer.from(text, "utf16le"), "--check");
    expect(r.code, r.output).toBe(0);
    expect(r.stderr).toContain(`${r.file}:1:1: warning: the file is encoded as UTF-16 (little-endian), not UTF-8`);
  });

  it("a UTF-16 page holding region markers stops the run, saying what it is", async () => {
    const r = await genOn("utf16.md", Buffer.from(`\ufeff${REGION}`, "utf16le"), "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:1:1: the file is encoded as UTF-16 (little-endian), not UTF-8, and holds region markers`);
  });

  it("a UTF-16 page without a byte-order mark is recognised by its zero bytes, in either byte order", async () => {
    const le = await genOn("utf16.md", Buffer.from(REGION, "utf16le"), "--check");
    expect(le.code, le.output).toBe(2);
    expect(le.stderr).toContain(`${le.file}:1:1: the file is encoded as UTF-16 (little-endian, without a byte-order mark), not UTF-8, and holds region markers`);
    const be = await genOn("utf16.md", Buffer.from(REGION, "utf16le").swap16(), "--check");
    expect(be.stderr).toContain("the file is encoded as UTF-16 (big-endian, without a byte-order mark), not UTF-8, and holds region markers");
    // A page mostly in Chinese has few zero bytes; its ASCII markers have them.
    const chinese = `# 模型\n\n${"这是一个很长的中文段落，用于说明模型的用途。".repeat(30)}\n\n${REGION}`;
    const cjk = await genOn("zh.md", Buffer.from(chinese, "utf16le"), "--check");
    expect(cjk.stderr).toContain("the file is encoded as UTF-16 (little-endian, without a byte-order mark), not UTF-8, and holds region markers");
    // A stray NUL in a UTF-8 page is no sign of UTF-16: the page is synced as usual.
    const nul = await genOn("nul.md", `# T\u0000\n\n${REGION}`, "--check");
    expect(nul.stderr).not.toContain("UTF-16");
    expect(nul.code, nul.output).toBe(1);
  });
});

describe("markers that cannot be regions", () => {
  it("markers inside a multi-line JSX attribute are refused, and no list is written into JavaScript", async () => {
    const page = "# T\n\n<Card title={<>\n{/* demo-ids:start */}\n{/* demo-ids:end */}\n</>} />\n";
    const r = await genOn("page.mdx", page);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:4:5: \`demo-ids:start\` stands inside a comment or expression that spans several lines (such as a JSX attribute's value)`);
  });

  it("a marker quoted in a comment that spans lines (a note to translators) is text, not a marker", async () => {
    const note = "{/*\n  Translators: keep the `demo-ids:start` and `demo-ids:end` markers intact.\n*/}\n\n";
    const r = await genOn("page.mdx", `# T\n\n${note}${REGION}`, "--check");
    expect(r.code, r.output).toBe(1); // the region below is out of date; nothing else
    expect(r.stderr).not.toContain("spans several lines");
  });

  it("a marker named amid words in a comment that spans lines is text; one alone on a line of such a comment is refused", async () => {
    const note = "<!--\n  Note: demo-ids:start marks the list below; keep it.\n-->\n\n";
    const r = await genOn("page.md", `# T\n\n${note}${REGION}`, "--check");
    expect(r.code, r.output).toBe(1); // the region below is out of date; nothing else
    expect(r.stderr).not.toContain("spans several lines");
    const alone = await genOn("page.md", "# T\n\n<!--\n  demo-ids:start columns=ref\n-->\n", "--check");
    expect(alone.code, alone.output).toBe(2);
    expect(alone.stderr).toContain(`${alone.file}:4:3: \`demo-ids:start\` stands inside a comment or expression that spans several lines`);
  });

  it("code-comment markers in a Markdown code block (an example of a page) are examples", async () => {
    const example = "````md\n```json5\n// demo-aliases:start\n// demo-aliases:end\n```\n````\n\n";
    const r = await genOn("page.md", `# How to\n\n${example}${REGION}`, "--check");
    expect(r.code, r.output).toBe(1); // the region below is out of date; nothing else
    expect(r.stderr).not.toContain("demo-aliases");
  });

  it("lone-CR line endings are named", async () => {
    const r = await genOn("page.md", REGION.replaceAll("\n", "\r"), "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:1:23: this line holds a lone carriage return (CR, the line ending of classic Mac OS)`);
  });

  it("a marker option given twice is an error", async () => {
    const r = await genOn("page.md", "{/* demo-table:start columns=id columns=name */}\n\n{/* demo-table:end */}\n", "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:1:1: option "columns" is given twice on \`demo-table:start\`; give it once`);
  });

  for (const key of ["__proto__", "constructor"]) {
    it(`a marker option named ${key} is an unknown option like any other`, async () => {
      const r = await genOn("page.md", `{/* demo-table:start ${key}=x */}\n\n{/* demo-table:end */}\n`, "--check");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${r.file}:1:1: unknown option "${key}" on region demo-table; it takes columns`);
    });
  }
});

describe("pairing errors name the cause once", () => {
  it("one missing end marker before ten regions is one error", async () => {
    const regions = Array.from({ length: 5 }, () => "{/* demo-ids:start */}\n{/* demo-ids:end */}\n{/* demo-table:start */}\n{/* demo-table:end */}\n").join("");
    const r = await genOn("page.md", `{/* demo-model-refs:start */}\n\n${regions}`, "--check");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      `${r.file}:1:1: \`demo-model-refs:start\` has no matching \`demo-model-refs:end\` before the next region starts (line 3)`,
      "1 problem in the input; nothing was written",
    ]);
  });

  it("a misspelled start name gets a did-you-mean", async () => {
    const r = await genOn("page.md", "{/* demo-idz:start */}\n\n{/* demo-ids:end */}\n", "--check");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      `${r.file}:1:1: \`demo-idz:start\` ends at \`demo-ids:end\` (line 3), whose name differs; \`demo-idz\` is no region name (did you mean \`demo-ids\`?)`,
      "1 problem in the input; nothing was written",
    ]);
  });

  it("a misspelled start alone gets a did-you-mean", async () => {
    const r = await genOn("page.md", "{/* demo-idz:start */}\n\ntext\n", "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:1:1: \`demo-idz:start\` has no matching \`demo-idz:end\` after it (did you mean \`demo-ids\`?)`);
  });
});

describe("near misses without false alarms", () => {
  it("a program's own comment in capitals in a code block is no near miss", async () => {
    const r = await genOn("page.md", "```sh\n# phase:START\nmake\n# phase:END\n```\n", "--check");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("file names that would break or disguise a line of output", () => {
  it("a newline in a drifted page's name is printed escaped and quoted, in its heading and its diff", async () => {
    const project = await (shared ??= docProject(CATALOG));
    const docs = mkdtempSync(join(project.dir, "case-"));
    writeFileSync(join(docs, "two\nlines.md"), REGION);
    const result = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", docs]);
    rmSync(docs, { recursive: true, force: true });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    // As git escapes such names: the heading and the diff's file names each stay one line.
    expect(result.stdout).toMatch(/^".*\/two\\nlines\.md":1: region demo-ids is out of date$/m);
    expect(result.stdout).toMatch(/^--- ".*\/two\\nlines\.md"$/m);
    expect(result.stdout).toMatch(/^\+\+\+ ".*\/two\\nlines\.md"$/m);
    expect(result.stdout + result.stderr).not.toMatch(/two\nlines/);
  });

  it("a right-to-left override in a page's name is escaped in the message about it", async () => {
    const r = await genOn("evil\u202egpj.md", "{/* demo-ids:start */}\n", "--check");
    expect(r.code, r.output).toBe(2);
    expect(r.stderr).toMatch(/^".*\/evil\\u202egpj\.md":1:1: /m);
    expect(r.output).not.toContain("\u202e");
  });

  it("the JSON report keeps the names as they are (JSON escapes them itself)", async () => {
    const project = await (shared ??= docProject(CATALOG));
    const docs = mkdtempSync(join(project.dir, "case-"));
    writeFileSync(join(docs, "two\nlines.md"), REGION);
    const result = await runCli(["gen", "--check", "--json", "--catalog", project.catalog, "--docs", docs]);
    rmSync(docs, { recursive: true, force: true });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string }> };
    expect(report.files.map((f) => f.path.split("/").pop())).toEqual(["two\nlines.md"]);
  });
});
