// The generated JSON Schema (what editors enforce) and the zod schema (what
// `validate` enforces) must accept and reject the same configs, except for the
// refinements listed below, which JSON Schema cannot express. Checked with ajv
// (draft-07 + ajv-formats) on every fixture and example and on generated configs.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import JSON5 from "json5";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { Config } from "../schema/config.ts";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { allModels } from "../scripts/catalog/model.ts";
import { JsonSyntaxError, parseJsonSource } from "../scripts/lib/json-source.ts";
import { parseIssues } from "../scripts/lib/zod-issues.ts";
import { parseConfigSource } from "../scripts/validate/check-config.ts";
import { runs, timeoutFor } from "./support/fc.ts";

const ROOT = join(import.meta.dirname, "..");

/**
 * Rules zod checks that the JSON Schema cannot carry: a config breaking only these
 * is rejected by zod and accepted by editors. `validate` reports them.
 */
const REFINEMENTS_JSON_SCHEMA_CANNOT_EXPRESS = [
  {
    rule: "maxTokens ≤ contextWindow of the same model",
    matches: (issue: z.core.$ZodIssue) => issue.code === "custom" && issue.path.at(-1) === "maxTokens",
  },
  {
    rule: "codeMode only on an exact provider/model key of agents.defaults.models",
    matches: (issue: z.core.$ZodIssue) => issue.code === "custom" && issue.path.at(-1) === "codeMode",
  },
];

// Keywords VS Code reads from a schema; ajv knows them as annotations, nothing more.
const EDITOR_KEYWORDS = [
  "markdownDescription",
  "allowComments",
  "allowTrailingCommas",
  "patternErrorMessage",
  "errorMessage",
  "enumDetails",
  "enumDescriptions",
  "markdownEnumDescriptions",
  "completionDetail",
  "defaultSnippets",
  "doNotSuggest",
  "deprecationMessage",
];

// Union types (`"type": ["number", "string"]`) are standard JSON Schema; ajv's strict mode only asks that they be allowed.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addVocabulary(EDITOR_KEYWORDS);
const schema = JSON.parse(readFileSync(join(ROOT, "schema/config.schema.json"), "utf8"));
const ajvAccepts = ajv.compile(schema);

interface Verdict {
  ajv: boolean;
  zod: boolean;
  /** zod's verdict when the documented refinements are left out: what ajv must agree with. */
  zodWithoutRefinements: boolean;
  refinementOnly: boolean;
  issueCodes: string[];
}

function judge(value: unknown): Verdict {
  // As `validate` parses: `__proto__` keys are checked like any other key.
  const issues = parseIssues(Config, value);
  const unexplained = issues.filter((issue) => !REFINEMENTS_JSON_SCHEMA_CANNOT_EXPRESS.some((r) => r.matches(issue)));
  return {
    ajv: ajvAccepts(value),
    zod: issues.length === 0,
    zodWithoutRefinements: unexplained.length === 0,
    refinementOnly: issues.length > 0 && unexplained.length === 0,
    issueCodes: issues.map((i) => i.code),
  };
}

function disagreement(value: unknown, verdict: Verdict): string {
  const zodIssues = parseIssues(Config, value);
  return JSON.stringify({ value, ajv: verdict.ajv, ajvErrors: ajvAccepts.errors, zodIssues }, null, 2);
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.json[c5]?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

describe("JSON Schema and zod agree on the fixtures and examples", () => {
  const files = [...filesUnder("test/fixtures/configs"), ...filesUnder("examples")];
  const unparsable = [
    "test/fixtures/configs/invalid/missing-comma.json",
    "test/fixtures/configs/invalid/truncated.json5",
    "test/fixtures/configs/mistakes/missing-comma.jsonc",
  ];

  /** Files whose one mistake is a rule about the catalog's models, which the JSON Schema states and the zod schema cannot. */
  const catalogRuleOnly = ["test/fixtures/configs/mistakes/model-id-case.json"];

  it("has fixtures to compare", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(ROOT, file), "utf8");
      if (unparsable.includes(file)) {
        expect(() => parseConfigSource(file, text)).toThrow(JsonSyntaxError);
        return;
      }
      const { value } = parseConfigSource(file, text);
      const verdict = judge(value);
      if (catalogRuleOnly.includes(file)) {
        // The JSON Schema is built with the catalog, the zod schema without: a rule about the catalog's models is the JSON Schema's alone.
        expect(verdict).toMatchObject({ ajv: false, zod: true });
        return;
      }
      expect(verdict.ajv, disagreement(value, verdict)).toBe(verdict.zodWithoutRefinements);
    });
  }

  it("the refinement fixture is one that only zod rejects", () => {
    const { value } = parseConfigSource("refs.json5", readFileSync(join(ROOT, "test/fixtures/configs/invalid/refs.json5"), "utf8"));
    const withoutRefs = { ...(value as object), agents: undefined };
    expect(judge(JSON5.parse(JSON5.stringify(withoutRefs)))).toMatchObject({ ajv: true, zod: false, refinementOnly: true });
  });
});

