// The registry of region kinds (see kind.ts for how to add one).
import { aliases } from "./aliases.ts";
import { anthropicEnv } from "./anthropic-env.ts";
import { connection } from "./connection.ts";
import { continueModels } from "./continue-models.ts";
import { cursorSettings } from "./cursor-settings.ts";
import { endpoints } from "./endpoints.ts";
import { env } from "./env.ts";
import { fallbacks } from "./fallbacks.ts";
import { ids } from "./ids.ts";
import type { RegionKind } from "./kind.ts";
import { modelRefs } from "./model-refs.ts";
import { models } from "./models.ts";
import { primary } from "./primary.ts";
import { table } from "./table.ts";

export const REGION_KINDS: readonly RegionKind[] = [
  ids, modelRefs, aliases, models, table,
  endpoints, connection, env, anthropicEnv, cursorSettings, continueModels, primary, fallbacks,
];

export type { RegionKind, RegionContext, RenderContext, RegionOutput } from "./kind.ts";
