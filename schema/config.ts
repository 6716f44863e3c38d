// The zod schema of the host application's (OpenClaw's) config file, for the parts
// this tool owns: `env`, `agents.defaults.model(s)` and `models`. It follows the
// host's own schema (src/config/zod-schema.core.ts; see README, "Which host config
// the schema follows"). The root, `agents` and `agents.defaults` stay open because
// real config files carry many other settings; everything inside the owned parts is
// strict, so a typo'd key is an error with a did-you-mean.
import { z } from "zod";
import { ENV_PLACEHOLDER, normalizeProviderId, splitModelRef } from "./host.ts";
import {
  Api,
  Compat,
  headers,
  matching,
  Modality,
  Price,
  retired,
  ThinkingLevelMap,
} from "./atoms.ts";

/** Marks a string node whose values the editor should complete with catalog refs. */
export const MODEL_REF_COMPLETION = "x-model-ref-completion";


// The host takes any string here: `provider/model`, or without the provider an alias
// (from `agents.defaults.models`) or a model id it looks up among the providers.
export const ModelRef = z.string().meta({
  description: "A model ref: provider id, `/`, model id, e.g. `moonshot/kimi-k2.6`; or an alias set under `agents.defaults.models`.",
  [MODEL_REF_COMPLETION]: true,
});

const BaseUrl = matching(
  // A placeholder may stand for the whole URL or start it: `${MOONSHOT_BASE_URL}/v1`. Schemes are
  // case-insensitive (`HTTPS://`); JSON Schema patterns take no flags, hence the classes.
  new RegExp(`^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\\s"'<>]+|${ENV_PLACEHOLDER}[^\\s"'<>]*)$`),
  "must be an http(s) URL such as `https://api.moonshot.ai/v1` or start with a `${ENV_VAR}` placeholder (an upper-case name: the host substitutes no other)",
).describe("Base URL of the provider's API, e.g. `https://api.moonshot.ai/v1`; `${ENV_VAR}` placeholders are expanded.");

// ---- Secret references ----------------------------------------------------------

const SecretProviderName = matching(/^[a-z][a-z0-9_-]{0,63}$/, "must be a secret provider name such as `default`").describe(
  "Name of the secret provider under `secrets.providers`, e.g. `default`.",
);
const VariableLikeId = matching(/^[A-Z][A-Z0-9_]{0,127}$/, "must be a variable name such as `MOONSHOT_API_KEY`");

function secretRef<S extends string>(source: S, id: z.ZodType, description: string) {
  return z.object({ source: z.literal(source), provider: SecretProviderName, id }).strict().describe(description);
}

