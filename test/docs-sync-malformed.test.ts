// Malformed markers stop the run with exit 2 before anything is written, and each
// problem is named at its file:line:column.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../scripts/report/gen-report.ts";
import { snapshot } from "./support/run-cli.ts";
import { docsProject } from "./fixtures/docs/project.ts";

const ids = (verb: string) => `{/* moonshot-kimi-k2-ids:${verb} */}`;
const table = (verb: string) => `{/* moonshot-kimi-k2-table:${verb} */}`;

/** A page whose regions are outdated: it would be rewritten if the run went ahead. */
const DRIFTED = `# Fine\n\n${ids("start")}\n\n- \`old\`\n\n${ids("end")}\n`;

interface Case {
  name: string;
  page: string;
  /** `line:column: text` expected in the report (1-based). */
  expected: string[];
}

const CASES: Case[] = [
  {
    name: "a start without an end",
    page: `# T\n\n${ids("start")}\n\n- a\n`,
    expected: ["3:1: `moonshot-kimi-k2-ids:start` has no matching `moonshot-kimi-k2-ids:end` after it"],
  },
  {
    name: "an end without a start",
    page: `# T\n\n- a\n\n  ${ids("end")}\n`,
    expected: ["5:3: `moonshot-kimi-k2-ids:end` has no matching `moonshot-kimi-k2-ids:start` before it"],
  },
  {
    name: "a duplicate start",
    page: `${ids("start")}\n\n${ids("start")}\n\n${ids("end")}\n`,
    expected: ["3:1: `moonshot-kimi-k2-ids:start` appears again before `moonshot-kimi-k2-ids:end`; the region started at line 1"],
  },
  {
    name: "nested regions",
    page: `${ids("start")}\n${table("start")}\n${table("end")}\n${ids("end")}\n`,
    expected: ["2:1: region moonshot-kimi-k2-table starts inside region moonshot-kimi-k2-ids (started at line 1)"],
  },
  {
    name: "overlapping regions",
    page: `text\n\n${ids("start")}\n${table("start")}\n${ids("end")}\n${table("end")}\n`,
    expected: ["4:1: region moonshot-kimi-k2-table starts inside region moonshot-kimi-k2-ids (started at line 3)"],
  },
  {
    name: "a marker inside a region",
    page: `${ids("start")}\n- a\n${table("end")}\n${ids("end")}\n`,
    expected: ["3:1: `moonshot-kimi-k2-table:end` stands inside region moonshot-kimi-k2-ids (started at line 1)"],
  },
  {
    name: "an unknown name",
    page: `# T\n\n<!-- moonshot-kimi-k2-idz:start -->\n<!-- moonshot-kimi-k2-idz:end -->\n`,
    expected: ['3:1: unknown region "moonshot-kimi-k2-idz" (did you mean `moonshot-kimi-k2-ids`?)'],
  },
  {
    name: "a code-only kind in Markdown text",
    page: `# T\n\n{/* moonshot-kimi-k2-models:start */}\n{/* moonshot-kimi-k2-models:end */}\n`,
    expected: ["3:1: region moonshot-kimi-k2-models is in Markdown text, but regions of its kind belong in a code block"],
  },
  {
    name: "a Markdown-only kind in a code block",
    page: "```json5\n[\n  // moonshot-kimi-k2-table:start\n  // moonshot-kimi-k2-table:end\n]\n```\n",
    expected: ["3:3: region moonshot-kimi-k2-table is in a code block, but regions of its kind belong in Markdown text"],
  },
  {
    name: "options that cannot be read, and a column named twice (one problem each, no follow-on about the end marker)",
    page: `${table("start columns=")}\n${table("end")}\n\n${ids('start columns="ref, name"')}\n${ids("end")}\n\n${table("start columns=ref,ref")}\n${table("end")}\n\n\`\`\`js\n// build:start the server\n\`\`\`\n\n${table("start columns='ref,name'")}\n${table("end")}\n\n${table("start columns=ref,,name")}\n${table("end")}\n\n${table("start columns = ref")}\n${table("end")}\n`,
    expected: [
      "1:1: the options of `moonshot-kimi-k2-table:start` cannot be read (`columns=`): write each as key=value, with no spaces or quotes in the value, e.g. `columns=ref,name`",
      '4:1: the options of `moonshot-kimi-k2-ids:start` cannot be read (`columns="ref, name"`): write each as key=value, with no spaces or quotes in the value, e.g. `columns=ref,name`',
      '7:1: region moonshot-kimi-k2-table: column "ref" is named twice; name each column once',
      "14:1: the options of `moonshot-kimi-k2-table:start` cannot be read (`columns='ref,name'`)",
      "17:1: region moonshot-kimi-k2-table: a column name is empty (two commas in a row, or one at either end); name every column",
      "20:1: the options of `moonshot-kimi-k2-table:start` cannot be read (`columns = ref`)",
    ],
  },
  {
    name: "JSON5 entries in a YAML block (a list of ids there is a YAML list, and strings go anywhere)",
    page: "```yaml\nmodels:\n  # moonshot-kimi-k2-models:start\n  # moonshot-kimi-k2-models:end\nids:\n  # moonshot-kimi-k2-ids:start\n  # moonshot-kimi-k2-ids:end\n```\n\n```python\nIDS = [\n  # moonshot-kimi-k2-ids:start\n  # moonshot-kimi-k2-ids:end\n]\n```\n",
    expected: [
      "3:3: region moonshot-kimi-k2-models: writes JSON5 entries, which do not belong in a `yaml` code block; put the region in a json5, jsonc, json, JavaScript or TypeScript one",
    ],
  },
  {
    name: "a region leaving its code block",
    page: "```json5\n[\n  // moonshot-kimi-k2-ids:start\n]\n```\n\n{/* moonshot-kimi-k2-ids:end */}\n",
    expected: [
      "3:3: `moonshot-kimi-k2-ids:start` has no `moonshot-kimi-k2-ids:end` in its code block (the block ends at line 5)",
      "7:1: `moonshot-kimi-k2-ids:end` has no matching `moonshot-kimi-k2-ids:start` before it",
    ],
  },
  {
    name: "a marker sharing its line with text",
    page: `See ${ids("start")} here.\n`,
    expected: ["1:9: `moonshot-kimi-k2-ids:start` looks like a region marker but is not one"],
  },
  {
    name: "a marker split across lines",
    page: "# T\n\n{/* moonshot-kimi-k2-ids:start\n*/}\n",
    expected: ["3:5: `moonshot-kimi-k2-ids:start` stands inside a comment or expression that spans several lines"],
  },
  {
    name: "markers after a code block that is never closed",
    page: `# T\n\n\`\`\`bash\necho hi\n\n${ids("start")}\n${ids("end")}\n`,
    expected: [
      "6:1: `moonshot-kimi-k2-ids:start` stands in the code block that opens at line 3 and is never closed, so it is read as an example",
      "7:1: `moonshot-kimi-k2-ids:end` stands in the code block that opens at line 3 and is never closed",
    ],
  },
  {
    name: "an unknown option",
    page: `{/* moonshot-kimi-k2-ids:start sort=name */}\n${ids("end")}\n`,
    expected: ['1:1: unknown option "sort" on region moonshot-kimi-k2-ids; it takes columns'],
  },
  {
    name: "a table whose header does not fit its declared columns",
    page: `{/* moonshot-kimi-k2-table:start columns=ref,name,context */}\n\n| Model ref | Context |\n| --- | ---: |\n\n${table("end")}\n`,
    expected: ["3:1: region moonshot-kimi-k2-table: the table header has 2 columns but the region renders 3 (ref, name, context): make `columns=` on the start marker name 2"],
  },
  {
    name: "a table column nothing identifies",
    page: `${table("start")}\n\n| Model ref | Notes |\n| --- | --- |\n\n${table("end")}\n`,
    expected: ['3:15: region moonshot-kimi-k2-table: column 2 ("Notes") of the table in region moonshot-kimi-k2-table is not a column the engine knows'],
  },
  {
    name: "a region whose end marker stands after the JSX element its start marker is in",
    page: `# T\n\n<Tabs>\n<Tab title="A">\n\n${ids("start")}\n\n</Tab>\n</Tabs>\n\n${ids("end")}\n`,
    expected: ["6:1: `moonshot-kimi-k2-ids:start` and `moonshot-kimi-k2-ids:end` stand in different blocks: line 8 (`</Tab>`) closes `<Tab>`, which opens before the region;"],
  },
  {
    name: "a region that opens an HTML element it does not close",
    page: `${ids("start")}\n<details>\n<summary>More</summary>\n\n${ids("end")}\n\n</details>\n`,
    expected: ["1:1: `moonshot-kimi-k2-ids:start` and `moonshot-kimi-k2-ids:end` stand in different blocks: line 2 opens `<details>`, which closes after the region;"],
  },
  {
    name: "a region that holds the closing fence of an admonition",
    page: `:::tip\n\n${ids("start")}\n\n:::\n\n${ids("end")}\n`,
    expected: ["3:1: `moonshot-kimi-k2-ids:start` and `moonshot-kimi-k2-ids:end` stand in different blocks: line 5 (`:::`) closes a `:::` block that opens before the region;"],
  },
  {
    name: "a region that runs from one list item into the next",
    page: `- item\n  ${ids("start")}\n- other item\n  ${ids("end")}\n`,
    expected: ["2:3: `moonshot-kimi-k2-ids:start` and `moonshot-kimi-k2-ids:end` stand in different blocks: line 3 (`- other item`) starts another item of the list the start marker is in;"],
  },
  {
    name: "a region that leaves the block quote its start marker is in",
    page: `> ${ids("start")}\n> - \`old\`\n\nplain text\n> ${ids("end")}\n`,
    expected: ["1:3: `moonshot-kimi-k2-ids:start` and `moonshot-kimi-k2-ids:end` stand in different blocks: line 4 (`plain text`) stands outside the block quote the start marker is in;"],
  },
];

