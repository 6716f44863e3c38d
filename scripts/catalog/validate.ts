// Catalog text -> parsed JSONC -> zod-validated data -> cross-field rules, and its
// words. Every problem is collected with its source position; any error throws an
// InputError holding all of them, so one run shows everything to fix (the rules also
// run on the well-formed parts of a catalog whose shape has errors).
import type { z } from "zod";
import { Catalog as CatalogSchema, type CatalogData } from "../../schema/catalog.ts";
import { diagnostic, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { formatJsonPath, JsonSyntaxError, parseJsonSource, type JsonPath, type ParsedJson } from "../lib/json-source.ts";
import { descriptionAt, objectKeysAt } from "../lib/json-schema-keys.ts";
import { parseIssues, zodIssueFindings } from "../lib/zod-issues.ts";
import { catalogShape } from "../schema-gen/json-schema.ts";
import { loadWords } from "./load-words.ts";
import type { LocaleText } from "./locales.ts";
import { checkCatalogRules, type RuleFinding, type RuleOptions } from "./rules.ts";
import { rulesOnWellFormedParts } from "./well-formed-parts.ts";

/** A catalog that passed, and its words: what the loader keeps between runs (plain JSON). */
export interface ValidCatalog {
  data: CatalogData;
  words: { base: Readonly<Record<string, string>>; locales: Array<[string, Readonly<Record<string, string>>]> };
}

/** The catalog's data and words, or an InputError with every problem at its place in its file. */
export function validCatalog(file: string, text: string, locales: readonly LocaleText[] | undefined, options: RuleOptions): ValidCatalog {
  const data = validatedCatalog(file, text, options);
  const words = loadWords(file, locales, data);
  return { data, words: { base: words.base, locales: [...words.locales] } };
}

function validatedCatalog(file: string, text: string, options: RuleOptions): CatalogData {
  let parsed: ParsedJson;
  try {
    parsed = parseJsonSource(text, "jsonc");
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError([
      diagnostic(file, error, "catalog/syntax", `${error.message}; the catalog is JSON with comments (JSONC)`),
    ]);
  }

  const repeated = parsed.duplicateKeys.map((d) => ({
    ...diagnostic(file, d.at, "catalog/duplicate-key", `${formatJsonPath(d.path)}: key "${d.key}" is already set at line ${d.first.line}, column ${d.first.column}; remove one of the two`),
    path: formatJsonPath(d.path),
  }));
  const issues = parseIssues(CatalogSchema, parsed.value);
  const shape = issues.flatMap((issue) => zodIssueDiagnostics(file, parsed, issue));
  if (shape.length > 0 || repeated.length > 0) {
    const rules = rulesOnWellFormedParts(parsed.value, shape.map((d) => d.jsonPath), options);
    throw new InputError([...repeated, ...shape.map(({ jsonPath: _, ...d }) => d), ...ruleDiagnostics(file, parsed, rules)]);
  }
  const data = CatalogSchema.parse(parsed.value);

  const findings = checkCatalogRules(data, options);
  if (findings.length > 0) throw new InputError(ruleDiagnostics(file, parsed, findings));
  return data;
}

function ruleDiagnostics(file: string, parsed: ParsedJson, findings: readonly RuleFinding[]): Diagnostic[] {
  return findings.map((f) => {
    const at = parsed.locate(f.path);
    const other = f.first && parsed.locate(f.first);
    // A host id is checked after every model id, so the value it repeats may stand later in the file.
    const where = other && (other.line < at.line || (other.line === at.line && other.column < at.column)) ? "first" : "also";
    const message = other ? `${f.message} (${where} at line ${other.line}, column ${other.column})` : f.message;
    return { ...diagnostic(file, at, f.rule, message), path: formatJsonPath(f.path) };
  });
}

/** One diagnostic per zod issue; an unknown-keys issue gives one per key, at the key. */
function zodIssueDiagnostics(file: string, parsed: ParsedJson, issue: z.core.$ZodIssue): Array<Diagnostic & { jsonPath: JsonPath }> {
  const knownKeys = (path: JsonPath) => objectKeysAt(catalogShape(), path);
  const describe = (path: JsonPath) => descriptionAt(catalogShape(), path);
  return zodIssueFindings(issue, { knownKeys, describe, input: parsed.value }).map((f) => ({
    ...diagnostic(file, parsed.locate(f.path, f.part), `catalog/${f.kind}`, `${formatJsonPath(f.path)}: ${f.message}`),
    path: formatJsonPath(f.path),
    jsonPath: f.path,
  }));
}
