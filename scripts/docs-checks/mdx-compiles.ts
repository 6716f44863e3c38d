// Every doc compiles as MDX, the way docs sites such as Mintlify read `.md`
// files. The compile also yields the doc's code blocks, which the JSON rule
// reads: one parse per doc serves both rules.
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { thousands } from "../lib/thousands.ts";
import { MAX_NESTING, tooDeeplyNested } from "../docs/nesting.ts";
import type { CodeBlock, MdxResult } from "./mdx.ts";
import { needsMdxCompile } from "./mdx-prefilter.ts";
import type { CheckedDoc, DocRule } from "./rule.ts";

/**
 * The MDX parser's time grows faster than the page (0.7 s at 1 MB, 26 s at 16 MB), so
 * larger pages are not compiled, and the run says so. Real pages are a few KB.
 */
export const MAX_COMPILED_LENGTH = 1_000_000;

type Outcome = MdxResult | "not-needed" | Diagnostic;

const compiled = new WeakMap<CheckedDoc, Promise<Outcome>>();

/** The compile's result, or why the page was not compiled (a warning). */
function compileOnce(doc: CheckedDoc): Promise<Outcome> {
  let result = compiled.get(doc);
  if (!result) {
    result = (async () => {
      if (!needsMdxCompile(doc.content)) return "not-needed" as const;
      if (doc.content.length > MAX_COMPILED_LENGTH) return tooLargeToCompile(doc);
      // Loaded only when needed: importing the MDX compiler alone takes tens of milliseconds.
      const { compileMdx } = await import("./mdx.ts");
      // Asked only when no stored verdict answers: a text that was compiled did not nest too deeply.
      return compileMdx(doc.path, doc.content, () => {
        const deep = tooDeeplyNested(doc.content);
        return deep ? tooDeepToCompile(doc, deep) : undefined;
      });
    })();
    compiled.set(doc, result);
  }
  return result;
}

/** The doc's fenced code blocks, from the same parse as the MDX rule's. */
export async function codeBlocksOf(doc: CheckedDoc): Promise<CodeBlock[]> {
  const result = await compileOnce(doc);
  return typeof result === "object" && "codeBlocks" in result ? result.codeBlocks : [];
}

function tooLargeToCompile(doc: CheckedDoc): Diagnostic {
  return diagnostic(doc.path, { line: 1, column: 1 }, "docs/mdx-not-compiled",
    `not compiled as MDX or checked for JSON blocks: the page is over ${thousands(MAX_COMPILED_LENGTH)} characters; split it to have it checked`,
    "warning");
}

function tooDeepToCompile(doc: CheckedDoc, deep: { line: number; depth: number }): Diagnostic {
  return diagnostic(doc.path, { line: deep.line, column: 1 }, "docs/mdx-not-compiled",
    `not compiled as MDX or checked for JSON blocks: blockquotes or lists nest ${deep.depth} levels deep here, ` +
      `more than the ${MAX_NESTING} the compiler is given; flatten the nesting to have it checked`,
    "warning");
}

export const mdxRule: DocRule = {
  id: "mdx",
  description: "the page compiles as MDX (docs sites read .md files as MDX)",
  defaults: { severity: "warn", scope: "pages-with-regions" },
  create: () => ({
    // Only `<`, `{` and ESM lines can fail the compile; all of them are ASCII.
    mayFind: needsMdxCompile,
    async check(doc) {
      const result = await compileOnce(doc);
      if (result === "not-needed") return [];
      if (!("codeBlocks" in result)) return [result];
      return result.error ? [result.error] : [];
    },
  }),
};
