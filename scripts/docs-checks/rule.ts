// What a docs rule is. A rule looks at a doc's planned content and reports
// findings; where they stand decides how much they matter:
//   - in generated text (a region's body): an error, unless the rule is off —
//     the engine wrote that text and must not write it wrong;
//   - in hand-written text: the rule's severity (`warn` by default).
// The scope says how far a rule looks: `generated` (region bodies only),
// `pages-with-regions` (all of every page that holds a region; the default) or
// `all` (every doc, including pages without regions).
//
// Adding a rule: write one file in this folder that exports a `DocRule`, and add
// it to the list in registry.ts.
import type { Catalog } from "../catalog/model.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";

export type RuleSeverity = "error" | "warn" | "off";
/** `generated`: region bodies; `pages-with-regions`: whole pages that hold a region; `all`: every doc. */
export type RuleScope = "generated" | "pages-with-regions" | "all";
export interface RuleSetting {
  severity?: RuleSeverity;
  scope?: RuleScope;
}

/** A doc as the rules see it: the content `gen` would write (or finds up to date). */
export interface CheckedDoc {
  path: string;
  content: string;
  /** Doc groups that regions of this page belong to; empty for a page without regions. */
  groups: ReadonlySet<string>;
}

/** A rule's checks, prepared for one catalog. */
export interface RuleCheck {
  /** False when `ascii` (a doc's bytes decoded as latin1) surely holds no finding; lets unmarked pages stay unparsed. */
  mayFind?(ascii: string): boolean;
  /** Findings at their place in `doc.content`; their severity is set by the runner. */
  check(doc: CheckedDoc): Diagnostic[] | Promise<Diagnostic[]>;
}

export interface DocRule {
  /** The id settings use, e.g. `secret`; findings carry `docs/<id>` (or `docs/<id>-…`) as their rule. */
  id: string;
  /** One line for the docs: what the rule checks. */
  description: string;
  defaults: Required<RuleSetting>;
  create(catalog: Catalog): RuleCheck;
}
