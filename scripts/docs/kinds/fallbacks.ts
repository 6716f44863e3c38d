// `<group>-fallbacks`: the `fallbacks` entry of `agents.defaults.model`, the refs
// of the group's models in order.
import { modelRef } from "../../catalog/model.ts";
import { json5Property } from "../json5.ts";
import type { RegionKind } from "./kind.ts";

export const fallbacks: RegionKind = {
  suffix: "fallbacks",
  listsModels: true,
  contexts: ["code"],
  render: ({ group, json5 }) => ({
    entries: [json5Property("fallbacks", group.models.map((m) => modelRef(group.provider, m)), json5)],
  }),
};