export const SecretRef = z
  .discriminatedUnion("source", [
    secretRef("env", VariableLikeId.describe("Environment variable name."), "A secret read from an environment variable."),
    secretRef(
      "file",
      matching(/^(?:value|(?:\/(?:[^~/]|~[01])*)+)$/, "must be an absolute JSON pointer such as `/providers/moonshot/apiKey`, or `value`").describe(
        "JSON pointer into the secret file, or `value` for a single-value file.",
      ),
      "A secret read from a file.",
    ),
    secretRef(
      "exec",
      matching(
        /^(?!(?:[^/]*\/)*\.{1,2}(?:\/|$))[A-Za-z0-9][A-Za-z0-9._:/#-]{0,255}$/,
        "must be an id such as `moonshot/api-key` (letters, digits, `._:/#-`, no `.` or `..` segments)",
      ).describe("Id passed to the secret command."),
      "A secret printed by a command.",
    ),
    secretRef("store", VariableLikeId.describe("Name of the stored secret."), "A secret from the host's secret store."),
  ])
  .describe("A secret reference: `{ source: \"env\" | \"file\" | \"exec\" | \"store\", provider, id }`.");

/**
 * A secret written inline (preferably a `${ENV_VAR}` placeholder) or a secret reference. The host takes
 * any string, the empty one included (local servers such as LM Studio need no key).
 */
const SecretInput = z
  .union([z.string(), SecretRef])
  .describe("A secret: a string (preferably a `${ENV_VAR}` placeholder such as `${MOONSHOT_API_KEY}`) or a secret reference.")
  .meta({ id: "SecretInput" });

// ---- Models ----------------------------------------------------------------------

const Tokens = z.number().int().positive();

const TieredPrice = z
  .object({
    input: Price.describe("Price per 1M input tokens in this tier."),
    output: Price.describe("Price per 1M output tokens in this tier."),
    cacheRead: Price.describe("Price per 1M cache-read tokens in this tier."),
    cacheWrite: Price.describe("Price per 1M cache-write tokens in this tier."),
    range: z
      .union([z.tuple([z.number().min(0)]), z.tuple([z.number().min(0), z.number().min(0)])])
      .describe("Prompt sizes the tier covers, in tokens: `[from]` or `[from, to]`."),
  })
  .strict()
  .describe("Prices that apply to prompts in a range of sizes.");

const ModelCost = z
  .object({
    input: Price.optional().describe("Price per 1M input tokens that miss the cache."),
    output: Price.optional().describe("Price per 1M output tokens."),
    cacheRead: Price.optional().describe("Price per 1M input tokens read from the cache."),
    cacheWrite: Price.optional().describe("Price per 1M input tokens written to the cache."),
    tieredPricing: z.array(TieredPrice).optional().describe("Prices by prompt size, for models priced in tiers."),
  })
  .strict()
  .describe("Price per 1M tokens, used for usage and cost reports; give the prices you know.");

const Params = z
  .record(z.string(), z.unknown())
  .describe("Provider-specific request parameters passed through as they are, e.g. `{ \"temperature\": 0.6 }`.");

const AgentRuntime = z
  .object({ id: z.string().optional().describe("Agent runtime id, e.g. `openclaw` or `codex`.") })
  .strict()
  .describe("Which agent runtime runs this provider's or model's turns.");

const MediaInput = z
  .object({
    image: z
      .object({
        maxBytes: Tokens.optional().describe("Largest image, in bytes."),
        maxPixels: Tokens.optional().describe("Most pixels per image."),
        maxSidePx: Tokens.optional().describe("Longest side, in pixels."),
        preferredSidePx: Tokens.optional().describe("Side length images are scaled to, in pixels."),
        tokenMode: z.enum(["tile", "detail", "provider"]).optional().describe("How image tokens are counted."),
      })
      .strict()
      .optional()
      .describe("Limits for images."),
  })
  .strict()
  .describe("Limits for media the model receives.");

/** maxTokens must fit in contextWindow (a rule JSON Schema cannot state; `validate` checks it). */
function maxTokensWithinWindow(value: { contextWindow?: number | undefined; maxTokens?: number | undefined }, ctx: z.RefinementCtx): void {
  if (value.maxTokens !== undefined && value.contextWindow !== undefined && value.maxTokens > value.contextWindow) {
    ctx.addIssue({
      code: "custom",
      path: ["maxTokens"],
      message: `maxTokens (${value.maxTokens}) is larger than contextWindow (${value.contextWindow}); write at most ${value.contextWindow}`,
    });
  }
}

export const ProviderModel = z
  .object({
    id: z.string().min(1).describe("Model id as the provider's API expects it, e.g. `kimi-k2.6`."),
    name: z.string().min(1).optional().describe("Display name."),
    api: Api.optional(),
    baseUrl: BaseUrl.optional().describe("Base URL for this model, over the provider's."),
    reasoning: z.boolean().optional().describe("Whether the model produces reasoning (thinking) output."),
    input: z.array(Modality).optional().describe("Input modalities the model accepts: `text`, `image`, `video`, `audio`."),
    cost: ModelCost.optional(),
    contextWindow: Tokens.optional().describe("Context window in tokens."),
    contextTokens: Tokens.optional().describe("Tokens of context the host uses at run time, at most the context window."),
    maxTokens: Tokens.optional().describe("Most output tokens one response may hold; at most `contextWindow`."),
    thinkingLevelMap: ThinkingLevelMap.optional(),
    params: Params.optional(),
    agentRuntime: AgentRuntime.optional(),
    headers: headers(z.string()).optional().describe("Extra HTTP headers for this model, over the provider's."),
    compat: Compat.optional(),
    mediaInput: MediaInput.optional(),
    metadataSource: z.literal("models-add").optional().describe("Set by `openclaw models add`."),
  })
  .strict()
  .describe("A model the provider serves.")
  .superRefine(maxTokensWithinWindow)
  .meta({ id: "ProviderModel" });

const Tls = z
  .object({
    ca: SecretInput.optional().describe("CA certificate (PEM)."),
    cert: SecretInput.optional().describe("Client certificate (PEM)."),
    key: SecretInput.optional().describe("Client key (PEM)."),
    passphrase: SecretInput.optional().describe("Passphrase of the client key."),
    serverName: z.string().optional().describe("Server name to verify (SNI)."),
    insecureSkipVerify: z.boolean().optional().describe("Skip certificate verification (testing only)."),
  })
  .strict()
  .describe("TLS settings for requests to this provider.")
  .meta({ id: "Tls" });

const RequestAuth = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("provider-default") }).strict(),
    z.object({ mode: z.literal("authorization-bearer"), token: SecretInput }).strict(),
    z
      .object({ mode: z.literal("header"), headerName: z.string().min(1), value: SecretInput, prefix: z.string().optional() })
      .strict(),
  ])
  .describe("How requests authenticate: `provider-default`, `authorization-bearer` or a custom `header`.");