// ---- Generated configs -------------------------------------------------------
// Mostly well-formed, with a small chance of a mistake at every field, so that
// about half the configs are valid and the rest fail for many different reasons.

const catalogRefs = allModels(loadCatalog(join(ROOT, "schema/catalog.jsonc"))).map((m) => m.ref);

/** The good arbitrary most of the time, a bad one now and then. */
function mostly<T, B>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<B>, badWeight = 1): fc.Arbitrary<T | B> {
  return fc.oneof({ arbitrary: good, weight: 10 }, { arbitrary: bad, weight: badWeight });
}

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(1.5, -0, Infinity, -Infinity, NaN),
  fc.string({ maxLength: 5 }),
  fc.constant([]),
  fc.constant({}),
);

/** An object whose keys are each present or absent, with now and then a key the schema does not know. */
function someKeys(fields: Record<string, fc.Arbitrary<unknown>>, required: string[], unknownKeys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, arb]) =>
    (required.includes(key) ? mostly(fc.constant(true), fc.constant(false)) : fc.boolean()).chain((present) =>
      present ? arb.map((v) => [key, v] as const) : fc.constant(undefined),
    ),
  );
  const extra = mostly(fc.constant(undefined), fc.tuple(fc.constantFrom(...unknownKeys), wrongType));
  return fc.tuple(fc.tuple(...entries), extra).map(([present, unknown]) =>
    Object.fromEntries([...present, unknown].filter((e): e is readonly [string, unknown] => e !== undefined)),
  );
}

const word = fc.stringMatching(/^[a-z][a-z0-9.-]{0,11}$/);
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,11}$/);
const text = mostly(fc.string({ minLength: 1, maxLength: 12 }), fc.constant(""));

const ref = mostly(
  fc.oneof(fc.constantFrom(...catalogRefs), fc.tuple(word, word).map(([p, m]) => `${p}/${m}`)),
  fc.constantFrom("kimi-k2.6", "moonshot/", "/kimi", "moonshot/kimi k2", "", "moonshot / kimi"),
);

const baseUrl = mostly(
  fc.oneof(
    fc.constantFrom("https://api.moonshot.ai/v1", "https://api.moonshot.cn/v1", "http://localhost:8080/v1", "https://api.kimi.com/coding/"),
    envName.map((n) => `\${${n}}`),
    word.map((w) => `https://${w}.example.com/\${${w.toUpperCase().replace(/[^A-Z0-9]/g, "_")}}`),
  ),
  fc.oneof(fc.constantFrom("api.moonshot.ai/v1", "ftp://x.example", "https://a b", "${lower-case}", "${MOONSHOT}/v1", "https://x/\"q\""), wrongType),
  3,
);

const price = mostly(fc.double({ min: 0, max: 100, noNaN: true }), fc.oneof(fc.constantFrom(-1, -0.01), wrongType));
const tokens = mostly(fc.integer({ min: 1, max: 2_000_000 }), fc.oneof(fc.constantFrom(0, -5, 1.5, 2 ** 53, "big"), wrongType));

