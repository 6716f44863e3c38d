// Every ```json, ```jsonc and ```json5 block in a doc must parse in its own
// dialect, and a block shaped like a config must pass the same checks as
// `pnpm validate`. Positions are reported in the doc, not in the block.
import type { Mode } from "@humanwhocodes/momoa";
import type { Catalog } from "../catalog/model.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { JsonSyntaxError, parseJsonSource } from "../lib/json-source.ts";
import { checkConfigText } from "../validate/check-config.ts";
import type { CodeBlock } from "./mdx.ts";

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
  // Refs to retired models are the inactive-model check's to judge: it knows which pages explain retirement.
  const findings = checkConfigText(`block.${mode === "json" ? "jsonc" : mode}`, block.value, { catalog });
  return findings.filter((d) => d.rule !== "config/inactive-model").map((d) => ({
    ...d,
    ...rangeInDoc(d),
    file,
    message: `config example: ${d.path && d.path !== "-" ? `${d.path}: ` : ""}${d.message}`,
    rule: `docs/${d.rule}`,
  }));
}

/** Blocks with `models.providers` or `agents.defaults` are config examples; others (a Continue config, say) are not. */
export function isConfigShaped(value: unknown): boolean {
  const has = (object: unknown, key: string) =>
    typeof object === "object" && object !== null && !Array.isArray(object) && Object.hasOwn(object, key);
  const record = value as Record<string, unknown>;
  return (has(value, "models") && has(record.models, "providers")) || (has(value, "agents") && has(record.agents, "defaults"));
}
