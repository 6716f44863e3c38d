// Random valid catalogs: every display string is hostile text the catalog
// accepts, ids are at the edges of what the id pattern allows, and every doc
// group is consistent, so parseCatalog succeeds and renderers face the worst.
import fc from "fast-check";
import type { CatalogInput } from "../../schema/catalog.ts";
import { displayText } from "./hostile-text.ts";

type ModelInput = CatalogInput["providers"][number]["models"][number];
type ProviderInput = CatalogInput["providers"][number];

export const idText = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,11}$/),
  fc.constantFrom("k", "0", "a.b", "a_b", "a-b", "kimi-k2.6", "x--y", "9-", "z".repeat(64)),
);

/** Prices per 1M tokens the catalog accepts: 0 (free), or 0.001 to 1000. */
const price = fc.oneof(fc.constantFrom(0, 0.001, 0.1, 0.15, 1, 2.5, 1000), fc.double({ min: 0.001, max: 1000, noNaN: true }));
const tokens = fc.oneof(fc.constantFrom(1, 8192, 32768, 262144, 1048576), fc.integer({ min: 1, max: 2 ** 31 }));
const modalities = fc.subarray(["text", "image", "video", "audio"] as const, { minLength: 1 }).map((m) => [...m]);
const headerName = fc.constantFrom("User-Agent", "X-Client", "anthropic-version", "X-A1");
const headers = fc.dictionary(headerName, displayText, { minKeys: 1, maxKeys: 2 });

function modelArbitrary(id: string, alias: string) {
  return fc
    .record({
      name: displayText,
      reasoning: fc.boolean(),
      input: modalities,
      contextWindow: tokens,
      maxTokenShare: fc.double({ min: 0, max: 1, noNaN: true }),
      cost: fc.record({ input: price, output: price, cacheRead: price, cacheWrite: price }),
      headers: fc.option(headers, { nil: undefined }),
      compat: fc.option(fc.record({ supportsDeveloperRole: fc.boolean() }), { nil: undefined }),
    })
    .map(({ maxTokenShare, cost, headers: h, compat, ...rest }): ModelInput => ({
      id,
      alias,
      ...rest,
      maxTokens: Math.max(1, Math.floor(rest.contextWindow * maxTokenShare)),
      cost: { currency: "USD", ...cost },
      lifecycle: { status: "current" },
      sources: ["https://example.com/models"],
      ...(h ? { headers: h } : {}),
      ...(compat ? { compat } : {}),
    }));
}

function providerArbitrary(id: string, aliases: readonly string[]) {
  return fc
    .record({
      name: displayText,
      ids: fc.uniqueArray(idText, { minLength: aliases.length, maxLength: aliases.length }),
      headers: fc.option(headers, { nil: undefined }),
      retire: fc.array(fc.boolean(), { minLength: aliases.length, maxLength: aliases.length }),
    })
    .chain(({ name, ids, headers: h, retire }) =>
      fc.tuple(...ids.map((modelId, i) => modelArbitrary(modelId, aliases[i]!))).map((models): ProviderInput => {
        // Retired models name the first model, which stays current.
        models.forEach((model, i) => {
          if (i > 0 && retire[i]) model.lifecycle = { status: "retired", date: "2026-01-01", replacement: models[0]!.id };
        });
        return {
          id,
          name,
          homepage: "https://example.com",
          defaultEndpoint: "main",
          endpoints: [{ id: "main", label: "Main", baseUrl: "https://example.com/v1", api: "openai-completions" }],
          apiKey: { env: "EXAMPLE_API_KEY", placeholder: "sk-...", consoleUrl: "https://example.com/keys" },
          ...(h ? { headers: h } : {}),
          models,
        };
      }),
    );
}

/** One doc group per provider, listing some of its models in a random order. */
function groupsFor(providers: readonly ProviderInput[]) {
  return fc.tuple(
    ...providers.map((provider, p) =>
      fc
        .shuffledSubarray(provider.models.map((m) => m.id), { minLength: 1 })
        .map((models) => ({
          id: `g${p}-${provider.id}`.slice(0, 64),
          provider: provider.id,
          models,
          allowInactive: true,
        })),
    ),
  );
}

export interface CatalogShape {
  maxProviders?: number;
  maxModels?: number;
}

/** A random valid catalog, as the input object written to a catalog file. */
export function catalogArbitrary({ maxProviders = 2, maxModels = 4 }: CatalogShape = {}): fc.Arbitrary<CatalogInput> {
  return fc
    .record({
      providerIds: fc.uniqueArray(idText, { minLength: 1, maxLength: maxProviders }),
      modelsPerProvider: fc.array(fc.integer({ min: 1, max: maxModels }), { minLength: maxProviders, maxLength: maxProviders }),
    })
    .chain(({ providerIds, modelsPerProvider }) => {
      const total = providerIds.reduce((n, _, p) => n + modelsPerProvider[p]!, 0);
      // An alias holds no `/` and is not id-shaped: the catalog refuses one a config would read as a ref or as another model's id.
      const aliasText = displayText.filter((text) => !text.includes("/") && !/^[a-z0-9][a-z0-9._-]*$/.test(text));
      return fc.uniqueArray(aliasText, { minLength: total, maxLength: total }).chain((aliases) => {
        let next = 0;
        const providers = providerIds.map((id, p) => {
          const mine = aliases.slice(next, next + modelsPerProvider[p]!);
          next += mine.length;
          return providerArbitrary(id, mine);
        });
        return fc.tuple(...providers);
      });
    })
    .chain((providers) => groupsFor(providers).map((docGroups): CatalogInput => ({ providers, docGroups })));
}

/** The catalog as a file's text, JSON being a subset of the JSONC the loader reads. */
export function catalogText(catalog: CatalogInput): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
