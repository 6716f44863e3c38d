// Malformed markers: every document in test/fixtures/hostile/docs, synced
// alone, gives its exit code and each problem at file:line:column, and no file
// of the project changes. Markers that are only examples are left alone.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docProject } from "./support/doc-project.ts";
import { positionOf } from "./support/positions.ts";
import { repoRoot, snapshot } from "./support/run-cli.ts";

const FIXTURES = join(repoRoot, "test", "fixtures", "hostile");
const CATALOG = join(FIXTURES, "catalog.jsonc");

interface Problem {
  /** Text whose first character is where the problem is reported, and which occurrence of it. */
  at: string;
  occurrence?: number;
  message: RegExp;
}

interface HostileCase {
  file: string;
  exit: 0 | 1 | 2;
  problems: Problem[];
}

const noEnd = /has no matching `demo-ids:end` after it/;
const noStart = /has no matching `demo-ids:start` before it/;
const notAlone = /looks like a region marker but is not one: a marker is a comment standing alone on one line/;
const spansLines = /stands inside a comment or expression that spans several lines/;

const cases: HostileCase[] = [
  { file: "missing-end.md", exit: 2, problems: [{ at: "{/* demo-ids:start */}", message: noEnd }] },
  { file: "stray-end.md", exit: 2, problems: [{ at: "{/* demo-ids:end */}", message: noStart }] },
  { file: "nested.md", exit: 2, problems: [{ at: "{/* demo-model-refs:start */}", message: /region demo-model-refs starts inside region demo-ids \(started at line 1\)/ }] },
  { file: "overlapping.md", exit: 2, problems: [{ at: "{/* demo-model-refs:start */}", message: /cannot be nested or overlap/ }] },
  { file: "duplicate-start.md", exit: 2, problems: [{ at: "<!-- demo-ids:start -->", occurrence: 2, message: /appears again before `demo-ids:end`; the region started at line 1/ }] },
  {
    file: "end-before-start.md",
    exit: 2,
    problems: [
      { at: '[//]: # "demo-ids:end"', message: noStart },
      { at: '[//]: # "demo-ids:start"', message: noEnd },
    ],
  },
  { file: "code-region-inside-markdown-region.md", exit: 2, problems: [{ at: "// demo-aliases:start", message: /region demo-aliases starts inside region demo-ids/ }] },
  { file: "stray-end-inside-region.md", exit: 2, problems: [{ at: "{/* demo-model-refs:end */}", message: /stands inside region demo-ids .* and has no start of its own/ }] },
  {
    file: "split-across-lines.mdx",
    exit: 2,
    problems: [
      { at: "demo-ids:start", message: spansLines },
      { at: "{/* demo-ids:end */}", message: noStart },
    ],
  },
  {
    file: "html-comment-split-across-lines.md",
    exit: 2,
    problems: [
      { at: "demo-ids:start", message: spansLines },
      { at: "<!-- demo-ids:end -->", message: noStart },
    ],
  },
  { file: "unknown-name.md", exit: 2, problems: [{ at: "{/* demo-idz:start */}", message: /unknown region "demo-idz" \(did you mean `demo-ids`\?\)/ }] },
  { file: "unknown-group.md", exit: 2, problems: [{ at: "{/* demos-table:start */}", message: /unknown region "demos-table" \(did you mean `demo-table`\?\)/ }] },
  { file: "wrong-case.md", exit: 2, problems: [{ at: "{/* Demo-IDS:start */}", message: /unknown region "Demo-IDS"/ }] },
  { file: "aliases-in-markdown.md", exit: 2, problems: [{ at: "{/* demo-aliases:start */}", message: /is in Markdown text, but regions of its kind belong in a code block/ }] },
  { file: "table-in-code.md", exit: 2, problems: [{ at: "// demo-table:start", message: /is in a code block, but regions of its kind belong in Markdown text/ }] },
  {
    file: "start-and-end-in-different-fences.md",
    exit: 2,
    problems: [
      { at: "// demo-aliases:start", message: /has no `demo-aliases:end` in its code block \(the block ends at line 7\)/ },
      { at: "// demo-aliases:end", message: /has no matching `demo-aliases:start` before it/ },
    ],
  },
  {
    file: "unclosed-fence-swallows-end.md",
    exit: 2,
    problems: [
      { at: "{/* demo-ids:start */}", message: noEnd },
      // Why the end is not seen.
      { at: "{/* demo-ids:end */}", message: /stands in the code block that opens at line 5 and is never closed, so it is read as an example/ },
    ],
  },
  {
    file: "marker-with-text-after.md",
    exit: 2,
    problems: [
      { at: "demo-ids:start", message: notAlone },
      { at: "{/* demo-ids:end */}", message: noStart },
    ],
  },
  {
    file: "code-marker-in-markdown.md",
    exit: 2,
    problems: [
      { at: "demo-ids:start", message: notAlone },
      { at: "demo-ids:end", message: notAlone },
    ],
  },
  { file: "unknown-option.md", exit: 2, problems: [{ at: "{/* demo-table:start", message: /unknown option "colums" on region demo-table; it takes columns/ }] },
  { file: "unknown-table-column.md", exit: 2, problems: [{ at: "{/* demo-table:start", message: /unknown table column "nmae" \(did you mean `name`\?\)/ }] },
  { file: "table-header-too-short.md", exit: 2, problems: [{ at: "| Model | Name |", message: /the table header has 2 columns but the region renders 3/ }] },
  { file: "options-on-end.md", exit: 2, problems: [{ at: "{/* demo-table:end", message: /options belong on the start marker/ }] },
  { file: "start-at-end-without-newline.md", exit: 2, problems: [{ at: "{/* demo-ids:start */}", message: noEnd }] },
  { file: "crlf-bom-missing-end.md", exit: 2, problems: [{ at: "<!-- demo-ids:start -->", message: noEnd }] },
  { file: "not-utf8.md", exit: 2, problems: [{ at: "\ufffd", message: /not valid UTF-8 .*, and holds region markers/ }] },
  // Formatter damage is repaired rather than refused: --check reports it as drift.
  {
    file: "mangled-formatter.mdx",
    exit: 1,
    problems: [
      { at: "{/_ demo-ids:start _/ && null}", message: /was rewritten by a formatter; `gen` restores `\{\/\* demo-ids:start \*\/\}`/ },
      { at: "{/_demo-ids:end_/}", message: /was rewritten by a formatter; `gen` restores `\{\/\* demo-ids:end \*\/\}`/ },
    ],
  },
  // Examples, not regions.
  { file: "marker-in-inline-code.md", exit: 0, problems: [] },
  { file: "markdown-marker-in-fence.md", exit: 0, problems: [] },
  { file: "regions-switched-off.mdx", exit: 0, problems: [] },
];

