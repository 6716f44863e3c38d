// The zod schema of the model catalog (schema/catalog.jsonc).
//
// Field shapes live here; rules that relate several fields (duplicate ids, a
// replacement that names no model, ...) live in scripts/catalog/rules.ts so
// that every one of them can be reported with its own source position.
import { z } from "zod";
import { MARKER_TOKEN } from "../scripts/docs/markers.ts";
import { Api, Compat, headers, Id, matching, Modality, Price as AnyPrice, ProviderAliases } from "./atoms.ts";

export { Api, Id, Modality } from "./atoms.ts";

/**
 * Display text (names, aliases, labels). Renderers escape quotes, backslashes and
 * Markdown/MDX punctuation; what no escape can make safe is rejected here:
 * control characters and line breaks, bidirectional overrides (which can make
 * rendered text read differently from its bytes), unpaired surrogates (UTF-8
 * cannot store them, so a written doc would never match its catalog), `${`,
 * which config loaders expand as an environment variable, and `name:start` or
 * `name:end`, which the docs engine would take for a region marker once written.
 */
export const SafeText = matching(
  /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]*$/u,
  "must not contain control characters, line breaks, bidirectional overrides or unpaired surrogates",
  200,
)
  .min(1, "must not be empty")
  .refine((s) => s.trim() === s, "must not start or end with white space")
  .refine((s) => !s.includes("${"), "must not contain `${` (config loaders expand it as a variable)")
  .refine(
    // Text over the length limit is refused already; the guard keeps this pattern off huge strings.
    (s) => s.length > 1000 || !MARKER_TOKEN.test(s),
    "must not contain text like `name:start` or `name:end`, which docs would read as a region marker",
  );

export const IsoDate = z.iso.date({ message: "must be a date written YYYY-MM-DD" }).meta({ patternErrorMessage: "Must be a date written YYYY-MM-DD." });

export const HttpsUrl = matching(
  /^https:\/\/[^\s"'`<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+$/,
  "must be an https:// URL without spaces, quotes, control characters or bidirectional overrides",
  2000,
);

export const EnvVarName = matching(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name such as MOONSHOT_API_KEY", 100);

/**
 * Price per 1M tokens; the sane range catches per-token vs per-million mix-ups: a
 * per-thousand figure is over 1000 only for cheap models, a per-token one is under
 * 0.001 for every model (0 stays allowed: free).
 */
const Price = AnyPrice.max(1000, "is over 1000 per 1M tokens: prices are per million tokens, not per token or per thousand").refine(
  (price) => price <= 0 || price >= 0.001, // a negative price has its own message
  "is under 0.001 per 1M tokens: prices are per million tokens, not per token",
);

export const Currency = z.enum(["USD", "CNY"]);

/** Cache writes priced by how long the cache entry lives. */
export const CacheWriteTiers = z
  .object({
    "5m": Price.describe("Cache entries kept 5 minutes, per 1M tokens (the price a config's single `cacheWrite` takes)."),
    "1h": Price.describe("Cache entries kept 1 hour, per 1M tokens."),
  })
  .strict()
  .describe("Cache-write prices by time to live.");

export const Cost = z
  .object({
    currency: Currency.describe("Currency of every price in this object."),
    input: Price.describe("Input tokens that miss the context cache, per 1M tokens."),
    output: Price.describe("Output tokens, per 1M tokens."),
    cacheRead: Price.describe("Input tokens served from the context cache, per 1M tokens."),
    cacheWrite: z
      .union([Price, CacheWriteTiers])
      .describe("Input tokens written to the context cache, per 1M tokens: one price, or one per time to live."),
  })
  .strict()
  .describe("Price per 1M tokens.");

export const Lifecycle = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("current") }).strict(),
    z
      .object({
        status: z.literal("deprecated"),
        date: IsoDate.describe("When the model stopped being offered to new users."),
        replacement: Id.describe("Id of the model (same provider) to use instead."),
      })
      .strict(),
    z
      .object({
        status: z.literal("retired"),
        date: IsoDate.describe("When the model stopped answering requests."),
        replacement: Id.describe("Id of the model (same provider) to use instead."),
      })
      .strict(),
  ])
  .describe("Whether the model can be used today; deprecated and retired models name their replacement.");

const Headers = headers(SafeText);

/** A provider's `reasoning_effort` values, lowest first. */
export const Effort = z.enum(["low", "medium", "high", "max"]);

