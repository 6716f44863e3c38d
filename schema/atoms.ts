// Schema pieces shared by the catalog (schema/catalog.ts), the user's config file
// (schema/config.ts) and the model-ref rules of `validate`: each fact about the
// host application's config is written once, here or, as a plain value, in host.ts.
import { z } from "zod";
import { API_VALUES, MODALITY_VALUES, RETIRED_API_VALUES, THINKING_LEVELS } from "./host.ts";

export {
  API_VALUES,
  MODALITY_VALUES,
  providerIds,
  RETIRED_API_VALUES,
  splitModelRef,
  THINKING_LEVELS,
} from "./host.ts";

/**
 * A string that must match `pattern`. The message is what `validate` says; the same
 * text reaches editors as `patternErrorMessage` (VS Code shows it instead of the regex).
 */
export function matching(pattern: RegExp, message: string, maxLength?: number) {
  // Over-long text is reported as such, and not matched against the pattern as well.
  const string = maxLength === undefined ? z.string() : z.string().max(maxLength, { message: `must be at most ${maxLength} characters`, abort: true });
  return string
    .regex(pattern, { message })
    .meta({ patternErrorMessage: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` });
}

export const Api = z
  .enum(API_VALUES, {
    error: (issue) => {
      const instead = typeof issue.input === "string" ? RETIRED_API_VALUES[issue.input] : undefined;
      return instead ? `"${String(issue.input)}" is a removed api id; write "${instead}"` : undefined;
    },
  })
  .describe("Wire protocol the endpoint speaks, e.g. `openai-completions` or `anthropic-messages`.");

export const Modality = z.enum(MODALITY_VALUES).describe("An input modality.");

/** HTTP header names are RFC 9110 tokens. */
export const HeaderName = matching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "must be an HTTP header name such as `User-Agent`", 100);

/** Header name -> value; the value schema differs (display-safe text in the catalog, secrets in a config). */
export function headers<V extends z.ZodType>(value: V) {
  return z.record(HeaderName, value);
}

/** Price per 1M tokens. */
export const Price = z.number().min(0, "must not be negative (prices are per 1M tokens)");

const LatencyCutoffs = z
  .object({ p50: z.number().optional(), p75: z.number().optional(), p90: z.number().optional(), p99: z.number().optional() })
  .strict()
  .describe("Cut-offs by percentile.");

/** OpenRouter's provider routing preferences, as the host passes them on. */
const OpenRouterRouting = z
  .object({
    allow_fallbacks: z.boolean().optional(),
    require_parameters: z.boolean().optional(),
    data_collection: z.enum(["deny", "allow"]).optional(),
    zdr: z.boolean().optional(),
    enforce_distillable_text: z.boolean().optional(),
    order: z.array(z.string()).optional(),
    only: z.array(z.string()).optional(),
    ignore: z.array(z.string()).optional(),
    quantizations: z.array(z.string()).optional(),
    sort: z.union([z.string(), z.object({ by: z.string().optional(), partition: z.string().nullable().optional() }).strict()]).optional(),
    max_price: z
      .object(Object.fromEntries(["prompt", "completion", "image", "audio", "request"].map((k) => [k, z.union([z.number(), z.string()]).optional()])))
      .strict()
      .optional(),
    preferred_min_throughput: z.union([z.number(), LatencyCutoffs]).optional(),
    preferred_max_latency: z.union([z.number(), LatencyCutoffs]).optional(),
  })
  .strict()
  .describe("OpenRouter provider routing, used when the base URL points to OpenRouter.");

/**
 * A key the host's current releases no longer take, which older ones did: still valid, and marked with what to write
 * instead (`deprecationMessage`, which editors show as a warning and scripts/validate/retired-keys.ts reports).
 */
export function retired<T extends z.ZodType>(schema: T, description: string, instead: string): T {
  return schema.meta({ description, deprecationMessage: instead });
}

const REMOVED_COMPAT = "Current host releases no longer take this compat flag (their ModelCompatSchema lists it no more) and refuse the file: remove it.";

/** The host's client compatibility flags (its `ModelCompatSchema`). */
export const Compat = z
  .object({
    supportsStore: z.boolean().optional().describe("Whether the endpoint accepts the Responses/Completions `store` flag."),
    supportsPromptCacheKey: z.boolean().optional().describe("Whether the endpoint accepts `prompt_cache_key`."),
    supportsResponsesContinuation: z
      .boolean()
      .optional()
      .describe("Opt this model into stored HTTP continuation of Responses requests, on an endpoint verified to support it."),
    appendOnlyRuntimeContext: z
      .boolean()
      .optional()
      .describe("`openai-completions` only: keep earlier runtime-context messages in replayed history, so each request extends the previous one (for prefix caches that need byte-identical requests)."),
    supportsDeveloperRole: z
      .boolean()
      .optional()
      .describe("Whether the endpoint accepts `developer` role messages; `false` sends them as `system`."),
    supportsReasoningEffort: z.boolean().optional().describe("Whether the endpoint accepts `reasoning_effort`."),
    supportsTemperature: z.boolean().optional().describe("Whether the endpoint accepts `temperature`."),
    supportsUsageInStreaming: z.boolean().optional().describe("Whether streamed responses report token usage."),
    supportsTools: z.boolean().optional().describe("Whether the model supports tool (function) calling."),
    supportsStrictMode: z.boolean().optional().describe("Whether tool definitions may carry `strict`."),
    requiresStringContent: z.boolean().optional().describe("Whether message content must be a plain string."),
    strictMessageKeys: z.boolean().optional().describe("Whether unknown message keys must be stripped before a request."),
    visibleReasoningDetailTypes: z
      .array(z.string().min(1))
      .optional()
      .describe("Reasoning detail block types safe to show in transcripts."),
    supportedReasoningEfforts: z.array(z.string().min(1)).optional().describe("Reasoning effort values the endpoint accepts."),
    reasoningEffortMap: z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .describe("Reasoning effort to send for each effort level, e.g. `{ \"off\": \"low\" }`."),
    maxTokensField: z
      .enum(["max_completion_tokens", "max_tokens"])
      .optional()
      .describe("Request field that carries the output token limit."),
    thinkingFormat: z
      .enum(["openai", "deepseek", "openrouter", "together", "zai", "qwen", "qwen-chat-template"])
      .optional()
      .describe("Dialect of the reasoning (thinking) request fields."),
    requiresToolResultName: z.boolean().optional().describe("Whether tool results need the `name` field."),
    requiresAssistantAfterToolResult: z
      .boolean()
      .optional()
      .describe("Whether a user message after tool results needs an assistant message in between."),
    requiresThinkingAsText: z.boolean().optional().describe("Whether earlier reasoning must be replayed as text."),
    requiresReasoningContentOnAssistantMessages: z
      .boolean()
      .optional()
      .describe("Whether assistant messages must carry `reasoning_content` back."),
    toolSchemaProfile: z.string().optional().describe("Tool JSON Schema dialect, e.g. `xai`."),
    unsupportedToolSchemaKeywords: z
      .array(z.string().min(1))
      .optional()
      .describe("JSON Schema keywords removed from tool definitions."),
    nativeWebSearchTool: retired(z.boolean().optional(), "Whether the provider's own web search tool is used (older host releases).", REMOVED_COMPAT),
    toolCallArgumentsEncoding: z.string().optional().describe("Encoding of tool call arguments, e.g. `html-entities`."),
    requiresMistralToolIds: retired(z.boolean().optional(), "Whether tool call ids must follow Mistral's format (older host releases).", REMOVED_COMPAT),
    requiresOpenAiAnthropicToolPayload: z
      .boolean()
      .optional()
      .describe("Whether tool payloads use the OpenAI-compatible Anthropic shape."),
    supportsInstructions: z.boolean().optional().describe("Whether the endpoint honours top-level `instructions`."),
    codeMode: z.enum(["preferred", "capable"]).optional().describe("How well the model suits code mode (`tools.codeMode.enabled: \"auto\"`)."),
    supportsJsonSchemaResponseFormat: z
      .boolean()
      .optional()
      .describe("Whether the endpoint accepts a JSON Schema in `response_format`."),
    openRouterRouting: OpenRouterRouting.optional(),
    vercelGatewayRouting: z
      .object({
        only: z.array(z.string()).optional().describe("Providers the gateway may use."),
        order: z.array(z.string()).optional().describe("Providers in the order the gateway tries them."),
      })
      .strict()
      .optional()
      .describe("Vercel AI Gateway routing, used when the base URL points to it."),
    zaiToolStream: z.boolean().optional().describe("Whether z.ai streams tool call deltas (`tool_stream: true`)."),
    cacheControlFormat: z.literal("anthropic").optional().describe("Prompt-cache markers in Anthropic's `cache_control` style."),
    sendSessionAffinityHeaders: z
      .boolean()
      .optional()
      .describe("Whether session-affinity headers (`session_id`, `x-client-request-id`, `x-session-affinity`) are sent."),
    sendSessionIdHeader: z.boolean().optional().describe("Whether the OpenAI `session_id` cache-affinity header is sent."),
    supportsEagerToolInputStreaming: z
      .boolean()
      .optional()
      .describe("Whether tools may carry Anthropic's `eager_input_streaming`."),
    supportsLongCacheRetention: z
      .boolean()
      .optional()
      .describe("Whether the endpoint keeps prompt caches longer (`prompt_cache_retention: \"24h\"` or a 1-hour `cache_control.ttl`)."),
    dropCumulativeTextDeltaReplays: z
      .boolean()
      .optional()
      .describe("Drop streamed text deltas that repeat all the text so far instead of adding to it (endpoints that replay the whole message)."),
  })
  .strict()
  .describe("Client compatibility flags for endpoints that differ from OpenAI's behaviour.");

const effortFor = (level: string) =>
  z
    .string()
    .nullable()
    .optional()
    .describe(`Effort value sent to the provider at thinking level \`${level}\`; null when the model cannot think at this level.`);

export const ThinkingLevelMap = z
  .object(Object.fromEntries(THINKING_LEVELS.map((level) => [level, effortFor(level)])) as Record<
    (typeof THINKING_LEVELS)[number],
    ReturnType<typeof effortFor>
  >)
  .strict()
  .describe(`Provider effort value for each thinking level (${THINKING_LEVELS.join(", ")}); null where unsupported.`);

// ---- Model refs and provider ids ----------------------------------------------

/** Model and provider ids of the catalog: what appears in refs such as `moonshot/kimi-k2.6`. */
export const Id = matching(
  /^[a-z0-9][a-z0-9._-]{0,63}$/,
  "must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit",
);

/** Other ids the host knows a provider by (e.g. `kimi-code` for `kimi`); refs may use any of them. */
export const ProviderAliases = z
  .array(Id)
  .min(1)
  .describe("Other provider ids the host application accepts for this provider, e.g. `kimi-code` for `kimi`.");