/** `path:line:column: ` at the start of a line of the output, followed by the message. */
function reportedLine(output: string, path: string, line: number, column: number): string | undefined {
  const prefix = `${path}:${line}:${column}: `;
  return output.split("\n").find((l) => l.startsWith(prefix));
}

describe("malformed markers", () => {
  it("the table covers every fixture document", () => {
    expect(readdirSync(join(FIXTURES, "docs")).sort()).toEqual(cases.map((c) => c.file).sort());
    expect(cases.filter((c) => c.exit === 2).length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("$file: gen --check exits $exit, reports each problem at file:line:column, changes nothing", async ({ file, exit, problems }) => {
    const project = await docProject(CATALOG);
    const doc = join(project.docs, file);
    copyFileSync(join(FIXTURES, "docs", file), doc);
    const text = readFileSync(doc, "utf8");
    const before = snapshot(project.dir);

    const result = await project.gen("--check");

    expect(result.code, result.stderr).toBe(exit);
    for (const problem of problems) {
      const { line, column } = positionOf(text, problem.at, problem.occurrence);
      const reported = reportedLine(result.stderr, doc, line, column);
      expect(reported, `${doc}:${line}:${column} in\n${result.stderr}`).toBeDefined();
      expect(reported).toMatch(problem.message);
    }
    const reportedCount = result.stderr.split("\n").filter((l) => l.startsWith(`${doc}:`)).length;
    expect(reportedCount).toBe(problems.length);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at .+[(:]\d+/);
    expect(snapshot(project.dir)).toEqual(before);

    // Without --check, a document with errors is not written either.
    if (exit === 2) {
      const written = await project.gen();
      expect(written.code).toBe(2);
      expect(snapshot(project.dir)).toEqual(before);
    }
  });

  it("gen restores mangled markers to their canonical spelling, and is then up to date", async () => {
    const project = await docProject(CATALOG);
    const doc = join(project.docs, "mangled-formatter.mdx");
    copyFileSync(join(FIXTURES, "docs", "mangled-formatter.mdx"), doc);
    expect((await project.gen()).code).toBe(0);
    const repaired = readFileSync(doc, "utf8");
    expect(repaired).toContain("\n{/* demo-ids:start */}\n");
    expect(repaired).toContain("\n{/* demo-ids:end */}\n");
    expect(repaired).not.toContain("{/_");
    const again = await project.gen("--check");
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("");
  });

  it("one malformed document stops every document from being written", async () => {
    const project = await docProject(CATALOG);
    copyFileSync(join(FIXTURES, "docs", "missing-end.md"), join(project.docs, "a-broken.md"));
    writeFileSync(join(project.docs, "b-stale.md"), "{/* demo-ids:start */}\n\n- `old`\n\n{/* demo-ids:end */}\n");
    const before = snapshot(project.dir);
    const result = await project.gen();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(project.docs, "a-broken.md")}:3:1: `);
    expect(snapshot(project.dir)).toEqual(before);
  });
});
