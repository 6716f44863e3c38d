// catalog file -> parsed JSONC -> zod-validated data -> cross-field rules -> Catalog.
// Every problem is collected with its source position; any error throws an
// InputError holding all of them, so one run shows everything to fix.
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { Catalog as CatalogSchema, type CatalogData } from "../../schema/catalog.ts";
import { contentKey, openCache } from "../lib/content-cache.ts";
import { diagnostic, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { formatJsonPath, JsonSyntaxError, parseJsonSource, type JsonPath, type ParsedJson } from "../lib/json-source.ts";
import { descriptionAt, objectKeysAt } from "../lib/json-schema-keys.ts";
import { parseIssues, zodIssueFindings } from "../lib/zod-issues.ts";
import { catalogShape } from "../schema-gen/json-schema.ts";
import { resolveGroups, type Catalog } from "./model.ts";
import { loadWords } from "./load-words.ts";
import { checkCatalogRules, type RuleOptions } from "./rules.ts";

export function loadCatalog(file: string, options: RuleOptions = {}): Catalog {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new InputError([
      diagnostic(file, { line: 1, column: 1 }, "catalog/unreadable", `cannot read the catalog: ${reason}; pass the right file with --catalog`),
    ]);
  }
  return parseCatalog(file, text, options);
}

export function parseCatalog(file: string, text: string, options: RuleOptions = {}): Catalog {
  // A catalog that passed is a pure function of its text and the rule options; the
  // build's cache (content-cache.ts) keeps it, so an unchanged catalog is not parsed
  // and validated again. A catalog with problems is never stored: they are reported every run.
  const cache = openCache<CatalogData>("catalog");
  const key = contentKey(`${JSON.stringify(options)}\0${text}`);
  let data = cache.get(key);
  if (!data) {
    data = validatedCatalog(file, text, options);
    cache.set(key, data);
  }
  return { file, data, providers: data.providers, groups: resolveGroups(data), words: loadWords(file, data) };
}

/** The catalog's data, or an InputError with every problem at its place in the file. */
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
  if (issues.length > 0 || repeated.length > 0) {
    throw new InputError([...repeated, ...issues.flatMap((issue) => zodIssueDiagnostics(file, parsed, issue))]);
  }
  const data = CatalogSchema.parse(parsed.value);

  const findings = checkCatalogRules(data, options);
  if (findings.length > 0) {
    throw new InputError(
      findings.map((f) => ({ ...diagnostic(file, parsed.locate(f.path), f.rule, f.message), path: formatJsonPath(f.path) })),
    );
  }
  return data;
}


/** One diagnostic per zod issue; an unknown-keys issue gives one per key, at the key. */
export function zodIssueDiagnostics(file: string, parsed: ParsedJson, issue: z.core.$ZodIssue): Diagnostic[] {
  const knownKeys = (path: JsonPath) => objectKeysAt(catalogShape(), path);
  const describe = (path: JsonPath) => descriptionAt(catalogShape(), path);
  return zodIssueFindings(issue, { knownKeys, describe, input: parsed.value }).map((f) => ({
    ...diagnostic(file, parsed.locate(f.path, f.part), `catalog/${f.kind}`, `${formatJsonPath(f.path)}: ${f.message}`),
    path: formatJsonPath(f.path),
  }));
}
