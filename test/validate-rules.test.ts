// The checks behind `validate`, one rule at a time, on config text parsed by the real parsers.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { THINKING_LEVELS } from "../schema/atoms.ts";
import { BUILT_IN_PROVIDER_IDS, ProviderModel } from "../schema/config.ts";
import { PLUGIN_PROVIDER_IDS } from "../schema/host.ts";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { objectKeysAt } from "../scripts/lib/json-schema-keys.ts";
import { configShape } from "../scripts/schema-gen/json-schema.ts";
import { checkConfigText } from "../scripts/validate/check-config.ts";
import type { Environment } from "../scripts/validate/env-placeholders.ts";

const catalog = loadCatalog(join(import.meta.dirname, "../schema/catalog.jsonc"));

function check(config: unknown, environment?: Environment, file = "config.json") {
  return checkConfigText(file, JSON.stringify(config, null, 2), { catalog, ...(environment ? { environment } : {}) }).map(
    (d) => ({ path: d.path, rule: d.rule, severity: d.severity, message: d.message }),
  );
}

const provider = (models: unknown[], extra: object = {}) => ({ baseUrl: "https://llm.example.com/v1", models, ...extra });
const withModels = (model: object) => ({ models: { providers: { p: provider([{ id: "m", name: "M", ...model }]) } } });

describe("unknown keys", () => {
  it.each([
    [{ models: { mdoe: "merge" } }, "models.mdoe", "mode"],
    [withModels({ cost: { input: 1, output: 1, cacheRead: 0, cacheRaed: 0, cacheWrite: 0 } }), "models.providers.p.models[0].cost.cacheRaed", "cacheRead"],
    [withModels({ compat: { supportsDevloperRole: false } }), "models.providers.p.models[0].compat.supportsDevloperRole", "supportsDeveloperRole"],
    [{ agents: { defaults: { models: { "moonshot/kimi-k3": { alais: "K3" } } } } }, 'agents.defaults.models["moonshot/kimi-k3"].alais', "alias"],
  ])("suggests the schema's own key: %#", (config, path, suggestion) => {
    const [finding] = check(config);
    expect(finding).toMatchObject({ path, rule: "config/unknown-key" });
    expect(finding?.message).toContain(`(did you mean \`${suggestion}\`?)`);
  });

  it("suggests nothing when no key is close", () => {
    expect(check({ models: { colour: "blue" } })).toEqual([
      { path: "models.colour", rule: "config/unknown-key", severity: "error", message: 'unknown key "colour": write one of `mode`, `providers`, `pricing`, `catalogRefresh`' },
    ]);
  });

  it("leaves the open parts alone: the root, agents and agents.defaults", () => {
    expect(check({ gateway: {}, agents: { list: [], defaults: { workspace: "~" } } })).toEqual([]);
  });

  it("finds the keys a path allows in the zod schema itself", () => {
    const shape = configShape();
    expect(objectKeysAt(shape, ["models", "providers", "any", "models", 3]).sort()).toEqual(Object.keys(ProviderModel.shape).sort());
    expect(objectKeysAt(shape, ["models", "providers", "moonshot", "models", 0, "thinkingLevelMap"])).toEqual([...THINKING_LEVELS]);
    expect(objectKeysAt(shape, ["agents", "defaults", "model"]).sort()).toEqual(["fallbacks", "primary"]);
    expect(objectKeysAt(shape, ["agents", "defaults", "models", "moonshot/kimi-k3"])).toEqual(["alias", "params", "agentRuntime", "codeMode", "streaming"]);
    expect(objectKeysAt(shape, ["nowhere"])).toEqual([]);
  });
});

