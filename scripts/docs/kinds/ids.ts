// `<group>-ids`: the group's model ids, as a bullet list in Markdown, or in a code
// block as the strings of a YAML list or of a JSON5 array.
import { json5String } from "../json5.ts";
import type { RegionKind, RegionOutput, RenderContext } from "./kind.ts";
import { inlineCode } from "./markdown.ts";

const YAML = new Set(["yaml", "yml"]);

/** A Markdown bullet list; in code, a YAML block list or the entries of a JSON5 array. */
export function stringList(context: RenderContext, values: readonly string[]): RegionOutput {
  if (context.context === "markdown") return { lines: values.map((v) => `${context.bullet} ${inlineCode(v)}`) };
  if (YAML.has(context.lang)) return { lines: values.map((v) => `- ${json5String(v)}`) };
  return { entries: values.map((v) => [json5String(v)]) };
}

export const ids: RegionKind = {
  suffix: "ids",
  contexts: ["markdown", "code"],
  render: (context) => stringList(context, context.group.models.map((m) => m.id)),
};
