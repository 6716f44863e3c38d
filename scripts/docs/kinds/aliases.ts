// `<group>-aliases`: entries of `agents.defaults.models`, `"provider/id": { alias: "…" }`.
import { modelRef } from "../../catalog/model.ts";
import { json5Property } from "../json5.ts";
import type { RegionKind } from "./kind.ts";

export const aliases: RegionKind = {
  suffix: "aliases",
  listsModels: true,
  contexts: ["code"],
  render: ({ group, json5 }) => ({
    entries: group.models.map((model) => json5Property(modelRef(group.provider, model), { alias: model.alias }, json5)),
  }),
};