const RequestProxy = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("env-proxy"), tls: Tls.optional() }).strict(),
    z.object({ mode: z.literal("explicit-proxy"), url: z.string().min(1), tls: Tls.optional() }).strict(),
  ])
  .describe("HTTP proxy for requests to this provider.");

const Request = z
  .object({
    headers: headers(SecretInput).optional().describe("Extra HTTP headers; values may be secret references."),
    auth: RequestAuth.optional(),
    proxy: RequestProxy.optional(),
    tls: Tls.optional().describe("TLS settings for requests to this provider (the schema of `request.tls`)."),
    allowPrivateNetwork: z.boolean().optional().describe("Allow requests to private, loopback and link-local addresses."),
  })
  .strict()
  .describe("Transport settings for requests to this provider.");

const providerFields = {
  apiKey: SecretInput.optional().describe(
    "API key: a `${ENV_VAR}` placeholder such as `${MOONSHOT_API_KEY}`, the key itself, or a secret reference.",
  ),
  auth: z.enum(["api-key", "aws-sdk", "oauth", "token"]).optional().describe("How the provider authenticates."),
  authHeader: z.boolean().optional().describe("Send the API key in the `Authorization` header."),
  api: Api.optional(),
  // Not marked retired: the host's Doctor page lists a migration to per-model values, but its provider schema and its
  // provider docs (model-providers.md, in every language) still take and teach them, so a warning would be a false alarm.
  contextWindow: Tokens.optional().describe("Default context window of this provider's models, in tokens."),
  contextTokens: Tokens.optional().describe("Default run-time context of this provider's models, in tokens."),
  maxTokens: Tokens.optional().describe("Default output token limit of this provider's models."),
  timeoutSeconds: Tokens.optional().describe("Request timeout in seconds, for slow or remote models."),
  region: z.string().min(1).optional().describe("Provider region, e.g. for Bedrock."),
  injectNumCtxForOpenAICompat: z.boolean().optional().describe("Send Ollama's `num_ctx` on OpenAI-compatible requests."),
  sanitizeToolCallIds: z
    .boolean()
    .optional()
    .describe("Rewrite every tool call id to an OpenAI-style `call_*` id (strict sanitization), on an OpenAI-compatible custom provider."),
  params: Params.optional(),
  agentRuntime: AgentRuntime.optional(),
  localService: z
    .object({
      command: z.string().min(1).describe("Command that starts the server."),
      args: z.array(z.string()).optional().describe("Arguments of the command."),
      cwd: z.string().min(1).optional().describe("Working directory of the command."),
      env: z.record(z.string(), z.string()).optional().describe("Environment variables of the command."),
      healthUrl: z.string().min(1).optional().describe("URL that answers once the server is ready."),
      readyTimeoutMs: Tokens.optional().describe("How long the server may take to get ready, in milliseconds."),
      idleStopMs: z.number().int().min(0).optional().describe("Stop the server after this long without requests, in milliseconds."),
    })
    .strict()
    .optional()
    .describe("A local server the host starts on demand for this provider."),
  headers: headers(SecretInput)
    .optional()
    .describe("Extra HTTP headers sent with every request, e.g. the `User-Agent` Kimi Code requires; values may be secret references."),
  request: Request.optional(),
} as const;

