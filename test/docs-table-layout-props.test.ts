// Properties of gen on tables whose pipes line up, written with cells of every kind
// of text people put in them (CJK, emoji and ZWJ sequences, combining marks,
// full-width and half-width forms, right-to-left text, entities, `<br>`) and notes
// in parentheses: gen exits 0, writes nothing outside the region's body, leaves a
// table that reads as up to date and that a second gen does not change, and keeps
// a table that lined up lined up, by display width.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { runs, timeoutFor } from "./support/fc.ts";
import { outsideBodies, regionBodyLines } from "./support/region-bodies.ts";
import { runCli, tempProject } from "./support/run-cli.ts";

const RUNS = 12;
const NAME = "kimi-code-table";
const project = tempProject();
const group = loadCatalog(project.catalog).groups.find((g) => g.id === "kimi-code")!;

/** Pieces of text cells hold. */
const PIECES = ["推荐", "旗舰", "ｶﾀｶﾅ", "ＡＢＣ", "🚀", "👨‍👩‍👧", "é", "e\u0301", "עברית", "العربية", "&amp;", "&#124;", "<br />", "a\\|b", "`x|y`", "beta", "(新)", "（", "1M", "26万", "262,144", "✓", "x".repeat(210)];
const noteText = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(" "));
const note = fc.option(fc.tuple(fc.constantFrom("(", "（"), noteText, fc.constantFrom(")", "）")).map(([o, t, c]) => `${o}${t}${c}`), { nil: undefined });

interface Table {
  headers: string[];
  rows: Array<{ id: string; name: string; context: string }>;
  lead: boolean;
  trail: boolean;
  marks: string[];
}

const table: fc.Arbitrary<Table> = fc.record({
  headers: fc.tuple(fc.constantFrom("Model", "模型", "モデル"), fc.constantFrom("Name", "名称", "الاسم"), fc.constantFrom("Context", "上下文窗口", "Kontext")),
  // Every model (an up-to-date table, but for stale counts) as often as some of them.
  rows: fc.oneof(fc.constant(group.models), fc.subarray(group.models, { minLength: 1 })).chain((models) =>
    fc.tuple(...models.map((m) => fc.tuple(note, fc.boolean(), fc.oneof({ arbitrary: fc.constant(""), weight: 4 }, fc.constantFrom("1M", "131,072", "26万", "9".repeat(40)))).map(([n, before, stale]) => ({
      id: `\`${m.id}\``,
      name: n === undefined ? m.name : before ? `${n} ${m.name}` : `${m.name}${n}`,
      // The catalog's value, or one an earlier catalog or a person wrote (which gen may replace, widening the column).
      context: stale || (m.contextWindow ?? 0).toLocaleString("en-US"),
    })))),
  ),
  lead: fc.boolean(),
  trail: fc.boolean(),
  marks: fc.tuple(fc.constantFrom("-", ":-"), fc.constantFrom("-", ":-:"), fc.constantFrom("-", "-:")),
});

/** The table with its pipes lined up, by display width, as Prettier writes it. */
function aligned(t: Table): string[] {
  const cellsOf = [t.headers, ...t.rows.map((r) => [r.id, r.name, r.context])];
  const widths = [0, 1, 2].map((i) => Math.max(3, ...cellsOf.map((c) => stringWidth(c[i]!))));
  // Each cell stands as its delimiter cell's colons say, as Prettier puts it.
  const pad = (c: string, i: number) => {
    const fill = widths[i]! - stringWidth(c);
    if (t.marks[i] === "-:") return " ".repeat(fill) + c;
    if (t.marks[i] === ":-:") return " ".repeat(Math.floor(fill / 2)) + c + " ".repeat(fill - Math.floor(fill / 2));
    return c + " ".repeat(fill);
  };
  const row = (cells: string[]) => {
    const padded = cells.map((c, i) => (i === 2 && !t.trail ? (t.marks[i] === "-:" ? pad(c, i) : c) : pad(c, i)));
    return `${t.lead ? "| " : ""}${padded.join(" | ")}${t.trail ? " |" : ""}`;
  };
  const delimiter = t.marks.map((m, i) => {
    const dashes = "-".repeat(widths[i]! - (m.length - 1));
    return m === ":-" ? `:${dashes}` : m === "-:" ? `${dashes}:` : m === ":-:" ? `:${dashes}:` : dashes;
  });
  const delimiterRow = `${t.lead ? "| " : ""}${delimiter.join(" | ")}${t.trail ? " |" : ""}`;
  return [row(t.headers), delimiterRow, ...t.rows.map((r) => row([r.id, r.name, r.context]))];
}

/** The display columns of a row's pipes. */
const pipes = (row: string) => [...row.matchAll(/(?<!\\)\|/g)].map((m) => stringWidth(row.slice(0, m.index)));

describe("tables whose pipes line up, with cells of every kind of text", () => {
  it(
    "are synced in one gen: exit 0, nothing outside the body changed, lined up still, up to date after",
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(table, async (t) => {
          const docs = join(project.dir, `docs${n++}`);
          mkdirSync(docs);
          const page = join(docs, "page.md");
          const before = ["# T", "", `{/* ${NAME}:start columns=id,name,context */}`, "", ...aligned(t), "", `{/* ${NAME}:end */}`, "Tail"].join("\n");
          writeFileSync(page, before);
          const args = ["--catalog", project.catalog, "--docs", docs];
          const first = await runCli(["gen", ...args]);
          expect(first.code, first.stderr).toBe(0);
          expect(first.stderr).not.toMatch(/\n\s+at /);
          const after = readFileSync(page, "utf8");
          expect(outsideBodies(after, [NAME])).toBe(outsideBodies(before, [NAME]));
          const rows = regionBodyLines(after, NAME).filter((line) => line.includes("|"));
          expect(rows.length).toBe(2 + group.models.length);
          // The header and delimiter rows are the translators': byte for byte. The rows line up with one another
          // (and with the header, unless a new cell is wider than its column).
          expect(rows.slice(0, 2)).toEqual(aligned(t).slice(0, 2));
          for (const row of rows.slice(2)) expect(pipes(row), after).toEqual(pipes(rows[2]!));
          // A table that lists every model with the catalog's values, notes and all, is up to date as written.
          const clean = t.rows.length === group.models.length && t.rows.every((r, i) => r.id === `\`${group.models[i]!.id}\`` && !/^(?:1M|131,072|26万|9+)$/.test(r.context));
          // (A note of brackets alone says nothing, and a stray bracket goes as punctuation does.)
          const brackets = (name: string, re: RegExp) => (name.match(re) ?? []).length;
          const saysSomething = t.rows.every((r) => !/[(（][(（)）\s]*[)）]/.test(r.name) && brackets(r.name, /[(（]/g) === brackets(r.name, /[)）]/g));
          if (clean && saysSomething && !first.stderr.includes("warning")) expect(after).toBe(before);
          const check = await runCli(["gen", "--check", ...args]);
          expect(check.code, check.stdout).toBe(0);
          expect((await runCli(["gen", ...args])).code).toBe(0);
          expect(readFileSync(page, "utf8")).toBe(after);
        }),
        runs(RUNS),
      );
    },
    timeoutFor(RUNS, 3000),
  );
});