const providerModel = fc
  .tuple(
    someKeys(
      {
        id: mostly(word, fc.oneof(fc.constant(""), wrongType)),
        name: mostly(text, wrongType),
        reasoning: mostly(fc.boolean(), wrongType),
        input: mostly(fc.array(fc.constantFrom("text", "image", "video", "audio"), { maxLength: 4 }), fc.oneof(fc.constant(["pdf"]), wrongType)),
        cost: mostly(someKeys({ input: price, output: price, cacheRead: price, cacheWrite: price }, ["input", "output", "cacheRead", "cacheWrite"], ["cacheRaed", "currency"]), wrongType),
        contextWindow: tokens,
        headers: mostly(fc.dictionary(word, fc.string({ maxLength: 8 }), { maxKeys: 2 }), fc.constant({ "User-Agent": 1 })),
        compat: mostly(someKeys({ supportsDeveloperRole: mostly(fc.boolean(), wrongType), maxTokensField: mostly(fc.constantFrom("max_tokens", "max_completion_tokens"), fc.constant("maxTokens")) }, [], ["supportsDevloperRole"]), wrongType),
        thinkingLevelMap: mostly(
          fc.dictionary(fc.constantFrom("off", "minimal", "low", "medium", "high", "xhigh", "max"), fc.option(fc.constantFrom("low", "high"), { nil: null }), { maxKeys: 3 }),
          fc.oneof(fc.constant({ ultra: "max" }), fc.constant({ low: 1 }), wrongType),
        ),
      },
      ["id", "name"],
      ["contextWindo", "max_tokens"],
    ),
    // maxTokens usually within the window, sometimes above it: the refinement JSON Schema cannot state.
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.double({ min: 0.01, max: 1, noNaN: true }), weight: 4 }, { arbitrary: fc.double({ min: 1.01, max: 4, noNaN: true }), weight: 3 }, { arbitrary: tokens, weight: 1 }),
  )
  .map(([model, max]) => {
    if (max === undefined) return model;
    const window = typeof model.contextWindow === "number" && Number.isSafeInteger(model.contextWindow) && model.contextWindow > 0 ? model.contextWindow : 131072;
    return { ...model, maxTokens: typeof max === "number" && max <= 4 && max > 0 ? Math.max(1, Math.round(window * max)) : max };
  });

const provider = someKeys(
  {
    baseUrl,
    apiKey: mostly(
      fc.oneof(
        fc.constant("${MOONSHOT_API_KEY}"),
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.constantFrom(
          { source: "env", provider: "default", id: "MOONSHOT_API_KEY" },
          { source: "file", provider: "keys", id: "/providers/moonshot/apiKey" },
          { source: "exec", provider: "vault", id: "llm/moonshot" },
          { source: "store", provider: "default", id: "KIMI_API_KEY" },
        ),
      ),
      fc.oneof(
        fc.constant(""),
        fc.constantFrom(
          { source: "vault", provider: "default", id: "X" },
          { source: "env", provider: "Default", id: "X" },
          { source: "env", provider: "default", id: "lower" },
          { source: "file", provider: "keys", id: "relative/path" },
          { source: "env", provider: "default" },
        ),
        wrongType,
      ),
    ),
    timeoutSeconds: mostly(fc.integer({ min: 1, max: 600 }), fc.constantFrom(0, 2.5, "60")),
    api: mostly(fc.constantFrom("openai-completions", "openai-responses", "anthropic-messages"), fc.constantFrom("openai-chat", "anthropic")),
    headers: mostly(fc.dictionary(word, fc.string({ maxLength: 8 }), { maxKeys: 2 }), wrongType),
    models: mostly(fc.array(providerModel, { maxLength: 3 }), wrongType),
  },
  ["baseUrl", "models"],
  ["baseURL", "region"],
);

const modelSelection = fc.oneof(
  ref,
  someKeys({ primary: ref, fallbacks: mostly(fc.array(ref, { maxLength: 3 }), wrongType) }, ["primary"], ["fallbakcs"]),
);

const agentDefaults = someKeys(
  {
    model: mostly(modelSelection, wrongType),
    models: mostly(
      fc.dictionary(ref.filter((r): r is string => typeof r === "string"), someKeys({ alias: text }, [], ["alais"]), { maxKeys: 3 }),
      wrongType,
    ),
    // Keys the host program has and this schema leaves open.
    workspace: fc.string({ maxLength: 6 }),
  },
  [],
  ["anything"],
);

