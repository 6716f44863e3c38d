// Runs the docs rules (registry.ts) over the docs `gen` plans, each rule on the
// docs in its scope, and gives each finding its severity: an error in generated
// text, the rule's severity in hand-written text (see rule.ts).
import { appendAll } from "../lib/append.ts";
import type { Catalog } from "../catalog/model.ts";
import type { UnmarkedInspector } from "../docs/discover.ts";
import { newDoc, type Doc } from "../docs/doc.ts";
import { byPosition, diagnostic, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { didYouMeanSuffix } from "../lib/did-you-mean.ts";
import { toCurrentLine } from "./planned-lines.ts";
import { DOC_RULES } from "./registry.ts";
import { type CheckedDoc, type DocRule, type RuleCheck, type RuleSetting } from "./rule.ts";

export interface ActiveRule {
  rule: DocRule;
  setting: Required<RuleSetting>;
  check: RuleCheck;
}

/**
 * The rules that are on, with their settings over their defaults. An unknown rule id
 * in the settings is an input error (`where` names the settings' file).
 */
export function activeRules(catalog: Catalog, settings: Readonly<Record<string, RuleSetting>> = {}, where = "the rules setting"): ActiveRule[] {
  const ids = DOC_RULES.map((r) => r.id);
  const unknown = Object.keys(settings).filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    throw new InputError(unknown.map((id) =>
      diagnostic(where, { line: 1, column: 1 }, "config/unknown-rule",
        `unknown docs rule "${id}"${didYouMeanSuffix(id, ids)}; the rules are ${ids.join(", ")}`)));
  }
  return DOC_RULES.map((rule) => ({ rule, setting: { ...rule.defaults, ...settings[rule.id] } }))
    .filter((r) => r.setting.severity !== "off")
    .map((r) => ({ ...r, check: r.rule.create(catalog) }));
}

/**
 * Docs without any marker are read by discovery and, unless a rule looks at every
 * doc, never decoded. The inspector keeps those that a rule of scope `all` may have
 * something to say about (judged on the bytes decoded as latin1, which is cheap).
 */
export function unmarkedDocCollector(rules: readonly ActiveRule[]): { inspect?: UnmarkedInspector; docs: Doc[] } {
  const everywhere = rules.filter((r) => r.setting.scope === "all");
  const docs: Doc[] = [];
  if (everywhere.length === 0) return { docs };
  return {
    docs,
    inspect(path, bytes) {
      const ascii = bytes.toString("latin1");
      if (everywhere.some((r) => r.check.mayFind?.(ascii) ?? true)) docs.push(newDoc(path, bytes.toString("utf8")));
      return [];
    },
  };
}

/**
 * The rules on each planned doc (and on the docs without markers collected for
 * rules of scope `all`); each finding joins its doc's messages, at the line of the
 * file as it is now, which is what people open. Returns the findings.
 */
export async function checkPlannedDocs(docs: readonly Doc[], rules: readonly ActiveRule[]): Promise<Diagnostic[]> {
  const findings: Diagnostic[] = [];
  for (const doc of docs) {
    const view: CheckedDoc = { path: doc.path, content: doc.after, groups: new Set(doc.groups) };
    const inGenerated = (line: number) => doc.generated.some((r) => line >= r.from && line <= r.to);
    for (const { rule, setting, check } of rules) {
      if (doc.regionCount === 0 && setting.scope !== "all") continue;
      for (const d of await check.check(view)) {
        const generatedText = inGenerated(d.line);
        if (setting.scope === "generated" && !generatedText) continue;
        const finding = toCurrentLine(withSeverity(d, generatedText ? "error" : setting.severity, rule), doc.regions);
        doc.messages.push(finding);
        findings.push(finding);
      }
    }
  }
  return findings.sort(byPosition);
}

function withSeverity(d: Diagnostic, severity: "error" | "warn" | "off", rule: DocRule): Diagnostic {
  // A rule's own notes (a page too large to compile, say) stay warnings.
  if (d.severity === "warning") return d;
  const level = severity === "error" ? "error" : "warning";
  return level === "error" ? d : { ...d, severity: level, message: `${d.message} [${rule.id}]` };
}

/**
 * Every rule on whole docs, every finding as it comes (errors): what this
 * repository asks of its own pages, and what the tests of each rule use.
 * Region groups are read from the start markers' names.
 */
export async function checkDocs(docs: ReadonlyArray<{ path: string; content: string }>, options: { catalog: Catalog }): Promise<Diagnostic[]> {
  const rules = activeRules(options.catalog);
  const ids = options.catalog.groups.map((g) => g.id).sort((a, b) => b.length - a.length);
  const diagnostics: Diagnostic[] = [];
  for (const { path, content } of docs) {
    const groups = new Set(ids.filter((id) => content.includes(`${id}-`) && new RegExp(`${id.replace(/[.]/g, "\\.")}-[a-z0-9-]+:start`).test(content)));
    const doc: CheckedDoc = { path, content, groups };
    for (const { check } of rules) appendAll(diagnostics, await check.check(doc));
  }
  return diagnostics.sort(byPosition);
}