const ProviderModels = z.array(ProviderModel).describe("Models this provider serves.");

/** A provider of the file's own: where to send requests and which models it serves. */
export const ProviderConfig = z
  .object({ baseUrl: BaseUrl, ...providerFields, models: ProviderModels })
  .strict()
  .describe("A model provider: where to send requests and which models it serves.")
  .superRefine(maxTokensWithinWindow);

/** A built-in provider of the host, overridden in part: nothing is required. */
const BuiltInProviderOverride = z
  .object({ baseUrl: BaseUrl.or(z.literal("")).optional().describe("Base URL of the provider's API, over the built-in one."), ...providerFields, models: ProviderModels.optional() })
  .strict()
  .describe("A provider built into the host application; set only what you override.")
  .superRefine(maxTokensWithinWindow)
  // One named definition in the JSON Schema instead of a copy under every built-in id.
  .meta({ id: "BuiltInProviderOverride" });

/**
 * Providers the host has built in (its `BUILT_IN_MODEL_PROVIDER_OVERLAY_IDS`, plus the
 * `kimi-code` alias of `kimi`): entries under these ids may leave out `baseUrl` and `models`.
 */
export const BUILT_IN_PROVIDER_IDS = [
  "amazon-bedrock", "amazon-bedrock-mantle", "anthropic", "anthropic-vertex", "arcee", "azure-openai-responses",
  "byteplus", "byteplus-plan", "cerebras", "chutes", "claude-cli", "clawrouter", "cloudflare-ai-gateway", "codex",
  "comfy", "copilot-proxy", "dashscope", "deepinfra", "deepseek", "fal", "fireworks", "flexai", "github-copilot", "gmi",
  "gmi-cloud", "gmicloud", "google", "google-antigravity", "google-gemini-cli", "google-vertex", "groq", "huggingface",
  "kie", "kilocode", "kimi", "kimi-code", "kimi-coding", "litellm", "lmstudio", "meta", "microsoft-foundry", "minimax",
  "minimax-portal", "mistral", "modelstudio", "moonshot", "moonshot-ai", "moonshotai", "nvidia", "novita", "novita-ai",
  "novitaai", "ollama", "ollama-cloud", "openai", "opencode", "opencode-go", "openrouter", "qianfan", "qwen",
  "qwen-token-plan", "qwencloud", "runway", "sglang", "stepfun", "stepfun-plan", "synthetic", "tencent-tokenhub",
  "tencent-tokenplan", "together", "venice", "vercel-ai-gateway", "vllm", "volcengine", "volcengine-plan", "vydra",
  "x-ai", "xai", "xiaomi", "xiaomi-token-plan", "z.ai", "z-ai", "zai",
] as const;

const BUILT_IN = new Set<string>(BUILT_IN_PROVIDER_IDS);

/** Whether the host reads this provider key as one of its built-in providers: it compares ids trimmed and in lower case. */
export function isBuiltInProviderId(id: string): boolean {
  return BUILT_IN.has(normalizeProviderId(id));
}

const Providers = z
  .object(
    Object.fromEntries(
      BUILT_IN_PROVIDER_IDS.map((id) => [
        id,
        BuiltInProviderOverride.optional().describe(`The host's built-in \`${id}\` provider: set only what you override.`),
      ]),
    ),
  )
  .catchall(ProviderConfig)
  .describe("Providers by id. Built-in providers need only what you override; other providers need `baseUrl` and `models`.");

