// Docs list only models that can be used today. A deprecated or retired model
// may be named only on a page that explains retirement, i.e. a page holding a
// region of a doc group with `allowInactive`.
import { allModels, type Catalog } from "../catalog/model.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { positionFinder } from "./text-position.ts";
import { isFuture } from "../lib/dates.ts";
import { groupStartToken } from "../docs/markers.ts";

export interface InactiveModelMatcher {
  check(file: string, content: string): Diagnostic[];
  /** False when `content` surely names no inactive model; ASCII only, so latin1-decoded bytes do. */
  mayMention(content: string): boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function inactiveModelMatcher(catalog: Catalog): InactiveModelMatcher {
  const entries = allModels(catalog);
  const currentIds = new Set(entries.filter((e) => e.model.lifecycle.status === "current").map((e) => e.model.id));
  const inactive = new Map(entries.filter((e) => e.model.lifecycle.status !== "current").map((e) => [e.ref, e]));
  const allowingGroups = catalog.groups.filter((g) => g.allowInactive).map((g) => g.id);
  if (inactive.size === 0) return { check: () => [], mayMention: () => false };

  // A ref (`moonshot/kimi-k2.5`) or a bare id, not part of a longer id.
  const names = [...inactive.values()].flatMap((e) => [e.ref, ...(currentIds.has(e.model.id) ? [] : [e.model.id])]);
  const alternatives = [...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
  const mention = new RegExp(`(?<![A-Za-z0-9_.-])(${alternatives})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, "g");
  const explainsRetirement = groupStartToken(allowingGroups);
  const byId = new Map([...inactive.values()].map((e) => [e.model.id, e]));

  const hint = new RegExp(alternatives);
  return {
    mayMention: (content) => hint.test(content),
    check(file, content) {
      if (explainsRetirement?.test(content)) return [];
      const diagnostics: Diagnostic[] = [];
      let at: ReturnType<typeof positionFinder> | undefined;
      for (const match of content.matchAll(mention)) {
        const name = match[1]!;
        const entry = inactive.get(name) ?? byId.get(name)!;
        const lifecycle = entry.model.lifecycle;
        if (lifecycle.status === "current") continue;
        at ??= positionFinder(content);
        const when = isFuture(lifecycle.date)
          ? `will be ${lifecycle.status} on ${lifecycle.date}`
          : `is ${lifecycle.status} (since ${lifecycle.date})`;
        diagnostics.push(
          diagnostic(file, at(match.index), "docs/inactive-model",
            `\`${name}\` ${when}; docs name only current models: ` +
              `use \`${entry.provider.id}/${lifecycle.replacement}\`, or name it only on a page with a region of a doc group ` +
              `that has "allowInactive" (such as the retired-models page)`),
        );
      }
      return diagnostics;
    },
  };
}
