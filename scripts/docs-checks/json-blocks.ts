// Every ```json, ```jsonc and ```json5 block in a doc must parse in its own
// dialect, and a block shaped like a config is checked with the validator of
// `pnpm validate`, for the parts this project owns only: the entries of catalog
// providers under `models.providers`, and the refs and aliases under
// `agents.defaults`. A ref to a provider that neither the example nor the catalog
// configures is fine (the host has built-in providers), and everything outside
// those parts (other providers, `gateway`, `channels`, …) is the host's business. Positions are reported in the doc, not in the block.
import type { Mode } from "@humanwhocodes/momoa";
import { lifecycleDatesPassed, type Catalog } from "../catalog/model.ts";
import { parseCodeMarker } from "../docs/markers.ts";
import { contentKey, openCache } from "../lib/content-cache.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { extraCloser } from "../lib/json-extra-closer.ts";
import { JsonSyntaxError, parseJsonSource } from "../lib/json-source.ts";
import { positionAt } from "../lib/json-syntax-messages.ts";
import { movePlaces } from "../lib/message-places.ts";
import { checkConfigText } from "../validate/check-config.ts";
import { providerNames } from "./inactive-models.ts";
import { BLOCK_READINGS } from "./json-fragments.ts";
import type { CodeBlock, JSON_BLOCK_LANGS } from "./mdx.ts";
import { codeBlocksOf } from "./mdx-compiles.ts";
import type { DocRule } from "./rule.ts";

const MODES: Readonly<Record<string, Mode>> & Record<(typeof JSON_BLOCK_LANGS)[number], Mode> = { json: "json", jsonc: "jsonc", json5: "json5" };

export function isJsonBlock(block: CodeBlock): boolean {
  return Object.hasOwn(MODES, block.lang);
}

export function checkJsonBlock(file: string, block: CodeBlock, catalog: Catalog, verdicts = blockVerdicts(catalog)): Diagnostic[] {
  if (!Object.hasOwn(MODES, block.lang)) return [];
  // Positions in the block become positions in the doc.
  const line = (l: number) => block.firstLine + l - 1;
  const column = (c: number) => c + block.indent;
  return verdicts(block.lang, block.value).map((d) => ({
    ...d,
    file,
    message: movePlaces(d.message, line, column),
    line: line(d.line),
    column: column(d.column),
    ...(d.endLine !== undefined && d.endColumn !== undefined ? { endLine: line(d.endLine), endColumn: column(d.endColumn) } : {}),
  }));
}

/** A block's findings at their place in the block (`file` left empty); the same text always gets the same ones. */
type BlockVerdicts = (lang: string, text: string) => Diagnostic[];

/**
 * The findings of a block are a pure function of its dialect, its text and the
 * catalog, so they are computed once per distinct block per run and kept between
 * runs (content-cache.ts) under a key that includes the whole catalog: an edit of
 * the catalog is a new key. The same example block on hundreds of pages is parsed once.
 */
export function blockVerdicts(catalog: Catalog): BlockVerdicts {
  const stored = openCache<Diagnostic[]>("json-blocks");
  const run = new Map<string, Diagnostic[]>();
  let catalogKey: string | undefined;
  return (lang, text) => {
    catalogKey ??= contentKey(`${JSON.stringify(catalog.data)}\0${lifecycleDatesPassed(catalog)}`);
    const key = contentKey(`${catalogKey}\0${lang}\0${text}`);
    let found = run.get(key) ?? stored.get(key);
    if (!found) {
      found = blockFindings(lang, text, catalog);
      stored.set(key, found);
    }
    run.set(key, found);
    return found;
  };
}

/**
 * Region markers are comments, which strict JSON has none of: a ```json block is read
 * with its marker lines blanked out (same length, so positions hold), as the region
 * engine writes strict JSON between them.
 */
function withoutMarkerLines(text: string): string {
  return text.replace(/^.*$/gm, (line) => (parseCodeMarker(line) ? " ".repeat(line.length) : line));
}

/**
 * A fragment reading whose added closing bracket closed one of the fragment's own: read without it, the parser
 * names the innermost bracket the fragment leaves open, and the brackets to add, less the one the reading added.
 */
function unclosedInFragment(source: string, mode: Mode, line: (l: number) => number): JsonSyntaxError | undefined {
  const open = source.slice(0, source.lastIndexOf("\n"));
  try {
    parseJsonSource(open, mode);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const message = movePlaces(error.message, line).replace(/add `([}\]]+)[}\]]` at the end/, "add `$1` at the end");
    if (/^end of input\b/.test(message) && !message.includes("add `` at the end")) return new JsonSyntaxError(message, line(error.line), error.column);
  }
  return undefined;
}

