// `<group>-ids`: the group's model ids, as a bullet list in Markdown, or in a code
// block as the strings of a YAML list or of a JSON5 array. A region in Markdown
// whose body is already a table stays a table (see table.ts). Words written after
// an item's value are kept on that value's item.
import { json5String } from "../json5.ts";
import type { RegionKind, RegionOutput, RenderContext } from "./kind.ts";
import { codeListItem, inlineCode } from "./markdown.ts";
import { isTableBody } from "./row-table.ts";
import { modelTable } from "./table.ts";

const YAML = new Set(["yaml", "yml"]);

/** A Markdown bullet list (or the table the region already is); in code, a YAML block list or the entries of a JSON5 array. */
export function stringList(context: RenderContext, values: readonly string[]): RegionOutput {
  if (context.context === "markdown") {
    if (isTableBody(context.body)) return modelTable(context);
    // Words a person put after an item's value (`（推奨）`, `: the flagship`) stay with that value's item.
    const notes = new Map(context.body.flatMap((line) => {
      const item = codeListItem(line);
      return item && item.note !== "" ? [[item.value, item.note] as const] : [];
    }));
    return { lines: values.map((v) => `${context.bullet} ${inlineCode(v)}${notes.get(v) ?? ""}`) };
  }
  if (YAML.has(context.lang)) return { lines: values.map((v) => `- ${json5String(v)}`) };
  return { entries: values.map((v) => [json5String(v)]) };
}

export const ids: RegionKind = {
  suffix: "ids",
  listsModels: true,
  contexts: ["markdown", "code"],
  options: ["columns"],
  render: (context) => stringList(context, context.group.models.map((m) => m.id)),
};