export const ModelSelection = z
  .union([
    ModelRef,
    z
      .object({
        primary: ModelRef.optional().describe("The model ref used first, e.g. `moonshot/kimi-k2.6`."),
        fallbacks: z.array(ModelRef).optional().describe("Model refs tried in order when the primary fails."),
      })
      .strict()
      .describe("Primary model and optional fallbacks."),
  ])
  .describe("The default model: a model ref, or `{ primary, fallbacks }`.");

/** A model for one capability (images, PDF files, …): as a model selection, plus the request timeout (the host's `AgentToolModelSchema`). */
export const ToolModelSelection = z.union([
  ModelRef,
  z
    .object({
      primary: ModelRef.optional().describe("The model ref used first."),
      fallbacks: z.array(ModelRef).optional().describe("Model refs tried in order when the primary fails."),
      timeoutMs: Tokens.optional().describe("Request timeout in milliseconds, for capabilities that support one."),
    })
    .strict()
    .describe("Primary model, optional fallbacks and request timeout."),
]);

export const ModelsSection = z
  .object({
    mode: z
      .enum(["merge", "replace"])
      .optional()
      .describe("`merge` adds these providers to the built-in ones; `replace` uses only these."),
    providers: Providers.optional(),
    pricing: z
      .object({ enabled: z.boolean().optional().describe("Fetch model prices for cost reports.") })
      .strict()
      .optional()
      .describe("Model price lookups."),
    catalogRefresh: z
      .object({
        enabled: z.boolean().optional().describe("Refresh the model catalog from the network."),
        url: z.string().optional().describe("Where the catalog is fetched from (https, or http on localhost)."),
      })
      .strict()
      .optional()
      .describe("Model catalog refreshes."),
  })
  .strict()
  .describe("Model providers and how they combine with the built-in ones.");

export const ModelSettings = z
  .object({
    alias: z.string().optional().describe("Short name to pick this model by."),
    params: Params.optional(),
    agentRuntime: AgentRuntime.optional(),
    codeMode: z
      .boolean()
      .optional()
      .describe("Turn Code Mode on or off for this model, over `tools.codeMode`; only on an exact `provider/model` entry."),
    streaming: z.boolean().optional().describe("Stream this model's responses."),
  })
  .strict()
  .describe("Per-model settings.");

/**
 * Models by ref, with their settings. As in the host (its `AgentModelMapSchema`), `codeMode` belongs to one exact
 * `provider/model` entry: not to a `provider/*` key nor to a model id without its provider.
 */
const ModelSettingsByRef = z.record(ModelRef, ModelSettings).superRefine((models, ctx) => {
  for (const [ref, settings] of Object.entries(models)) {
    if (settings.codeMode === undefined || (!ref.includes("*") && splitModelRef(ref))) continue;
    ctx.addIssue({
      code: "custom",
      path: [ref, "codeMode"],
      message: "Code Mode needs an exact provider/model entry, not a wildcard or a model id alone: move codeMode to the `provider/model` key it is meant for",
    });
  }
}).meta({ id: "ModelSettingsByRef" });

/**
 * The settings of a background task that name the model they run on (the host's `HeartbeatSchema` and the `compaction`
 * settings): the model is a ref, the other settings are the host's business.
 */
const TaskModel = (description: string) =>
  z.looseObject({ model: ModelRef.optional().describe("The model ref this task runs on.") }).optional().describe(description);

/** Sub-agents' settings: the model they run on is a model selection (the host's `AgentModelSchema`), the others are the host's business. */
const SubagentSettings = z
  .looseObject({ model: ModelSelection.optional().describe("The model sub-agents run on: a model ref, or `{ primary, fallbacks }`.") })
  .optional()
  .describe("Settings of the sub-agents an agent starts.");

