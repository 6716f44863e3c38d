// Every ```json, ```jsonc and ```json5 block in a doc must parse in its own
// dialect, and a block shaped like a config is checked with the validator of
// `pnpm validate`, for the parts this project owns only: the entries of catalog
// providers under `models.providers`, and the refs and aliases under
// `agents.defaults`. A ref to a provider that neither the example nor the catalog
// configures is fine (the host has built-in providers), and everything outside
// those parts (other providers, `gateway`, `channels`, …) is the host's business. Positions are reported in the doc, not in the block.
import type { Mode } from "@humanwhocodes/momoa";
import type { Catalog } from "../catalog/model.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { JsonSyntaxError, parseJsonSource } from "../lib/json-source.ts";
import { checkConfigText } from "../validate/check-config.ts";
import { providerNames } from "./inactive-models.ts";
import type { CodeBlock } from "./mdx.ts";
import { codeBlocksOf } from "./mdx-compiles.ts";
import type { DocRule } from "./rule.ts";

const MODES: Record<string, Mode> = { json: "json", jsonc: "jsonc", json5: "json5" };

export function isJsonBlock(block: CodeBlock): boolean {
  return Object.hasOwn(MODES, block.lang);
}

export function checkJsonBlock(file: string, block: CodeBlock, catalog: Catalog): Diagnostic[] {
  const mode = MODES[block.lang];
  if (!mode) return [];
  const inDoc = (at: { line: number; column: number }) => ({
    line: block.firstLine + at.line - 1,
    column: at.column + block.indent,
  });
  const rangeInDoc = (d: Diagnostic) => ({
    ...inDoc(d),
    ...(d.endLine !== undefined && d.endColumn !== undefined
      ? { endLine: block.firstLine + d.endLine - 1, endColumn: d.endColumn + block.indent }
      : {}),
  });

  let value: unknown;
  try {
    value = parseJsonSource(block.value, mode).value;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const hint = mode === "json" ? " (a ```json block is strict JSON: use ```jsonc for comments, ```json5 for unquoted keys)" : "";
    return [diagnostic(file, inDoc(error), "docs/json-syntax", `${block.lang} code block does not parse: ${error.message}${hint}`)];
  }
  if (!isConfigShaped(value)) return [];

  // The config checks pick the dialect from the file name; the block's own dialect is the one to use.
  const findings = checkConfigText(`block.${mode === "json" ? "jsonc" : mode}`, block.value, { catalog });
  const owned = ownedFinding(catalog, block.value);
  return findings.filter(owned).map((d) => ({
    ...d,
    ...rangeInDoc(d),
    file,
    message: `config example: ${d.path && d.path !== "-" ? `${d.path}: ` : ""}${d.message}`,
    rule: `docs/${d.rule}`,
  }));
}

/**
 * Whether a config finding is about what this project owns. Refs to retired models
 * are the inactive-model rule's to judge: it knows which pages explain retirement.
 */
function ownedFinding(catalog: Catalog, text: string): (d: Diagnostic) => boolean {
  const names = catalog.providers.flatMap(providerNames);
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const ownedPath = new RegExp(`^(?:models\\.providers(?:\\.(?:${escaped})|\\["(?:${escaped})"\\])|agents\\.defaults\\.models?)(?:$|[.[])`);
  const lines = text.split("\n");
  return (d) => {
    if (d.rule === "config/inactive-model") return false;
    if (d.rule === "config/unknown-model") {
      // The ref is the string literal the finding points at (a value, or a key of agents.defaults.models).
      const ref = /^["']([^"'\n]*)["']/.exec(lines[d.line - 1]?.slice(d.column - 1) ?? "")?.[1];
      return ref !== undefined && names.includes(ref.split("/")[0]!);
    }
    return d.path !== undefined && ownedPath.test(d.path);
  };
}

export const jsonBlocksRule: DocRule = {
  id: "json",
  description: "json, jsonc and json5 code blocks parse; config examples agree with the catalog (the checks of `validate`)",
  defaults: { severity: "warn", scope: "pages-with-regions" },
  create: (catalog) => ({
    mayFind: (ascii) => JSON_FENCE.test(ascii),
    async check(doc) {
      const blocks = (await codeBlocksOf(doc)).filter(isJsonBlock);
      return blocks.flatMap((block) => checkJsonBlock(doc.path, block, catalog));
    },
  }),
};

const JSON_FENCE = /^[ \t>]*(?:`{3,}|~{3,})[ \t]*json/im;

/** Blocks with `models.providers` or `agents.defaults` are config examples; others (a Continue config, say) are not. */
export function isConfigShaped(value: unknown): boolean {
  const has = (object: unknown, key: string) =>
    typeof object === "object" && object !== null && !Array.isArray(object) && Object.hasOwn(object, key);
  const record = value as Record<string, unknown>;
  return (has(value, "models") && has(record.models, "providers")) || (has(value, "agents") && has(record.agents, "defaults"));
}
