// `<group>-table`: a Markdown table of the group's models. The header row and the
// alignment row stay as written (translators own the header); only the rows below
// them are generated. Cells hold no words of any language: ids and refs in code
// spans, numbers, ✓/—, modality and status ids, so one region serves every
// translation. Columns are chosen on the start marker, e.g.
//   {/* moonshot-kimi-k2-table:start columns=ref,context,max-output,status */}
// An empty region gets English default headers, to be translated in place.
import { modelRef, type ModelData, type ResolvedGroup } from "../../catalog/model.ts";
import { didYouMeanSuffix } from "../../lib/did-you-mean.ts";
import type { RegionKind } from "./kind.ts";
import { escapeText, inlineCode, NO, thousands, YES } from "./markdown.ts";
import { tableBelowHeader } from "./row-table.ts";

interface Column {
  title: string;
  align: "left" | "center" | "right";
  cell(model: ModelData, group: ResolvedGroup): string;
}

function price(amount: number, currency: string): string {
  const fixed = amount.toFixed(2);
  return `${Number(fixed) === amount ? fixed : String(amount)} ${currency}`;
}

function status(model: ModelData): string {
  const lifecycle = model.lifecycle;
  if (lifecycle.status === "current") return inlineCode("current");
  return `${inlineCode(lifecycle.status)} ${lifecycle.date} → ${inlineCode(lifecycle.replacement)}`;
}

export const COLUMNS: Readonly<Record<string, Column>> = {
  ref: { title: "Model ref", align: "left", cell: (m, g) => inlineCode(modelRef(g.provider, m)) },
  id: { title: "Model id", align: "left", cell: (m) => inlineCode(m.id) },
  name: { title: "Name", align: "left", cell: (m) => escapeText(m.name) },
  alias: { title: "Alias", align: "left", cell: (m) => escapeText(m.alias) },
  reasoning: { title: "Reasoning", align: "center", cell: (m) => (m.reasoning ? YES : NO) },
  input: { title: "Input", align: "left", cell: (m) => m.input.join(", ") },
  context: { title: "Context window", align: "right", cell: (m) => thousands(m.contextWindow) },
  "max-output": { title: "Max output", align: "right", cell: (m) => thousands(m.maxTokens) },
  "input-price": { title: "Input per 1M", align: "right", cell: (m) => price(m.cost.input, m.cost.currency) },
  "output-price": { title: "Output per 1M", align: "right", cell: (m) => price(m.cost.output, m.cost.currency) },
  "cache-read-price": { title: "Cache read per 1M", align: "right", cell: (m) => price(m.cost.cacheRead, m.cost.currency) },
  "cache-write-price": { title: "Cache write per 1M", align: "right", cell: (m) => price(m.cost.cacheWrite, m.cost.currency) },
  status: { title: "Status", align: "left", cell: status },
  released: { title: "Released", align: "left", cell: (m) => m.releaseDate ?? NO },
};

export const DEFAULT_COLUMNS = ["ref", "name", "reasoning", "input", "context", "max-output"] as const;

const ALIGN = { left: "---", center: ":---:", right: "---:" } as const;

export const table: RegionKind = {
  suffix: "table",
  contexts: ["markdown"],
  options: ["columns"],
  render({ group, options, body }) {
    const names = options.columns?.split(",").filter((n) => n !== "") ?? [...DEFAULT_COLUMNS];
    const known = Object.keys(COLUMNS);
    const unknown = names.find((n) => !known.includes(n));
    if (unknown !== undefined) {
      return { error: `unknown table column "${unknown}"${didYouMeanSuffix(unknown, known)}; columns are ${known.join(", ")}` };
    }
    const columns = names.map((n) => COLUMNS[n]!);
    return tableBelowHeader(
      body,
      columns.map((c) => c.title),
      group.models.map((model) => columns.map((c) => c.cell(model, group))),
      {
        alignments: columns.map((c) => ALIGN[c.align]),
        hint: "choose the columns with `columns=…` on the start marker, or fix the header",
      },
    );
  },
};