const agentModelFields = {
  model: ModelSelection.optional(),
  utilityModel: ModelRef.optional().describe("The model for small background tasks, such as titles and summaries."),
  heartbeat: TaskModel("Periodic check-ins."),
  subagents: SubagentSettings,
  models: ModelSettingsByRef
    .optional()
    .describe("Models offered to agents, by model ref (`provider/*` offers all of a provider's), with an optional alias and settings each."),
} as const;

/**
 * One agent's own settings (the host's `AgentEntrySchema`, src/config/zod-schema.agent-runtime.ts): its model choices
 * take refs as `agents.defaults` does; its other settings (workspace, tools, sandbox, ...) are the host's business.
 */
const AgentEntry = z
  .looseObject(agentModelFields)
  .describe("One agent's own settings, over `agents.defaults`.")
  // One definition for `entries` and `list` alike: inlined twice, the schema editors load would be a third larger.
  .meta({ id: "AgentEntry" });

export const AgentDefaults = z
  .looseObject({
    ...agentModelFields,
    compaction: TaskModel("Compaction of long conversations."),
    imageModel: ToolModelSelection.optional().describe("The model for images, when the default model takes none: a model ref, or `{ primary, fallbacks, timeoutMs }`."),
    // Not marked retired, though `mediaModels` is their newer place: the host still takes them, and its provider docs
    // (deepinfra.md and others) still write `agents.defaults.imageGenerationModel`.
    imageGenerationModel: ToolModelSelection.optional().describe("The model that generates images: a model ref, or `{ primary, fallbacks, timeoutMs }` (also `mediaModels.image`)."),
    videoGenerationModel: ToolModelSelection.optional().describe("The model that generates videos: a model ref, or `{ primary, fallbacks, timeoutMs }` (also `mediaModels.video`)."),
    musicGenerationModel: ToolModelSelection.optional().describe("The model that generates music: a model ref, or `{ primary, fallbacks, timeoutMs }` (also `mediaModels.music`)."),
    voiceModel: ToolModelSelection.optional().describe("The model for voice: a model ref, or `{ primary, fallbacks, timeoutMs }`."),
    pdfModel: ToolModelSelection.optional().describe("The model that reads PDF files: a model ref, or `{ primary, fallbacks, timeoutMs }`."),
    mediaModels: z
      .object({
        image: ToolModelSelection.optional().describe("The model that generates images: a model ref, or `{ primary, fallbacks, timeoutMs }`."),
        video: ToolModelSelection.optional().describe("The model that generates videos: a model ref, or `{ primary, fallbacks, timeoutMs }`."),
        music: ToolModelSelection.optional().describe("The model that generates music: a model ref, or `{ primary, fallbacks, timeoutMs }`."),
      })
      .strict()
      .optional()
      .describe("The models that generate media, by kind (the host's newer place for `imageGenerationModel` and the like)."),
  })
  .describe("Defaults applied to every agent.");

const EnvValue = z.string().describe("Variable value.");

export const Env = z
  .object({
    vars: z.record(z.string(), EnvValue).optional().describe("Environment variables, e.g. `MOONSHOT_API_KEY`."),
    shellEnv: z
      .object({
        enabled: z.boolean().optional().describe("Import variables from the login shell."),
        timeoutMs: z.number().int().min(0).optional().describe("How long the shell may take, in milliseconds."),
      })
      .strict()
      .optional()
      .describe("Importing variables from the login shell."),
  })
  .catchall(EnvValue)
  .describe("Environment variables made available to `${VAR}` placeholders, directly or under `vars`.");

export const Config = z
  .looseObject({
    $schema: z.string().optional().describe("Path or URL of the JSON Schema this file is checked against."),
    env: Env.optional(),
    agents: z
      .looseObject({
        defaults: AgentDefaults.optional(),
        entries: z.record(z.string(), AgentEntry).optional().describe("Each agent's own settings, by agent id."),
        list: z.array(AgentEntry).optional().describe("Each agent's own settings, as a list (the host's older form of `entries`)."),
      })
      .optional()
      .describe("Agent settings."),
    models: ModelsSection.optional(),
  })
  .describe("OpenClaw configuration: model providers, default models and their environment.");

export type ConfigInput = z.input<typeof Config>;
