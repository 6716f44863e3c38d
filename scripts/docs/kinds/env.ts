// `<group>-env`: the config's `env` entry holding the provider's key variable with
// its placeholder, e.g. `env: { MOONSHOT_API_KEY: "sk-..." }`.
import { json5Property } from "../json5.ts";
import type { RegionKind } from "./kind.ts";

export const env: RegionKind = {
  suffix: "env",
  contexts: ["code"],
  render: ({ group, json5 }) => {
    const { apiKey } = group.provider;
    return { entries: [json5Property("env", { [apiKey.env]: apiKey.placeholder }, json5)] };
  },
};