const configArbitrary = mostly(
  someKeys(
    {
      $schema: mostly(fc.constant("./schema/config.schema.json"), wrongType),
      env: mostly(fc.dictionary(envName, fc.string({ maxLength: 8 }), { maxKeys: 3 }), fc.oneof(fc.constant({ KEY: 1 }), wrongType)),
      agents: mostly(someKeys({ defaults: mostly(agentDefaults, wrongType) }, [], ["list"]), wrongType),
      models: mostly(
        someKeys(
          {
            mode: mostly(fc.constantFrom("merge", "replace"), fc.constantFrom("merged", "Merge")),
            // Built-in ids (which need neither baseUrl nor models) as well as the file's own.
            providers: mostly(fc.dictionary(mostly(fc.oneof(word, fc.constantFrom("moonshot", "kimi", "kimi-code", "ollama")), fc.constant("")), provider, { maxKeys: 2 }), wrongType),
          },
          [],
          ["mdoe", "provider"],
        ),
        wrongType,
      ),
      gateway: fc.jsonValue({ maxDepth: 2 }),
    },
    [],
    ["whatever"],
  ),
  fc.oneof(fc.constant([]), fc.constant("{}"), fc.constant(null)),
).map(
  // What validate sees: the config as written to a JSON5 file and read back by the real parser.
  (config) => parseJsonSource(JSON5.stringify(config), "json5").value,
);

describe("JSON Schema and zod agree on generated configs", () => {
  const settings = runs<[unknown]>(1000);

  it(
    `agree on ${settings.numRuns} configs, valid and invalid in meaningful proportion`,
    () => {
      const tally = { cases: 0, bothValid: 0, bothInvalid: 0, refinementOnly: 0, refinementHit: 0 };
      const codes = new Set<string>();
      fc.assert(
        fc.property(configArbitrary, (config) => {
          const verdict = judge(config);
          if (verdict.ajv !== verdict.zodWithoutRefinements) throw new Error(`ajv and zod disagree:\n${disagreement(config, verdict)}`);
          tally.cases += 1;
          if (verdict.issueCodes.includes("custom")) tally.refinementHit += 1;
          if (verdict.refinementOnly) tally.refinementOnly += 1;
          else if (verdict.zod) tally.bothValid += 1;
          else tally.bothInvalid += 1;
          verdict.issueCodes.forEach((c) => codes.add(c));
        }),
        settings,
      );

      const share = (n: number) => `${((100 * n) / tally.cases).toFixed(1)}%`;
      console.info(
        `schema agreement: ${tally.cases} generated configs (seed ${settings.seed}): ` +
          `${tally.bothValid} valid (${share(tally.bothValid)}), ${tally.bothInvalid} invalid (${share(tally.bothInvalid)}), ` +
          `${tally.refinementOnly} rejected only by a documented refinement (${share(tally.refinementOnly)}; ` +
          `${tally.refinementHit} break one among other problems); ` +
          `zod issue kinds seen: ${[...codes].sort().join(", ")}`,
      );
      expect(tally.cases).toBe(settings.numRuns);
      expect(tally.bothValid / tally.cases).toBeGreaterThan(0.25);
      expect(tally.bothInvalid / tally.cases).toBeGreaterThan(0.25);
      expect(tally.refinementOnly).toBeGreaterThan(0);
      // (No record of the config constrains its keys any more: model refs may be aliases, as the host allows.)
      for (const code of ["invalid_type", "invalid_value", "invalid_format", "unrecognized_keys", "too_small", "invalid_union", "custom"]) {
        expect(codes, `no generated config failed with ${code}`).toContain(code);
      }
    },
    timeoutFor(1000, 5),
  );
});

describe("the documented refinements are the only difference", () => {
  it("maxTokens above contextWindow: editors accept it, zod rejects it, and nothing else differs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 2_000_000 }), (contextWindow, maxTokens) => {
        const model = { id: "m", name: "M", contextWindow, maxTokens };
        const verdict = judge({ models: { providers: { p: { baseUrl: "https://llm.example.com/v1", models: [model] } } } });
        expect(verdict.ajv).toBe(true);
        expect(verdict.zod).toBe(maxTokens <= contextWindow);
        expect(verdict.refinementOnly).toBe(maxTokens > contextWindow);
      }),
      runs(1000),
    );
  });
});
