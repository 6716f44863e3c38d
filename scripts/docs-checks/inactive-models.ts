// Docs list only models that can be used today. A deprecated or retired model
// may be named only on a page that explains retirement, i.e. a page holding a
// region of a doc group with `allowInactive`.
//
// What counts as naming a catalog model, so that pages about other providers are
// never flagged:
//   - its ref with one of the catalog's provider ids or aliases, in any case as the host reads them (`moonshot/kimi-k2.5`, `Moonshot/kimi-k2.5`),
//     standing alone: not inside a longer ref such as `nvidia/moonshotai/kimi-k2.5`;
//   - its bare id (`kimi-k2.5`) only on a page holding a region of one of that
//     provider's doc groups, never as a part of another ref
//     (`ollama-cloud/kimi-k2.5:cloud`), and never in a config example's model entry
//     of a provider that is not the catalog's (`"kimi-proxy": { models: [{ id: "kimi-k2.5" }] }`).
import { allModels, type Catalog, type ProviderData } from "../catalog/model.ts";
import { isFuture } from "../lib/dates.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { codeBlocksOf } from "./mdx-compiles.ts";
import { isInside, otherProvidersModelStrings } from "./other-providers-models.ts";
import type { DocRule } from "./rule.ts";
import { positionFinder } from "./text-position.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Characters that continue a ref or id on either side: a match next to one is part of something longer. */
const BEFORE = "(?<![A-Za-z0-9_./:@-])";
const AFTER = "(?![A-Za-z0-9_-]|[.:/@][A-Za-z0-9])";

/** A provider's id and the aliases refs may use instead. */
export function providerNames(provider: ProviderData): string[] {
  return [provider.id, ...(provider.aliases ?? [])];
}

function alternation(names: Iterable<string>, pattern: (name: string) => string = escapeRegExp): string {
  return [...new Set(names)].sort((a, b) => b.length - a.length).map(pattern).join("|");
}

/** A ref's pattern: its provider in any case (the host compares provider ids in lower case), its model id as written. */
function refPatternOf(ref: string): string {
  const slash = ref.indexOf("/");
  const provider = [...ref.slice(0, slash)].map((c) => (c.toLowerCase() === c.toUpperCase() ? escapeRegExp(c) : `[${c.toLowerCase()}${c.toUpperCase()}]`)).join("");
  return `${provider}${escapeRegExp(ref.slice(slash))}`;
}

/** The key a ref found in a doc has in `byRef`: its provider in lower case. */
function refKey(ref: string): string {
  const slash = ref.indexOf("/");
  return `${ref.slice(0, slash).toLowerCase()}${ref.slice(slash)}`;
}

export const inactiveModelRule: DocRule = {
  id: "inactive-model",
  description: "names no deprecated or retired catalog model, except on a page that explains retirement",
  defaults: { severity: "warn", scope: "pages-with-regions" },
  create(catalog: Catalog) {
    const inactive = allModels(catalog).filter((e) => e.model.lifecycle.status !== "current");
    if (inactive.length === 0) return { mayFind: () => false, check: () => [] };
    const groupsAllowing = new Set(catalog.groups.filter((g) => g.allowInactive).map((g) => g.id));
    const providerOfGroup = new Map(catalog.groups.map((g) => [g.id, g.provider.id]));

    const byRef = new Map<string, (typeof inactive)[number]>();
    for (const entry of inactive) for (const name of providerNames(entry.provider)) byRef.set(refKey(`${name}/${entry.model.id}`), entry);
    const refPattern = new RegExp(`${BEFORE}(${alternation(byRef.keys(), refPatternOf)})${AFTER}`, "g");
    // A bare id, per provider, unless a current model of the same provider has the same id.
    const bareIds = new Map<string, { pattern: RegExp; entries: Map<string, (typeof inactive)[number]> }>();
    for (const provider of catalog.providers) {
      const current = new Set(provider.models.filter((m) => m.lifecycle.status === "current").map((m) => m.id));
      const entries = new Map(inactive.filter((e) => e.provider === provider && !current.has(e.model.id)).map((e) => [e.model.id, e]));
      if (entries.size > 0) bareIds.set(provider.id, { pattern: new RegExp(`${BEFORE}(${alternation(entries.keys())})${AFTER}`, "g"), entries });
    }
    const hint = new RegExp(alternation(inactive.map((e) => e.model.id)));
    // Provider ids as the host reads them (trimmed, in lower case), for config examples' providers.
    const catalogProviders = new Set(catalog.providers.flatMap(providerNames).map((n) => n.toLowerCase()));

    return {
      mayFind: (ascii) => hint.test(ascii),
      async check(doc) {
        if ([...doc.groups].some((g) => groupsAllowing.has(g))) return [];
        if (!hint.test(doc.content)) return [];
        const found = new Map<number, { name: string; entry: (typeof inactive)[number] }>();
        for (const match of doc.content.matchAll(refPattern)) found.set(match.index, { name: match[1]!, entry: byRef.get(refKey(match[1]!))! });
        const providers = new Set([...doc.groups].map((g) => providerOfGroup.get(g)));
        const bareMatches = [...bareIds].filter(([provider]) => providers.has(provider))
          .flatMap(([, bare]) => [...doc.content.matchAll(bare.pattern)].map((match) => ({ offset: match.index, name: match[1]!, entry: bare.entries.get(match[1]!)! })))
          .filter((match) => !found.has(match.offset));
        const at = positionFinder(doc.content);
        if (bareMatches.length > 0) {
          const othersModels = otherProvidersModelStrings(await codeBlocksOf(doc), catalogProviders);
          for (const { offset, ...match } of bareMatches) {
            if (!othersModels.some((range) => isInside(at(offset), range))) found.set(offset, match);
          }
        }
        if (found.size === 0) return [];
        const diagnostics: Diagnostic[] = [];
        for (const [offset, { name, entry }] of [...found].sort((a, b) => a[0] - b[0])) {
          const lifecycle = entry.model.lifecycle;
          if (lifecycle.status === "current") continue;
          const when = isFuture(lifecycle.date) ? `will be ${lifecycle.status} on ${lifecycle.date}` : `is ${lifecycle.status} (since ${lifecycle.date})`;
          // Named the way it was found: a bare id stands where a ref would not fit (a Continue config's "model", Cursor's model field).
          const replacement = name.includes("/") ? `${entry.provider.id}/${lifecycle.replacement}` : lifecycle.replacement;
          diagnostics.push(
            diagnostic(doc.path, at(offset), "docs/inactive-model",
              `\`${name}\` ${when}; docs name only current models: ` +
                `use \`${replacement}\`, or name it only on a page with a region of a doc group ` +
                `that has "allowInactive" (such as the retired-models page)`),
          );
        }
        return diagnostics;
      },
    };
  },
};
