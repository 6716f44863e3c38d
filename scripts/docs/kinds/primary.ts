// `<group>-primary`: the `primary` entry of `agents.defaults.model`, the ref of
// the group's first model (a group lists the current flagship first).
import { modelRef } from "../../catalog/model.ts";
import { json5Property } from "../json5.ts";
import type { RegionKind } from "./kind.ts";

export const primary: RegionKind = {
  suffix: "primary",
  listsModels: true,
  contexts: ["code"],
  render: ({ group, json5 }) => ({ entries: [json5Property("primary", modelRef(group.provider, group.models[0]!), json5)] }),
};
