// The checks `gen` runs on the planned content of every doc, after its regions
// are regenerated: no real-looking credentials, no deprecated or retired model
// outside the page that explains retirement, MDX that compiles, and JSON blocks
// that parse (and validate, where they are config examples).
import type { Catalog } from "../catalog/model.ts";
import type { UnmarkedInspector } from "../docs/discover.ts";
import type { PlannedFile } from "../gen/plan.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { thousands } from "../lib/thousands.ts";
import { MAX_NESTING, tooDeeplyNested } from "../docs/nesting.ts";
import { inactiveModelMatcher } from "./inactive-models.ts";
import { needsMdxCompile } from "./mdx-prefilter.ts";
import { toCurrentLine } from "./planned-lines.ts";
import { checkSecrets, mayHoldSecret } from "./secrets.ts";

export interface DocToCheck {
  path: string;
  /** The content `gen` would write (or finds up to date). */
  content: string;
}

export interface CheckDocsOptions {
  catalog: Catalog;
  /**
   * Which docs get the MDX compile and the JSON-block checks (5-10 ms per 4 KB doc,
   * against microseconds for the other checks). Default: every doc.
   */
  compile?: (doc: DocToCheck) => boolean;
}

/**
 * The MDX parser's time grows faster than the page (0.7 s at 1 MB, 26 s at 16 MB), so
 * larger pages are not compiled, and the run says so. Real pages are a few KB.
 */
export const MAX_COMPILED_LENGTH = 1_000_000;

function tooLargeToCompile(doc: DocToCheck): Diagnostic {
  return diagnostic(doc.path, { line: 1, column: 1 }, "docs/mdx-not-compiled",
    `not compiled as MDX or checked for JSON blocks: the page is over ${thousands(MAX_COMPILED_LENGTH)} characters; split it to have it checked`,
    "warning");
}

function tooDeepToCompile(doc: DocToCheck, deep: { line: number; depth: number }): Diagnostic {
  return diagnostic(doc.path, { line: deep.line, column: 1 }, "docs/mdx-not-compiled",
    `not compiled as MDX or checked for JSON blocks: blockquotes or lists nest ${deep.depth} levels deep here, ` +
      `more than the ${MAX_NESTING} the compiler is given; flatten the nesting to have it checked`,
    "warning");
}

export async function checkDocs(docs: readonly DocToCheck[], options: CheckDocsOptions): Promise<Diagnostic[]> {
  const inactive = inactiveModelMatcher(options.catalog);
  const diagnostics: Diagnostic[] = [];
  const toCompile: DocToCheck[] = [];
  for (const doc of docs) {
    diagnostics.push(...checkSecrets(doc.path, doc.content), ...inactive.check(doc.path, doc.content));
    if (!(options.compile?.(doc) ?? true) || !needsMdxCompile(doc.content)) continue;
    const deep = doc.content.length > MAX_COMPILED_LENGTH ? null : tooDeeplyNested(doc.content);
    if (doc.content.length > MAX_COMPILED_LENGTH) diagnostics.push(tooLargeToCompile(doc));
    else if (deep) diagnostics.push(tooDeepToCompile(doc, deep));
    else toCompile.push(doc);
  }
  if (toCompile.length > 0) {
    // Loaded only when needed: importing the MDX compiler alone takes tens of milliseconds.
    const { compileMdx } = await import("./mdx.ts");
    const { checkJsonBlock, isJsonBlock } = await import("./json-blocks.ts");
    for (const doc of toCompile) {
      const { error, codeBlocks } = await compileMdx(doc.path, doc.content);
      if (error) diagnostics.push(error);
      for (const block of codeBlocks.filter(isJsonBlock)) diagnostics.push(...checkJsonBlock(doc.path, block, options.catalog));
    }
  }
  return diagnostics.sort(byPosition);
}

/**
 * The cheap checks (credentials, inactive models) on a doc without regions, run by
 * the engine's discovery on the bytes it has already read. Such a doc is never
 * rewritten, so the MDX and JSON checks, which guard what generation writes, skip it.
 */
export function unmarkedDocInspector(catalog: Catalog): UnmarkedInspector {
  const inactive = inactiveModelMatcher(catalog);
  return (path, bytes) => {
    // Decoding as latin1 is several times cheaper than UTF-8, and the hints match ASCII only.
    const ascii = bytes.toString("latin1");
    if (!mayHoldSecret(ascii) && !inactive.mayMention(ascii)) return [];
    const text = bytes.toString("utf8");
    return [...checkSecrets(path, text), ...inactive.check(path, text)];
  };
}

/**
 * The checks on `gen`'s plan: every doc with regions as it will be written. The MDX compile and JSON checks cost milliseconds per doc, so they
 * run on the docs whose content generation changes — the only docs it can break —
 * in `gen` and `gen --check` alike; on a 2,000-page tree compiling every page would
 * cost seconds per check. The test suite compiles every committed doc.
 */
export async function checkPlannedDocs(files: readonly PlannedFile[], catalog: Catalog): Promise<Diagnostic[]> {
  const docs = files.filter((f) => f.kind === "doc");
  const changing = new Set(docs.filter((f) => f.before !== f.after).map((f) => f.path));
  const planned = docs.map((f) => ({ path: f.path, content: f.after }));
  const diagnostics = await checkDocs(planned, {
    catalog,
    compile: (doc) => changing.has(doc.path),
  });
  // Reported at the lines of the file as it is now, which is what people open.
  const regionsOf = new Map(docs.map((f) => [f.path, f.regions ?? []]));
  return diagnostics.map((d) => toCurrentLine(d, regionsOf.get(d.file) ?? []));
}