export const Model = z
  .object({
    id: Id.describe("The provider's model id, as sent in API requests."),
    name: SafeText.describe("Display name."),
    alias: SafeText.describe("Short name users pick the model by (agents.defaults.models[ref].alias)."),
    reasoning: z
      .union([z.boolean(), z.literal("always")])
      .describe("Whether the model produces reasoning (thinking) output; `\"always\"` when it cannot be turned off."),
    input: z.array(Modality).min(1).describe("Input modalities the model accepts."),
    contextWindow: z.number().int().positive().describe("Context window in tokens (input and output together)."),
    maxTokens: z.number().int().positive().describe("Most output tokens one response may hold."),
    defaultMaxTokens: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Output limit the API applies when a request sets none (at most maxTokens)."),
    reasoningEffort: z
      .array(Effort)
      .min(1)
      .optional()
      .describe("The `reasoning_effort` values the model accepts; configs map the host's thinking levels onto them."),
    cost: Cost,
    releaseDate: IsoDate.optional().describe("First public release; left out where no source gives it."),
    lifecycle: Lifecycle,
    anthropicModel: SafeText.optional().describe(
      "The model name Anthropic-compatible clients (ANTHROPIC_MODEL) send, where it is not the id, e.g. `k3[1m]` for K3's 1M context.",
    ),
    hostIds: z
      .array(SafeText)
      .min(1)
      .optional()
      .describe(
        "Other model ids the host application accepts for this model and normalizes to it (legacy names such as `k2p5`); configs may name the model by them.",
      ),
    headers: Headers.optional().describe("Extra HTTP headers for this model, over the provider's."),
    compat: Compat.optional().describe("Client compatibility flags, over the provider's."),
    sources: z.array(HttpsUrl).min(1).describe("Where the facts above come from."),
    notes: z.string().max(1000).optional().describe("Why a value was chosen where sources disagree."),
  })
  .strict();

export const ApiKey = z
  .object({
    env: EnvVarName.describe("Environment variable the key is read from."),
    placeholder: SafeText.describe("What docs show instead of a real key."),
    consoleUrl: HttpsUrl.describe("Page where a key is created."),
    authEnv: z
      .enum(["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"])
      .optional()
      .describe("For Anthropic-compatible clients: the variable the key goes in (default ANTHROPIC_API_KEY)."),
  })
  .strict();

export const Endpoint = z
  .object({
    id: Id.describe("Name of the endpoint within the provider, e.g. `global`, `china`."),
    label: SafeText.describe(
      "English name shown in docs; other languages translate it as the word `endpoint.<provider>.<id>` in locales/.",
    ),
    baseUrl: HttpsUrl,
    api: Api,
    clients: z.array(SafeText).optional().describe("Clients this endpoint is meant for, e.g. Claude Code."),
    apiKey: ApiKey.partial()
      .strict()
      .optional()
      .describe("Where this endpoint's keys come from, over the provider's: a region's keys work only on that region's endpoints."),
    currency: Currency.optional().describe("Currency the endpoint bills in, when not the models' price currency."),
    headers: Headers.optional().describe("HTTP headers requests to this endpoint need."),
    refuses: z
      .object({
        status: z.number().int().min(400).max(599).describe("HTTP status of the refusal."),
        error: Id.describe("Error type in the response body."),
        note: z.string().max(500).describe("Who is refused and why."),
        sources: z.array(HttpsUrl).min(1).describe("Where the refusal is reported."),
      })
      .strict()
      .optional()
      .describe("Set when the endpoint refuses ordinary clients: docs then offer it to no client tool."),
    notes: z.string().max(1000).optional().describe("Why the endpoint is set up this way, where sources disagree or are thin."),
    sources: z.array(HttpsUrl).min(1).optional().describe("Where the facts about this endpoint come from."),
  })
  .strict();

export const Provider = z
  .object({
    id: Id.describe("Provider id: the part before `/` in a model ref."),
    aliases: ProviderAliases.optional(),
    name: SafeText.describe("Display name."),
    homepage: HttpsUrl,
    defaultEndpoint: Id.describe("Endpoint id written into config examples."),
    endpoints: z.array(Endpoint).min(1),
    apiKey: ApiKey.describe("Where keys come from, for every endpoint that does not say otherwise."),
    headers: Headers.optional().describe("HTTP headers every request to this provider needs."),
    compat: Compat.optional().describe("Client compatibility flags for every model of this provider."),
    models: z.array(Model).min(1),
  })
  .strict();

export const DocGroup = z
  .object({
    id: Id.describe("Group id; regions are named `<id>-<kind>`, e.g. `moonshot-kimi-k2-ids`."),
    provider: Id.describe("Provider whose models the group selects."),
    models: z.array(Id).min(1).describe("Model ids, in the order docs list them."),
    allowInactive: z
      .boolean()
      .optional()
      .describe("Allow deprecated and retired models (for pages that explain retirement)."),
  })
  .strict();

export const Example = z
  .object({
    file: matching(/^[\w./-]+\.json$/, "must be a relative path of a .json file", 300).describe(
      "Where the example config is written, relative to the catalog file.",
    ),
    group: Id.describe("Doc group whose models the example configures: the first is `primary`, the others `fallbacks`."),
    schema: z.string().optional().describe("`$schema` the example carries, relative to the example file; left out when editors find the schema by file name."),
  })
  .strict();

export const Catalog = z
  .object({
    $schema: z.string().optional().describe("Path of this file's JSON Schema."),
    providers: z.array(Provider).min(1),
    docGroups: z.array(DocGroup),
    examples: z.array(Example).optional().describe("Example config files generated whole from doc groups."),
  })
  .strict()
  .describe("Moonshot AI / Kimi model catalog: the single source of truth for docs and schemas.");

export type CatalogInput = z.input<typeof Catalog>;
export type CatalogData = z.output<typeof Catalog>;
export type ProviderData = z.output<typeof Provider>;
export type ModelData = z.output<typeof Model>;
export type DocGroupData = z.output<typeof DocGroup>;
export type LifecycleData = z.output<typeof Lifecycle>;
export type EndpointData = z.output<typeof Endpoint>;
export type CostData = z.output<typeof Cost>;
export type EffortData = z.output<typeof Effort>;
