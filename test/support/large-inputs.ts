// Inputs far larger than any real one, for checks that size never crashes
// the tool and that its work grows in proportion to the input.
import type { CatalogInput } from "../../schema/catalog.ts";

type ModelInput = CatalogInput["providers"][number]["models"][number];

/** A valid catalog of `count` models in one provider and one group listing all of them; every other model is retired in favour of the last. */
export function manyModelCatalog(count: number): CatalogInput {
  const models: ModelInput[] = Array.from({ length: count }, (_, i) => ({
    id: `m-${i}`,
    name: `Model ${i}`,
    alias: `Model ${i} alias`,
    reasoning: i % 3 === 0,
    input: ["text"],
    contextWindow: 131072,
    maxTokens: 8192,
    cost: { currency: "USD", input: 1, output: 2, cacheRead: 0.1, cacheWrite: 0 },
    // The replacement is the last model, so a lookup that scans the list pays for every model.
    lifecycle:
      i % 2 === 1 && i !== count - 1
        ? { status: "retired", date: "2026-01-01", replacement: `m-${count - 1}` }
        : { status: "current" },
    sources: ["https://example.com/models"],
  }));
  return {
    providers: [
      {
        id: "bulk",
        name: "Bulk",
        homepage: "https://example.com",
        defaultEndpoint: "main",
        endpoints: [{ id: "main", label: "Main", baseUrl: "https://example.com/v1", api: "openai-completions" }],
        apiKey: { env: "BULK_API_KEY", placeholder: "sk-...", consoleUrl: "https://example.com/keys" },
        models,
      },
    ],
    docGroups: [{ id: "bulk-all", provider: "bulk", allowInactive: true, models: models.map((m) => m.id) }],
  };
}

/** CPU time of `work`, the least of `repeat` runs, which is the figure least disturbed by other processes. */
export async function leastCpuMs(work: () => unknown, repeat = 3): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}

/**
 * Wraps every object reachable from `value` in a proxy that counts property reads,
 * so the work an algorithm does on its input can be measured without a clock.
 */
export function countingReads<T extends object>(value: T): { value: T; reads: () => number } {
  let reads = 0;
  const seen = new WeakMap<object, object>();
  const wrap = (target: unknown): unknown => {
    if (target === null || typeof target !== "object") return target;
    const known = seen.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get(obj, key, receiver) {
        reads += 1;
        return wrap(Reflect.get(obj, key, receiver));
      },
    });
    seen.set(target, proxy);
    return proxy;
  };
  return { value: wrap(value) as T, reads: () => reads };
}