/** The closing bracket the block has too many, as a syntax error at it (json-extra-closer.ts). */
function extraCloserError(text: string): JsonSyntaxError | undefined {
  const extra = extraCloser(text);
  if (!extra) return undefined;
  const { line, column } = positionAt(text, extra.offset);
  return new JsonSyntaxError(extra.message, line, column);
}

function isBefore(a: JsonSyntaxError, b: JsonSyntaxError): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function blockFindings(lang: string, text: string, catalog: Catalog): Diagnostic[] {
  const mode = MODES[lang]!;
  // The block as written, or else as a fragment (json-fragments.ts). When no reading parses, the error reported
  // is the one that came furthest into the block: the reading that fits the block stops at its real mistake. A
  // reading that fails at a bracket it added (a fragment's closing `]` where the block leaves an object open) is
  // no such reading.
  let read: { value: unknown; source: string; linesAdded: number } | undefined;
  let syntaxError: JsonSyntaxError | undefined;
  /** A fragment reading that ran past the block's end: the fragment leaves a bracket open (`agents: {` alone). */
  let openAtEnd: JsonSyntaxError | undefined;
  const lines = text.split("\n");
  const lineCount = lines.length;
  for (const { source, linesAdded } of BLOCK_READINGS.map((reading) => reading(text))) {
    try {
      read = { value: parseJsonSource(mode === "json" ? withoutMarkerLines(source) : source, mode).value, source, linesAdded };
      break;
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      const line = (l: number) => Math.max(1, l - linesAdded);
      if (linesAdded > 0 && (error.line <= linesAdded || error.line > linesAdded + lineCount)) {
        if (error.line > linesAdded + lineCount && /^end of input\b/.test(error.message)) openAtEnd ??= unclosedInFragment(source, mode, line);
        continue;
      }
      const at = new JsonSyntaxError(movePlaces(error.message, line), line(error.line), error.column);
      if (!syntaxError || at.line > syntaxError.line || (at.line === syntaxError.line && at.column > syntaxError.column)) syntaxError = at;
    }
  }
  if (!read) {
    // A block that fails as written at its first token reads as a fragment; one that then leaves a bracket
    // open is told which, at its end, rather than that its first name was not expected.
    const first = /\S/.exec(text);
    const atFirstToken = first !== null && syntaxError !== undefined && syntaxError.line === text.slice(0, first.index).split("\n").length &&
      syntaxError.column === first.index - text.lastIndexOf("\n", first.index - 1);
    // A block that closes one bracket more than it opens fails where the count runs out, or (read as a fragment)
    // at its first token, or where a reading's added bracket no longer fits: it is told which bracket is extra.
    const extra = extraCloserError(text);
    const error = atFirstToken && openAtEnd ? openAtEnd
      : extra && (atFirstToken || !isBefore(syntaxError!, extra)) ? extra
      : syntaxError!;
    const hint = mode === "json" ? " (a ```json block is strict JSON: use ```jsonc for comments and trailing commas, ```json5 for unquoted keys)" : "";
    return [diagnostic("", { line: error.line, column: error.column }, "docs/json-syntax", `${lang} code block does not parse: ${error.message}${hint}`)];
  }
  if (!isConfigShaped(read.value)) return [];

  // The config checks pick the dialect from the file name; the block's own dialect is the one to use.
  const findings = checkConfigText(`block.${mode === "json" ? "jsonc" : mode}`, read.source, { catalog });
  const owned = ownedFinding(catalog, read.source);
  const line = (l: number) => l - read.linesAdded;
  return findings.filter(owned).map((d) => ({
    ...d,
    file: "",
    line: line(d.line),
    ...(d.endLine !== undefined ? { endLine: line(d.endLine) } : {}),
    message: `config example: ${d.path && d.path !== "-" ? `${d.path}: ` : ""}${movePlaces(d.message, line, (c) => c)}`,
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
    // A model another provider of the example does not list is that provider's business.
    if (d.rule === "config/inactive-model" || d.rule === "config/unlisted-model") return false;
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
  create: (catalog) => {
    const verdicts = blockVerdicts(catalog);
    return {
      mayFind: (ascii) => JSON_FENCE.test(ascii),
      async check(doc) {
        const blocks = (await codeBlocksOf(doc)).filter(isJsonBlock);
        return blocks.flatMap((block) => checkJsonBlock(doc.path, block, catalog, verdicts));
      },
    };
  },
};

const JSON_FENCE = /^[ \t>]*(?:`{3,}|~{3,})[ \t]*json/im;

/** Blocks with `models.providers` or `agents.defaults` are config examples; others (a Continue config, say) are not. */
export function isConfigShaped(value: unknown): boolean {
  const has = (object: unknown, key: string) =>
    typeof object === "object" && object !== null && !Array.isArray(object) && Object.hasOwn(object, key);
  const record = value as Record<string, unknown>;
  return (has(value, "models") && has(record.models, "providers")) || (has(value, "agents") && has(record.agents, "defaults"));
}
