// Facts about the host application's config as plain values, for code that needs
// them without building any zod schema (schema/atoms.ts builds the schemas from them).

/** Wire protocols the host application speaks (its `MODEL_APIS`). */
export const API_VALUES = [
  "openai-completions",
  "openai-responses",
  "openai-chatgpt-responses",
  "anthropic-messages",
  "google-generative-ai",
  "google-vertex",
  "github-copilot",
  "bedrock-converse-stream",
  "ollama",
  "azure-openai-responses",
  "pi-messages",
] as const;

/** Api ids the host no longer accepts, with what to write instead. */
export const RETIRED_API_VALUES: Readonly<Record<string, (typeof API_VALUES)[number]>> = {
  "openai-codex-responses": "openai-chatgpt-responses",
  // The host's Doctor rewrites it (docs/gateway/doctor/config-migrations.md); current releases refuse it.
  openai: "openai-completions",
};

/** Input modalities a model may accept. */
export const MODALITY_VALUES = ["text", "image", "video", "audio"] as const;

/** The host application's thinking levels, lowest first. */
export const THINKING_LEVELS = ["off", "minimal", "low", "medium", "high", "xhigh", "max"] as const;

// ---- Model refs and provider ids ----------------------------------------------

/**
 * `provider/model`, read as the host reads it (`parseProviderModelRef`): the value and each side
 * trimmed, the provider before the first `/`, the model id after it (it may hold further `/`).
 * Undefined when either side is empty, as for a value without a provider.
 */
export function splitModelRef(ref: string): { provider: string; model: string } | undefined {
  const trimmed = ref.trim();
  const slash = trimmed.indexOf("/");
  if (slash <= 0 || slash >= trimmed.length - 1) return undefined;
  const provider = trimmed.slice(0, slash).trim();
  const model = trimmed.slice(slash + 1).trim();
  return provider && model ? { provider, model } : undefined;
}

/**
 * Provider ids (and their aliases) of the host's bundled provider plugins that are not among its built-in overlay ids
 * (`BUILT_IN_PROVIDER_IDS` in schema/config.ts): a ref may name them, though an entry under `models.providers` for
 * them still needs `baseUrl` and `models`. Each is named here so that it is never taken for a misspelling of another.
 */
export const PLUGIN_PROVIDER_IDS = [
  // openclaw/openclaw docs/providers/edenai.md: "Provider id `edenai`", "Aliases `eden`, `eden-ai`, `eden_ai`".
  "edenai", "eden", "eden-ai", "eden_ai",
  // openclaw/openclaw extensions/baseten/openclaw.plugin.json: "providers": ["baseten"].
  "baseten",
  // openclaw/openclaw extensions/amazon-nova/openclaw.plugin.json: "providers": ["amazon-nova"].
  "amazon-nova",
  // openclaw/openclaw extensions/alibaba/openclaw.plugin.json: setup.providers[].id "alibaba".
  "alibaba",
] as const;

/** A provider id as the host compares them (`normalizeProviderId`): trimmed, in lower case. */
export function normalizeProviderId(id: string): string {
  return id.trim().toLowerCase();
}

/** Every id a provider answers to: its id first, then its aliases. */
export function providerIds(provider: { id: string; aliases?: readonly string[] | undefined }): string[] {
  return [provider.id, ...(provider.aliases ?? [])];
}

// ---- ${VAR} placeholders -----------------------------------------------------

/**
 * A variable the host substitutes in string values (src/config/env-substitution.ts): upper-case names only,
 * `${lower}` stays as it is.
 */
export const ENV_NAME = "[A-Z_][A-Z0-9_]*";

/**
 * The fallback of `${NAME:-fallback}`, used when the variable is unset or empty (docs/gateway/config-secrets-env.md,
 * "Default values"): literal text without `$`, `{` or `}`; `${A:-${B}}` is no fallback.
 */
export const ENV_FALLBACK = String.raw`:-[^$\{\}]*`;

/** `${NAME}` or `${NAME:-fallback}`, as a regular expression source. */
export const ENV_PLACEHOLDER = String.raw`\$\{${ENV_NAME}(?:${ENV_FALLBACK})?\}`;

/** The key by which any object of the host's config names files to merge into it before validation. */
export const INCLUDE_KEY = "$include";
