// The zod schema of a user's config file, for the parts this tool owns:
// `env`, `agents.defaults.model(s)` and `models`. The root, `agents` and
// `agents.defaults` stay open because real config files carry other settings;
// everything inside the owned parts is strict so typos are caught.
import { z } from "zod";

/** Marks a string node whose values the editor should complete with catalog refs. */
export const MODEL_REF_COMPLETION = "x-model-ref-completion";

const ENV_PLACEHOLDER = String.raw`\$\{[A-Za-z_][A-Za-z0-9_]*\}`;

export const ModelRef = z
  .string()
  .regex(/^[^/\s]+\/\S+$/, { message: "must be a model ref such as `moonshot/kimi-k2.6` (provider id, `/`, model id)" })
  .meta({ description: "A model ref: provider id, `/`, model id, e.g. `moonshot/kimi-k2.6`.", [MODEL_REF_COMPLETION]: true });

const BaseUrl = z
  .string()
  // A placeholder may stand for the whole URL or start it: `${MOONSHOT_BASE_URL}/v1`.
  .regex(new RegExp(`^(?:https?://[^\\s"'<>]+|${ENV_PLACEHOLDER}[^\\s"'<>]*)$`), {
    message: "must be an http(s) URL such as `https://api.moonshot.ai/v1` or a `${ENV_VAR}` placeholder",
  })
  .describe("Base URL of the provider's API, e.g. `https://api.moonshot.ai/v1`; `${ENV_VAR}` placeholders are expanded.");

const ApiKey = z
  .string()
  .min(1)
  .describe("API key, preferably a `${ENV_VAR}` placeholder such as `${MOONSHOT_API_KEY}` rather than the key itself.");

const Api = z
  .enum(["openai-completions", "openai-responses", "anthropic-messages"])
  .describe("Wire protocol the provider speaks: `openai-completions`, `openai-responses` or `anthropic-messages`.");

const Headers = z
  .record(z.string().describe("Header name."), z.string().describe("Header value."))
  .describe("Extra HTTP headers sent with every request, e.g. the `User-Agent` Kimi Code requires.");

const Compat = z
  .object({
    supportsDeveloperRole: z
      .boolean()
      .optional()
      .describe("Whether the endpoint accepts `developer` role messages; `false` sends them as `system`."),
  })
  .strict()
  .describe("Client compatibility flags for endpoints that differ from OpenAI's behaviour.");

const Price = z.number().min(0).describe("Price per 1M tokens.");

const ModelCost = z
  .object({
    input: Price.describe("Price per 1M input tokens that miss the cache."),
    output: Price.describe("Price per 1M output tokens."),
    cacheRead: Price.describe("Price per 1M input tokens read from the cache."),
    cacheWrite: Price.describe("Price per 1M input tokens written to the cache."),
  })
  .strict()
  .describe("Price per 1M tokens, used for usage and cost reports.");

export const ProviderModel = z
  .object({
    id: z.string().min(1).describe("Model id as the provider's API expects it, e.g. `kimi-k2.6`."),
    name: z.string().min(1).describe("Display name."),
    reasoning: z.boolean().optional().describe("Whether the model produces reasoning (thinking) output."),
    thinkingLevelMap: z
      .partialRecord(z.enum(["off", "minimal", "low", "medium", "high", "xhigh", "max"]), z.string().nullable())
      .optional()
      .describe("The app's thinking levels mapped to the effort value the model accepts; null: not sent."),
    input: z
      .array(z.enum(["text", "image", "video", "audio"]).describe("An input modality."))
      .optional()
      .describe("Input modalities the model accepts."),
    cost: ModelCost.optional(),
    contextWindow: z.number().int().positive().optional().describe("Context window in tokens."),
    maxTokens: z.number().int().positive().optional().describe("Most output tokens one response may hold; at most `contextWindow`."),
    headers: Headers.optional(),
    compat: Compat.optional(),
  })
  .strict()
  .describe("A model the provider serves.")
  .superRefine((model, ctx) => {
    if (model.maxTokens !== undefined && model.contextWindow !== undefined && model.maxTokens > model.contextWindow) {
      ctx.addIssue({
        code: "custom",
        path: ["maxTokens"],
        message: `maxTokens (${model.maxTokens}) is larger than contextWindow (${model.contextWindow})`,
      });
    }
  });

export const ProviderConfig = z
  .object({
    baseUrl: BaseUrl,
    apiKey: ApiKey.optional(),
    api: Api.optional(),
    headers: Headers.optional(),
    models: z.array(ProviderModel).describe("Models this provider serves."),
  })
  .strict()
  .describe("A model provider: where to send requests and which models it serves.");

export const ModelSelection = z
  .union([
    ModelRef,
    z
      .object({
        primary: ModelRef.describe("The model ref used first, e.g. `moonshot/kimi-k2.6`."),
        fallbacks: z.array(ModelRef).optional().describe("Model refs tried in order when the primary fails."),
      })
      .strict()
      .describe("Primary model and optional fallbacks."),
  ])
  .describe("The default model: a model ref, or `{ primary, fallbacks }`.");

export const ModelsSection = z
  .object({
    mode: z
      .enum(["merge", "replace"])
      .optional()
      .describe("`merge` adds these providers to the built-in ones; `replace` uses only these."),
    providers: z.record(z.string().min(1).describe("Provider id."), ProviderConfig).optional().describe("Providers by id."),
  })
  .strict()
  .describe("Model providers and how they combine with the built-in ones.");

export const AgentDefaults = z
  .looseObject({
    model: ModelSelection.optional(),
    models: z
      .record(
        ModelRef,
        z
          .object({ alias: z.string().min(1).optional().describe("Short name to pick this model by.") })
          .strict()
          .describe("Per-model settings."),
      )
      .optional()
      .describe("Models offered to agents, by model ref, with an optional alias each."),
  })
  .describe("Defaults applied to every agent.");

export const Config = z
  .looseObject({
    $schema: z.string().optional().describe("Path or URL of the JSON Schema this file is checked against."),
    env: z
      .record(z.string().describe("Variable name."), z.string().describe("Variable value."))
      .optional()
      .describe("Environment variables made available to `${VAR}` placeholders, e.g. `MOONSHOT_API_KEY`."),
    agents: z
      .looseObject({ defaults: AgentDefaults.optional() })
      .optional()
      .describe("Agent settings."),
    models: ModelsSection.optional(),
  })
  .describe("Assistant configuration: model providers, default models and their environment.");

export type ConfigInput = z.input<typeof Config>;
