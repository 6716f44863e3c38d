// `<group>-model-refs`: `provider/id` refs of the group's models, as a bullet list
// in Markdown or as JSON5 strings in a code block.
import { modelRef } from "../../catalog/model.ts";
import { stringList } from "./ids.ts";
import type { RegionKind } from "./kind.ts";

export const modelRefs: RegionKind = {
  suffix: "model-refs",
  listsModels: true,
  contexts: ["markdown", "code"],
  options: ["columns"],
  render: (context) => stringList(context, context.group.models.map((m) => modelRef(context.group.provider, m))),
};
