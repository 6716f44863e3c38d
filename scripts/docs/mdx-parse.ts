// The MDX parse of a page (remark: CommonMark, GFM, front matter and MDX), shared
// by the two steps that read a page with it: the region engine where its line
// scanner is unsure (scan-remark.ts), and the docs rule that the page compiles
// (docs-checks/mdx-compile.ts). A page that `gen` leaves as it is reaches both with
// the same text, so its tree is made once: the results of the last few texts are
// kept. Loaded on first use only (the parser libraries take tens of milliseconds).
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).freeze();

// GFM's autolink literals (`www.example.com` turned into a link) are found by a pass
// over every text node after the parse, an eighth of its time. Neither reader of the
// tree looks at links, and the pass cannot make a page fail, so it is left out (found
// by its name: should a new version rename it, it simply runs again).
for (const extension of ((parser.data("fromMarkdownExtensions") ?? []) as unknown[]).flat(Infinity)) {
  const withTransforms = extension as { transforms?: Array<(tree: unknown) => unknown> };
  withTransforms.transforms = withTransforms.transforms?.filter((transform) => transform.name !== "transformGfmAutolinkLiterals");
}

type Outcome = { tree: object } | { error: unknown };

/** Between a page's classification and its check, a translation may parse its source page. */
const KEPT = 2;
const recent = new Map<string, Outcome>();

/** The mdast tree of a text read as MDX; throws what the parser throws (a positioned message, or a RangeError). */
export function parseMdx(text: string): object {
  let outcome = recent.get(text);
  if (!outcome) {
    try {
      outcome = { tree: parser.parse(text) };
    } catch (error) {
      outcome = { error };
    }
    recent.set(text, outcome);
    if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  }
  if ("error" in outcome) throw outcome.error;
  // Shared: callers read the tree and never change it.
  return outcome.tree;
}