describe("malformed markers", () => {
  it.each(CASES)("$name: exit 2, file:line:column, nothing written", async ({ page, expected }) => {
    const project = await docsProject({ "bad.md": page, "drifted.md": DRIFTED });
    const before = snapshot(project.dir);
    const bad = displayPath(join(project.docs, "bad.md"));
    for (const check of [true, false]) {
      const result = await project.gen({ check });
      expect(result.code).toBe(2);
      for (const problem of expected) expect(result.stderr).toContain(`${bad}:${problem}`);
      const reported = result.stderr.split("\n").filter((line) => line.startsWith(`${bad}:`) && !line.includes("warning:"));
      expect(reported).toHaveLength(expected.length);
      expect(result.stderr).toContain("nothing was written");
      expect(snapshot(project.dir)).toEqual(before);
    }
  });

  it("a region's marker named in prose or in a link is a warning, not an error: the run goes on", async () => {
    const prose = "# About regions\n\nThe list sits between moonshot-kimi-k2-ids:start and its end.\n\nSee [the list](https://example.com/models#moonshot-kimi-k2-ids:start).\n\n## The moonshot-kimi-k2-ids:start marker\n";
    const project = await docsProject({ "about.md": prose, "drifted.md": DRIFTED });
    const about = displayPath(join(project.docs, "about.md"));
    const check = await project.gen({ check: true });
    expect(check.code).toBe(1); // the drifted page, nothing else
    expect(check.stderr).toContain(`${about}:3:23: warning: \`moonshot-kimi-k2-ids:start\` looks like a region marker but is not one`);
    expect(check.stderr).toContain(`${about}:5:43: warning: \`moonshot-kimi-k2-ids:start\` looks like a region marker but is not one`);
    // A heading is Markdown, not a `#` comment.
    expect(check.stderr).toContain(`${about}:7:8: warning: \`moonshot-kimi-k2-ids:start\` looks like a region marker but is not one`);
    expect((await project.gen({ check: false })).code).toBe(0);
  });

  it("a region may hold whole blocks, or stand whole inside one: no problem", async () => {
    const pages = {
      "inside.mdx": `<Tabs>\n  <Tab title="A">\n\n  ${ids("start")}\n  ${ids("end")}\n\n  </Tab>\n</Tabs>\n`,
      "holds.md": `${ids("start")}\n<details>\n<summary>Old</summary>\n\n:::note\nx\n:::\n\n</details>\n${ids("end")}\n`,
      "list.md": `- item\n  ${ids("start")}\n  - nested\n  ${ids("end")}\n- next\n`,
      "links.md": `${ids("start")}\n<https://example.com/a>\n${ids("end")}\n`,
      "attributes.mdx": `${ids("start")}\n<Card\n  title="A"\n>\nText\n</Card>\n<Icon\n  name="x"\n/>\n${ids("end")}\n`,
    };
    const project = await docsProject(pages);
    const result = await project.gen({ check: true });
    expect(result.stderr).not.toContain("different blocks");
    expect(result.code, result.stderr).toBe(1); // the regions are out of date, nothing else
  });

  it("reports every problem of every file at once", async () => {
    const project = await docsProject({
      "a.md": `${ids("start")}\n`,
      "b/c.md": `text\n${ids("end")}\n\n<!-- nope-ids:start -->\n<!-- nope-ids:end -->\n`,
    });
    const result = await project.gen({ check: true, json: true });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe("invalid");
    const where = report.diagnostics.map((d: { file: string; line: number; column: number; rule: string }) =>
      `${d.file.slice(project.docs.length + 1)}:${d.line}:${d.column} ${d.rule}`);
    expect(where).toEqual(["a.md:1:1 docs/unclosed-region", "b/c.md:2:1 docs/stray-end", "b/c.md:4:1 docs/unknown-region"]);
  });
});