describe("schema errors", () => {
  it("suggests the built-in provider when a provider without baseUrl has an id close to one", () => {
    const [finding] = check({ models: { providers: { moonshto: { apiKey: "${MOONSHOT_API_KEY}", models: [] } } } });
    expect(finding).toMatchObject({ path: "models.providers.moonshto.baseUrl", rule: "config/schema" });
    expect(finding?.message).toMatch(/^missing required key "baseUrl" .*if you meant the host's built-in provider `moonshot`/);
    expect(check({ models: { providers: { "my-proxy": { models: [] } } } })[0]?.message).not.toContain("built-in");
  });

  it("takes `$include` as the host does: in any object, a path or a list of paths, whose files may add what the object lacks", () => {
    const config = {
      $include: "./base.json5",
      models: {
        $include: ["./models.json5"],
        providers: { $include: "./providers.json5", custom: { $include: "./custom.json5" } },
      },
      agents: { defaults: { model: "custom/from-the-included-file", models: { "moonshot/kimi-k9": { alias: "k9" } } } },
    };
    expect(check(config)).toEqual([]);
    // What it holds is checked; the rest of the file is checked as usual.
    expect(check({ models: { $include: 3, mode: "merged" } }).map((f) => f.path)).toEqual(["models.$include", "models.mode"]);
    // Without an include that could define them, an unknown model and a provider's missing keys are still errors.
    expect(check({ gateway: { $include: "./gateway.json5" }, models: { providers: { custom: {} } }, agents: { defaults: { model: "moonshot/kimi-k9" } } }).map((f) => f.path))
      .toEqual(["models.providers.custom.baseUrl", "models.providers.custom.models", "agents.defaults.model"]);
  });

  it("takes an object that holds `$include` alone as the included file's value, which may be a list or a string (the host's src/config/includes.ts returns it as it is)", () => {
    const config = {
      agents: { defaults: { model: { primary: "moonshot/kimi-k2.6", fallbacks: { $include: "./fallbacks.json5" } } } },
      models: {
        providers: {
          moonshot: { apiKey: { $include: "./moonshot-key.json5" }, models: { $include: "./moonshot-models.json5" } },
          "kimi-local": { baseUrl: "http://localhost:8000/v1", request: { auth: { $include: "./auth.json5" } }, models: { $include: "./local-models.json5" } },
        },
      },
    };
    expect(check(config)).toEqual([]);
    // With other keys beside it the included file must hold an object, which they are merged into: the key's own type still applies.
    expect(check({ agents: { defaults: { model: { fallbacks: { $include: "./fallbacks.json5", more: "moonshot/kimi-k3" } } } } })).toEqual([
      expect.objectContaining({ path: "agents.defaults.model.fallbacks", rule: "config/schema", message: expect.stringMatching(/^must be a list/) }),
    ]);
  });

  it("warns about a misspelt section this tool checks (the host would refuse the key), and not about the host's other keys", () => {
    const config = { modles: { providers: {} }, agent: {}, gateway: {}, meta: {}, channels: {}, agents: { defaults: { modles: {}, workspace: "~/w" } } };
    expect(check(config).map((f) => [f.path, f.severity, f.message.split("?")[0]])).toEqual([
      ["modles", "warning", 'did you mean "models"'],
      ["agent", "warning", 'did you mean "agents"'],
      ["agents.defaults.modles", "warning", 'did you mean "models"'],
    ]);
  });

  it("accepts what the host takes as a model: an alias, a model id alone, a `provider/*` key", () => {
    const config = {
      agents: {
        defaults: {
          model: { primary: "opus", fallbacks: ["k3", "kimi-k3", "gpt-5"] },
          models: { "anthropic/claude-opus-4-5": { alias: "opus" }, "moonshot/kimi-k3": { alias: "k3" }, "moonshot/*": {}, "kimi/*": {}, "kimi-k3": {} },
        },
      },
    };
    expect(check(config)).toEqual([]);
  });

  it("takes codeMode on an exact provider/model entry of agents.defaults.models, and refuses it on a wildcard or bare key, as the host does (docs/gateway/config-agents/models.md; its AgentModelMapSchema)", () => {
    expect(check({ agents: { defaults: { models: { "moonshot/kimi-k2.6": { alias: "k2", codeMode: true }, "openai/gpt-5.4": { codeMode: false } } } } })).toEqual([]);
    expect(check({ agents: { defaults: { models: { "openai/*": { codeMode: true }, "kimi-k3": { codeMode: false } } } } })).toEqual([
      expect.objectContaining({ path: 'agents.defaults.models["openai/*"].codeMode', rule: "config/schema", severity: "error", message: expect.stringMatching(/exact provider\/model/) }),
      expect.objectContaining({ path: 'agents.defaults.models["kimi-k3"].codeMode', rule: "config/schema", severity: "error", message: expect.stringMatching(/exact provider\/model/) }),
    ]);
  });

  it("warns about a retired catalog model named by its id alone, naming its replacement", () => {
    expect(check({ agents: { defaults: { model: "kimi-k2-0905-preview" } } })).toEqual([
      expect.objectContaining({ path: "agents.defaults.model", rule: "config/inactive-model", severity: "warning", message: expect.stringContaining("use `moonshot/kimi-k2.6`") }),
    ]);
  });

  it("does not warn about a model id alone that one provider of the file's own serves: the host picks that provider (docs/gateway/config-agents/models.md, model.primary)", () => {
    const config = {
      agents: { defaults: { model: { primary: "kimi-k2.5", fallbacks: ["kimi-k2-thinking"] }, imageModel: "moonshot-v1-8k-vision-preview" } },
      models: {
        providers: {
          "kimi-local": provider([{ id: "kimi-k2.5", name: "K2.5 on vLLM" }, { id: "kimi-k2-thinking" }]),
          ollama: { models: [{ id: "moonshot-v1-8k-vision-preview" }] },
        },
      },
    };
    expect(check(config)).toEqual([]);
    // Served by the catalog's own provider in the file, or by no provider of the file, it is the catalog's model.
    expect(check({ agents: { defaults: { model: "kimi-k2.5" } }, models: { providers: { moonshot: { models: [{ id: "kimi-k2.5" }] } } } })).toEqual([
      expect.objectContaining({ path: "agents.defaults.model", rule: "config/inactive-model", severity: "warning" }),
    ]);
  });

  it("checks the refs of every model selection: image, PDF and image generation models, subagents, each agent of agents.list", () => {
    const config = {
      agents: {
        defaults: { imageModel: { primary: "moonshot/moonshot-v1-8k-vision-preview" }, pdfModel: "moonshot/nope", subagents: { model: "moonshot/nope2" } },
        list: [{ id: "a", model: "moonshot/kimi-k2-thinking" }, { id: "b", imageGenerationModel: { fallbacks: ["moonshot/nope3"] } }],
      },
    };
    expect(check(config).map((f) => [f.path, f.severity])).toEqual([
      ["agents.defaults.imageModel.primary", "warning"],
      ["agents.defaults.pdfModel", "error"],
      ["agents.defaults.subagents.model", "error"],
      ["agents.list[0].model", "warning"],
      ["agents.list[1].imageGenerationModel.fallbacks[0]", "error"],
    ]);
  });

  it("leaves a ref that holds a ${VAR} placeholder to the variable: the host substitutes it before it reads the ref (src/config/env-substitution.ts, run before validation)", () => {
    const config = {
      agents: {
        defaults: {
          model: { primary: "moonshot/${KIMI_MODEL}", fallbacks: ["kimi/${KIMI_CODE_MODEL}", "${FALLBACK_PROVIDER}/kimi-k2.6"] },
        },
      },
    };
    expect(check(config)).toEqual([]);
    // `$${VAR}` is the literal text `${VAR}`, which names no model; keys are not substituted (substituteAny keeps them), so a key is read as written.
    const literal = { agents: { defaults: { model: { primary: "moonshot/$${KIMI_MODEL}" }, models: { "moonshot/${KIMI_MODEL}": { alias: "kimi" } } } } };
    expect(check(literal).map((f) => [f.path, f.rule])).toEqual([
      ["agents.defaults.model.primary", "config/unknown-model"],
      ['agents.defaults.models["moonshot/${KIMI_MODEL}"]', "config/unknown-model"],
    ]);
  });

  it("names a map of entries (agents.defaults.models, env.vars) an object in its type message", () => {
    expect(check({ agents: { defaults: { models: [] } }, env: { vars: null } }).map((f) => [f.path, f.message])).toEqual([
      ["agents.defaults.models", "must be an object, not a list"],
      ["env.vars", "must be an object, not null"],
    ]);
  });

  it("reports inside the object branch of `model` when the value is an object", () => {
    expect(check({ agents: { defaults: { model: { primary: 3 } } } })).toEqual([
      expect.objectContaining({ path: "agents.defaults.model.primary", message: "must be a string, not the number 3" }),
    ]);
  });

  it("accepts maxTokens equal to contextWindow and rejects it one above", () => {
    expect(check(withModels({ contextWindow: 1000, maxTokens: 1000 }))).toEqual([]);
    expect(check(withModels({ contextWindow: 1000, maxTokens: 1001 }))).toEqual([
      expect.objectContaining({ path: "models.providers.p.models[0].maxTokens", message: "maxTokens (1001) is larger than contextWindow (1000); write at most 1000" }),
    ]);
  });

  it("accepts a ${VAR} placeholder for any string value, which the host substitutes before it validates (src/config/env-substitution.ts), and not for a number", () => {
    const config = {
      models: {
        mode: "${MODELS_MODE}",
        providers: {
          p: provider([{ id: "m", api: "${MODEL_API}", input: ["${MODALITY}"] }], {
            auth: "${AUTH_MODE}",
            apiKey: { source: "env", provider: "${SECRET_PROVIDER}", id: "MOONSHOT_API_KEY" },
          }),
        },
      },
    };
    expect(check(config)).toEqual([]);
    // Numbers are not strings the host substitutes; `$${VAR}` is the literal text.
    expect(check({ models: { mode: "$${MODELS_MODE}", providers: { p: provider([{ id: "m", contextWindow: "${CTX}" }]) } } }).map((f) => [f.path, f.message])).toEqual([
      ["models.mode", 'must be one of "merge", "replace"'],
      ["models.providers.p.models[0].contextWindow", 'must be a number, not the string "${CTX}": the host substitutes a placeholder as text, and text stays a string here, whatever the variable holds; write the value itself'],
    ]);
    expect(check({ models: { providers: { p: provider([{ id: "m", reasoning: "${REASONING}" }]) } } }).map((f) => f.message)).toEqual([
      'must be true or false, not the string "${REASONING}": the host substitutes a placeholder as text, and text stays a string here, whatever the variable holds; write the value itself',
    ]);
  });

  it("accepts ${VAR} placeholders for baseUrl and apiKey", () => {
    expect(check({ models: { providers: { p: provider([], { baseUrl: "${BASE}", apiKey: "${KEY}" }) } } })).toEqual([]);
  });

  it("refuses a baseUrl that starts with a lower-case ${name}, which the host leaves as it is (src/config/env-substitution.ts substitutes upper-case names only)", () => {
    expect(check({ models: { providers: { p: provider([], { baseUrl: "${moonshot_base_url}/v1" }) } } })).toEqual([
      expect.objectContaining({ path: "models.providers.p.baseUrl", rule: "config/schema", message: expect.stringContaining("upper-case") }),
    ]);
  });
});

describe("model refs", () => {
  const defaults = (d: object, providers: object = {}) => ({ agents: { defaults: d }, models: { providers } });

  it("accepts refs to current catalog models and to models configured in the file", () => {
    const config = defaults(
      { model: { primary: "moonshot/kimi-k3", fallbacks: ["p/m", "kimi-code/kimi-for-coding"] }, models: { "p/m": { alias: "mine" } } },
      { p: provider([{ id: "m", name: "M" }]) },
    );
    expect(check(config)).toEqual([]);
  });

  it("rejects a ref to a model the catalog provider does not serve, and warns of one the file's own provider does not list, in every place a ref is used", () => {
    // The host sends a model id its own provider does not list to that provider's baseUrl as written: valid, but maybe a typo.
    const findings = check(defaults({ model: { primary: "p/x", fallbacks: ["moonshot/y"] }, models: { "p/z": {} } }, { p: provider([{ id: "m" }]) }));
    expect(findings.map((f) => [f.path, f.rule, f.severity])).toEqual([
      ["agents.defaults.model.primary", "config/unlisted-model", "warning"],
      ["agents.defaults.model.fallbacks[0]", "config/unknown-model", "error"],
      ['agents.defaults.models["p/z"]', "config/unlisted-model", "warning"],
    ]);
    expect(check(defaults({ model: "moonshot/kimi-k3x" }))[0]?.message).toContain("did you mean `moonshot/kimi-k3`?");
  });

  it("names the right case of a model id written in another one, which the host does not find (its registry compares ids as written), also for a retired model, in every place a ref is used", () => {
    const config = {
      agents: {
        defaults: { model: { primary: "moonshot/KIMI-K2-THINKING" }, models: { "kimi/Kimi-For-Coding": {} } },
        entries: { work: { model: "Moonshot/Kimi-K3" } },
      },
    };
    const found = check(config).map((f) => ({ path: f.path, severity: f.severity, message: f.message }));
    expect(found).toEqual([
      { path: "agents.defaults.model.primary", severity: "error", message: expect.stringContaining("model ids are case-sensitive: write `moonshot/kimi-k2-thinking`") },
      { path: 'agents.defaults.models["kimi/Kimi-For-Coding"]', severity: "error", message: expect.stringContaining("model ids are case-sensitive: write `kimi/kimi-for-coding`") },
      { path: "agents.entries.work.model", severity: "error", message: expect.stringContaining("model ids are case-sensitive: write `Moonshot/kimi-k3`") },
    ]);
    // The retired one is named as such, with its replacement, so the fix is not a second round.
    expect(found[0]!.message).toMatch(/retired as of \d{4}-\d{2}-\d{2}.*`moonshot\/kimi-k2\.6`/);
  });

  it("accepts refs to providers neither the file nor the catalog knows: the host has many built in", () => {
    expect(check(defaults({ model: { primary: "ollama/llama3.3", fallbacks: ["openrouter/auto", "acme/x"] } }))).toEqual([]);
    // A built-in provider the file overrides may still serve models it does not list.
    expect(check(defaults({ model: "ollama/qwen3" }, { ollama: { models: [{ id: "llama3.3" }] } }))).toEqual([]);
  });

  it("never suggests a model under another provider's prefix", () => {
    const [finding] = check(defaults({ model: "p/kimi-k3" }, { p: provider([{ id: "kimi-k2" }]) }));
    expect(finding?.rule).toBe("config/unlisted-model");
    expect(finding?.message).toContain("did you mean `p/kimi-k2`?");
    expect(finding?.message).not.toContain("moonshot/");
    // An id the file's own provider does not list and that is near none of its ids is sent to it as written: nothing to say.
    expect(check(defaults({ model: "p/gpt-5.4" }, { p: provider([{ id: "kimi-k2" }]) }))).toEqual([]);
  });

  it("warns about a retired model even when the file configures it itself", () => {
    const config = defaults({ model: "moonshot/kimi-k2.5" }, { moonshot: provider([{ id: "kimi-k2.5", name: "Kimi K2.5" }]) });
    expect(check(config)).toEqual([
      {
        path: "agents.defaults.model",
        rule: "config/inactive-model",
        severity: "warning",
        message: '"moonshot/kimi-k2.5" (Kimi K2.5) is retired as of 2026-08-31 and no longer answers requests; use `moonshot/kimi-k2.6` (Kimi K2.6) instead',
      },
    ]);
  });

  it("reports each further use of an alias, naming the first model that has it", () => {
    const config = defaults({
      models: { "moonshot/kimi-k3": { alias: "k" }, "moonshot/kimi-k2.6": { alias: "k" }, "kimi-code/k3": { alias: "k" }, "kimi-code/kimi-for-coding": { alias: "K" } },
    });
    expect(check(config)).toEqual([
      expect.objectContaining({ path: 'agents.defaults.models["moonshot/kimi-k2.6"].alias', message: expect.stringContaining('"moonshot/kimi-k3"') }),
      expect.objectContaining({ path: 'agents.defaults.models["kimi-code/k3"].alias', rule: "config/duplicate-alias" }),
    ]);
  });

  it("still checks refs when another part of the file fails the schema", () => {
    const findings = check({ ...defaults({ model: "moonshot/kimi-k2.5" }), models: { mode: 1 } });
    expect(findings.map((f) => f.rule).sort()).toEqual(["config/inactive-model", "config/schema"]);
  });
});

describe("--env", () => {
  const config = { env: { IN_FILE: "x" }, models: { providers: { p: provider([], { apiKey: "${IN_FILE}:${IN_SHELL}:${MISSING}" }) } } };

  it("counts variables set in the environment or in the file's env section", () => {
    expect(check(config, { IN_SHELL: "1" }).map((f) => [f.severity, f.message])).toEqual([
      ["warning", 'environment variable MISSING is not set, so the host leaves "${MISSING}" as written and the feature using this value will be unavailable: export it, or define it under "env" in this file'],
    ]);
    // Empty is missing to the host, as unset is.
    expect(check(config, { IN_SHELL: "1", MISSING: "" })).toHaveLength(1);
    expect(check(config, { IN_SHELL: "1", MISSING: "x" })).toEqual([]);
  });

  it("is off unless asked for", () => {
    expect(check(config)).toEqual([]);
  });

  it("takes ${VAR:-fallback} as the host does (docs/gateway/config-secrets-env.md, Default values): it always resolves, in a baseUrl, a ref or a value with choices", () => {
    const withFallbacks = {
      agents: { defaults: { model: { primary: "moonshot/${KIMI_MODEL:-kimi-k2.6}" } } },
      models: {
        mode: "${MODELS_MODE:-merge}",
        providers: { p: provider([], { baseUrl: "${LLM_BASE_URL:-http://localhost:8000/v1}", apiKey: "${LLM_API_KEY:-}" }) },
      },
    };
    expect(check(withFallbacks, {})).toEqual([]);
    // Without a fallback, the variable must be set; `${A:-${B}}` is no fallback: only the inner `${B}` is substituted.
    const without = { models: { providers: { p: provider([], { apiKey: "${KEY:-${OTHER}}", headers: { "X-Key": "${LLM_API_KEY}" } }) } } };
    expect(check(without, {}).map((f) => [f.path, f.rule, /environment variable (\w+)/.exec(f.message)?.[1]])).toEqual([
      ["models.providers.p.apiKey", "config/unset-env", "OTHER"],
      ['models.providers.p.headers["X-Key"]', "config/unset-env", "LLM_API_KEY"],
    ]);
  });
});

describe("syntax", () => {
  it("reads JSON5 in .json5, .jsonc and .json files, and gives the position of a syntax error", () => {
    const json5 = "{ agents: { defaults: { model: 'moonshot/kimi-k3', } }, }";
    for (const file of ["a.json5", "a.jsonc", "a.json"]) expect(checkConfigText(file, json5, { catalog })).toEqual([]);
    const [error] = checkConfigText("a.jsonc", "{ agents: { defaults: [ } }", { catalog });
    expect(error).toMatchObject({ file: "a.jsonc", line: 1, column: 25, rule: "config/syntax", path: "-" });
    // An object left open is reported at the brace that opened it.
    const [unclosed] = checkConfigText("b.json5", "{\n  models: {\n", { catalog });
    expect(unclosed).toMatchObject({ line: 2, column: 11, rule: "config/syntax" });
  });

  it("names the type a key needs when JSON5's NaN or Infinity stands where no number goes", () => {
    const text = "{\n  env: { A: NaN, B: Infinity },\n  models: { mode: -Infinity, pricing: { enabled: NaN } },\n  agents: { defaults: { model: NaN } },\n}";
    expect(checkConfigText("a.json5", text, { catalog }).map((d) => [d.path, d.message])).toEqual([
      ["env.A", "must be a string, not NaN"],
      ["env.B", "must be a string, not Infinity"],
      ["models.mode", 'must be one of "merge", "replace"'],
      ["models.pricing.enabled", "must be true or false, not NaN"],
      ["agents.defaults.model", "must be a string or an object, not NaN"],
    ]);
    // Where a number goes, they are still named as numbers JSON cannot hold.
    const [window] = checkConfigText("b.json5", "{ models: { providers: { moonshot: { models: [{ id: 'm', contextWindow: Infinity }] } } } }", { catalog });
    expect(window?.message).toMatch(/too large to be a number/);
    // -Infinity (or -1e999) is no number either, on the other side of zero.
    const below = checkConfigText("c.json5", "{ models: { providers: { moonshot: { maxTokens: -Infinity, models: [{ id: 'm', cost: { input: -1e999 } }] } } } }", { catalog });
    expect(below.map((d) => [d.path, d.message])).toEqual([
      ["models.providers.moonshot.maxTokens", "is too far below zero to be a number (JSON numbers stop near -1.8e308): write the value it stands for"],
      ["models.providers.moonshot.models[0].cost.input", "is too far below zero to be a number (JSON numbers stop near -1.8e308): write the value it stands for"],
    ]);
  });

  it("shortens a huge unknown key in the message", () => {
    const key = "x".repeat(5000);
    const [finding] = check({ models: { [key]: 1 } });
    expect(finding?.message.length).toBeLessThan(150);
  });
});

describe("what the host reads as it reads it", () => {
  it("takes provider keys and ref providers in any case, trimmed, as the host normalizes them", () => {
    expect(check({ models: { providers: { OpenRouter: { apiKey: "" } } } })).toEqual([]);
    const [unknown] = check({ agents: { defaults: { model: { primary: "Moonshot/kimi-k9" } } } });
    expect(unknown).toMatchObject({ path: "agents.defaults.model.primary", rule: "config/unknown-model", severity: "error" });
  });

  it("reads a ref trimmed, with the provider before the first `/`, and calls one without a side malformed", () => {
    expect(check({ agents: { defaults: { model: { primary: " moonshot/kimi-k3 " } } } })).toEqual([]);
    const found = check({ agents: { defaults: { model: { primary: "moonshot/kimi k3", fallbacks: ["moonshot/", "/kimi-k3"] } } } });
    expect(found.map((f) => [f.path, f.rule])).toEqual([
      ["agents.defaults.model.primary", "config/unknown-model"],
      ["agents.defaults.model.fallbacks[0]", "config/malformed-ref"],
      ["agents.defaults.model.fallbacks[1]", "config/malformed-ref"],
    ]);
  });

  it("checks the refs of agents.defaults.mediaModels (image, video, music), where the host now chooses generation models (src/config/zod-schema.agent-defaults.ts)", () => {
    const config = {
      agents: {
        defaults: {
          mediaModels: {
            image: { primary: "openai/gpt-image-2", fallbacks: ["moonshot/kimi-k9"], timeoutMs: 120000 },
            video: "moonshot/kimi-k2-thinking",
            music: "google/lyria-3-pro-preview",
          },
        },
      },
    };
    expect(check(config).map((f) => [f.path, f.rule, f.severity])).toEqual([
      ["agents.defaults.mediaModels.image.fallbacks[0]", "config/unknown-model", "error"],
      ["agents.defaults.mediaModels.video", "config/inactive-model", "warning"],
    ]);
    expect(check({ agents: { defaults: { mediaModels: { imgae: "openai/gpt-image-2" } } } })).toEqual([
      expect.objectContaining({ path: "agents.defaults.mediaModels.imgae", rule: "config/unknown-key", message: expect.stringContaining("`image`") }),
    ]);
  });

  it("checks refs wherever the host's agents choose a model, and takes timeoutMs and agentRuntime where the host does", () => {
    const agent = {
      utilityModel: "moonshot/kimi-k7",
      imageModel: { primary: "moonshot/kimi-k3", timeoutMs: 60000 },
      heartbeat: { model: "kimi/k99" },
      models: { "moonshot/kimi-k5": { agentRuntime: { id: "codex" } } },
    };
    const found = check({ agents: { defaults: agent, list: [{ id: "a", ...agent }] }, env: { shellEnv: { enabeld: true } } });
    expect(found.map((f) => `${f.path} ${f.rule}`).sort()).toEqual([
      'agents.defaults.models["moonshot/kimi-k5"] config/unknown-model',
      "agents.defaults.heartbeat.model config/unknown-model",
      "agents.defaults.utilityModel config/unknown-model",
      'agents.list[0].models["moonshot/kimi-k5"] config/unknown-model',
      "agents.list[0].heartbeat.model config/unknown-model",
      "agents.list[0].utilityModel config/unknown-model",
      "env.shellEnv.enabeld config/unknown-key",
    ].sort());
  });
});

describe("provider ids the host knows", () => {
  it("draw no did-you-mean, however near another they are (xai and zai, edenai and openai, gmi and kie)", () => {
    const ids = [...BUILT_IN_PROVIDER_IDS, ...PLUGIN_PROVIDER_IDS];
    const findings = check({ agents: { defaults: { model: { primary: "moonshot/kimi-k2.6", fallbacks: ids.map((id) => `${id}/some-model`) } } } });
    expect(findings.filter((f) => f.rule === "config/unknown-provider")).toEqual([]);
    // A near miss of one is still told.
    expect(check({ agents: { defaults: { model: "edenaj/openai/gpt-5.5" } } })).toEqual([
      expect.objectContaining({ rule: "config/unknown-provider", message: expect.stringContaining("did you mean `edenai/openai/gpt-5.5`?") }),
    ]);
  });
});
