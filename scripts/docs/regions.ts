// From classified candidates to regions: which candidates are markers, how start
// and end markers pair up, and every way that can go wrong, each reported at its
// own line and column.
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import {
  DIRECTIVE,
  opensCodeCommentOutsideStrings,
  nearMissMarker,
  parseCodeMarker,
  parseMarkdownMarker,
  canonicalMdxMarker,
  type Candidate,
  type MarkerSyntax,
  type MarkerVerb,
  type NearMiss,
} from "./markers.ts";
import type { RegionNames } from "./names.ts";
import { frontMatterClose, type Classification, type Fence } from "./scan.ts";
import type { SourceLine } from "./text.ts";

export interface Marker {
  name: string;
  verb: MarkerVerb;
  options: Record<string, string>;
  syntax: MarkerSyntax;
  /** 0-based line; columns of the comment within the line. */
  line: number;
  from: number;
  to: number;
  /** The code block the marker stands in; null in Markdown text. */
  fence: Fence | null;
}

export interface Region {
  name: string;
  start: Marker;
  end: Marker;
}

export interface LocatedMarkers {
  markers: Marker[];
  problems: Diagnostic[];
  /** Lines that are one character away from a marker (warned about), each at its 0-based line. */
  nearMisses: Array<NearMiss & { line: number }>;
}

/** A comment's opening, as it may stand before a marker on its line: `<!--`, `{/*`, `//`, `*`, `#`, `[//]: # "`. */
const BEFORE_MARKER = /^\s*(?:<!--|\{?\/\*+|\/\/+|\*|#+|\[\/\/\]:\s*#\s*[("]?)?\s*$/;
/** Options and a comment's closing, as they may follow a marker on its line. */
const AFTER_MARKER = /^(?:\s+[^\s=]+=\S*)*\s*(?:--!?>|\*+\/\}?|[)"])?\s*$/;

/**
 * Whether a `NAME:start` in a comment that spans lines stands as a marker would: alone on its
 * line but for a comment's opening or closing and options. Quoted, or with words around it
 * ("the list between NAME:start and the end marker is generated"), it is text about a marker.
 */
function standsAsMarker(content: string, candidate: Candidate): boolean {
  const end = candidate.column + candidate.name.length + 1 + candidate.verb.length;
  return BEFORE_MARKER.test(content.slice(0, candidate.column)) && AFTER_MARKER.test(content.slice(end));
}

export function locateMarkers(
  file: string,
  text: string,
  lines: readonly SourceLine[],
  candidates: readonly Candidate[],
  classification: Classification,
  names: RegionNames,
): LocatedMarkers {
  const markers: Marker[] = [];
  const problems: Diagnostic[] = [];
  const nearMisses: LocatedMarkers["nearMisses"] = [];
  const at = (line: number, column: number) => ({ line: line + 1, column: column + 1 });
  const isMdx = file.toLowerCase().endsWith(".mdx");
  let offSince: number | null = null;
  const frontMatterEnd = frontMatterClose(text, lines);

  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k]!;
    const context = classification.contexts[k]!;
    if (context.kind === "inline-code") continue;
    if (context.kind === "other") {
      // Front matter is never synced: a marker standing there (a YAML comment, or a Markdown
      // marker put there by mistake) was meant as a region, which would go stale unseen.
      if (candidate.line > frontMatterEnd || (k > 0 && candidates[k - 1]!.line === candidate.line)) continue;
      const content = text.slice(lines[candidate.line]!.start, lines[candidate.line]!.end);
      const meant = parseCodeMarker(content) ?? parseMarkdownMarker(content);
      if (meant && (meant.verb === "start" || meant.verb === "end") && names.looksLikeRegion(meant.name)) {
        problems.push(
          diagnostic(file, at(candidate.line, meant.from), "docs/marker-in-front-matter",
            `\`${meant.name}:${meant.verb}\` stands in the page's front matter (lines 1-${frontMatterEnd + 1}), where no region ` +
              "is generated; move the region below the front matter, or remove the marker"),
        );
      }
      continue;
    }
    if (k > 0 && candidates[k - 1]!.line === candidate.line) continue; // one look per line
    const content = text.slice(lines[candidate.line]!.start, lines[candidate.line]!.end);
    if (context.kind === "comment") {
      // Quoted (`` `NAME:start` ``, "NAME:start") or amid words, it is text about the marker, as in a translators' note.
      const mention = !standsAsMarker(content, candidate);
      if (offSince === null && !candidate.nearMiss && !mention && (candidate.verb === "start" || candidate.verb === "end") && names.looksLikeRegion(candidate.name)) {
        problems.push(
          diagnostic(file, at(candidate.line, candidate.column), "docs/marker-not-alone",
            `\`${candidate.name}:${candidate.verb}\` stands inside a comment or expression that spans several lines ` +
              "(such as a JSX attribute's value); a marker is a comment on one line of its own. To mention it there, " +
              "put it in backticks, or put `{/* regions:off */}` before the comment and `{/* regions:on */}` after it"),
        );
      }
      continue;
    }
    const inCode = context.kind === "code";
    // A Markdown code block shows Markdown, where `// NAME:start` is no comment: what it holds is an example.
    // (One never closed is left to the check below: the markers were more likely written after it.)
    if (inCode && context.fence.close !== null && MARKDOWN_LANGS.has(context.fence.lang)) continue;
    let parsed = inCode ? parseCodeMarker(content) : parseMarkdownMarker(content);
    // A comment such as `// build:start the server` is the program's, not a marker with unreadable options.
    if (parsed?.unreadableOptions !== undefined && !names.looksLikeRegion(parsed.name)) parsed = null;

    if (parsed?.name === DIRECTIVE) {
      if (parsed.verb === "off") offSince ??= candidate.line;
      else if (parsed.verb === "on") offSince = null;
      continue;
    }
    if (offSince !== null) continue;

    if (parsed && (parsed.verb === "start" || parsed.verb === "end")) {
      const marker: Marker = { ...parsed, verb: parsed.verb, line: candidate.line, fence: inCode ? context.fence : null };
      markers.push(marker);
      if (parsed.unreadableOptions !== undefined) {
        problems.push(
          diagnostic(file, at(candidate.line, parsed.from), "docs/unreadable-option",
            `the options of \`${parsed.name}:${parsed.verb}\` cannot be read (\`${parsed.unreadableOptions}\`): ` +
              "write each as key=value, with no spaces or quotes in the value, e.g. `columns=ref,name`"),
        );
      }
      if (parsed.repeatedOption !== undefined) {
        problems.push(
          diagnostic(file, at(candidate.line, parsed.from), "docs/repeated-option",
            `option "${parsed.repeatedOption}" is given twice on \`${parsed.name}:${parsed.verb}\`; give it once`),
        );
      }
      if (parsed.syntax === "mdx-mangled") {
        problems.push(
          diagnostic(file, at(candidate.line, parsed.from), "docs/mangled-marker",
            `marker \`${content.slice(parsed.from, parsed.to)}\` was rewritten by a formatter; \`gen\` restores \`${canonicalMdxMarker(parsed)}\``,
            "warning"),
        );
      } else if (parsed.syntax === "html" && isMdx) {
        problems.push(
          diagnostic(file, at(candidate.line, parsed.from), "docs/html-comment-in-mdx",
            `HTML comments are not valid MDX; write this marker as \`${canonicalMdxMarker(parsed)}\``, "warning"),
        );
      }
      continue;
    }

    // Not a marker. One character away from one is a near miss, told with what was meant.
    const near = nearMissMarker(content, inCode);
    // In code, `# build:START` is more likely a comment of the program than a marker, and anywhere `TODO: end`
    // is a writer's note: then only region-like names count.
    if (near && ((!inCode && !near.common) || names.looksLikeRegion(near.name))) {
      nearMisses.push({ ...near, line: candidate.line });
      problems.push(
        diagnostic(file, at(candidate.line, content.indexOf(near.written)), "docs/near-miss-marker",
          `\`${near.written}\` is not read as a region marker: it has ${near.flaws.join(" and ")}; did you mean \`${near.meant}\`?`,
          "warning"),
      );
      continue;
    }
    // An example (a Markdown-comment marker in a code block) is fine, but not in a block
    // that is never closed: the marker was written after it and its region would go unsynced.
    // Anything else that names a region was probably meant as a marker.
    const example = context.kind === "code" ? parseMarkdownMarker(content) : null;
    if (example && context.kind === "code") {
      if (context.fence.close === null && (example.verb === "start" || example.verb === "end") && names.looksLikeRegion(example.name)) {
        problems.push(
          diagnostic(file, at(candidate.line, example.from), "docs/unclosed-code-block",
            `\`${example.name}:${example.verb}\` stands in the code block that opens at line ${context.fence.open + 1} and is never ` +
              "closed, so it is read as an example, not as a marker: close the code block where it ends"),
        );
      }
      continue;
    }
    for (let j = k; j < candidates.length && candidates[j]!.line === candidate.line; j++) {
      const token = candidates[j]!;
      if (token.nearMiss || (token.verb !== "start" && token.verb !== "end")) continue;
      if (classification.contexts[j]!.kind === "inline-code" || !names.looksLikeRegion(token.name)) continue;
      const before = content.slice(0, token.column);
      if (inCode && !opensCodeCommentOutsideStrings(before)) continue;
      // Quoted in a code comment (`# see \`NAME:start\``): text about the marker, as backticks are in Markdown.
      if (inCode && /[`'"]$/.test(before)) continue;
      // Written in a comment, it was meant as a marker and its region would go unsynced: an error. Named in
      // prose or in a link (`…/page#NAME:start`), it is text about the region: a warning, which no CI run fails on.
      const attempted = inCode || MARKDOWN_COMMENT_OPENER.test(before) || CODE_COMMENT_START.test(before) || parseCodeMarker(content) !== null;
      problems.push(
        diagnostic(file, at(token.line, token.column), "docs/marker-not-alone",
          `\`${token.name}:${token.verb}\` looks like a region marker but is not one: a marker is a comment standing alone ` +
            `on one line, like \`{/* ${token.name}:${token.verb} */}\`${inCode ? ` or \`// ${token.name}:${token.verb}\`` : ""}; ` +
            (inCode
              ? "to show it as text in a code block, put `{/* regions:off */}` before the block and `{/* regions:on */}` after it"
              : "to show it as text, put it in backticks"),
          attempted ? "error" : "warning"),
      );
      break;
    }
  }
  if (offSince !== null) {
    problems.push(
      diagnostic(file, at(offSince, 0), "docs/regions-off",
        "`regions:off` is never followed by `regions:on`: no region is recognised from here to the end of the file", "warning"),
    );
  }
  return { markers, problems, nearMisses };
}

/** Languages of code blocks that show Markdown. */
const MARKDOWN_LANGS = new Set(["md", "markdown", "mdx"]);

/** A Markdown comment opened before a token on its line: `{/*`, `<!--`, `[//]: #`. */
const MARKDOWN_COMMENT_OPENER = /\{\s*\/\*|<!--|\[\/\/\]:/;
/**
 * A line of Markdown that begins like a code comment (`// NAME:start`). `#` begins a heading
 * there: only `# NAME:start` alone, a code marker written in Markdown, counts (parseCodeMarker).
 */
const CODE_COMMENT_START = /^[ \t>]*(?:\/\/|\/\*)/;

/**
 * Pair start and end markers. Regions never nest, overlap or cross a code block's edge.
 * A start whose end never comes is reported once, as the cause: the regions after it
 * pair up as usual instead of each being reported as nested in it.
 */
export function pairRegions(
  file: string,
  markers: readonly Marker[],
  names?: Pick<RegionNames, "didYouMean">,
  nearMisses: LocatedMarkers["nearMisses"] = [],
): { regions: Region[]; problems: Diagnostic[] } {
  const regions: Region[] = [];
  const problems: Diagnostic[] = [];
  const report = (m: Marker, rule: string, message: string) =>
    problems.push(diagnostic(file, { line: m.line + 1, column: m.from + 1 }, rule, message));
  const label = (m: Marker) => `\`${m.name}:${m.verb}\``;
  /**
   * The marker's counterpart written one character off (`NAME：end`), which is why it has none: named with the
   * marker it stands for, as the run stops here and its own warning is not shown.
   */
  const nearMiss = (m: Marker) => {
    const other = m.verb === "start" ? "end" : "start";
    const fits = (n: NearMiss & { line: number }) => n.name === m.name && n.verb === other && (other === "end" ? n.line > m.line : n.line < m.line);
    // The nearest: the first after a start, the last before an end.
    const near = other === "end" ? nearMisses.find(fits) : nearMisses.findLast(fits);
    return near
      ? `; line ${near.line + 1} has \`${near.written}\`, which is not read as a marker: it has ${near.flaws.join(" and ")}; write \`${near.meant}\``
      : "";
  };
  const guess = (m: Marker) => nearMiss(m) || (names?.didYouMean(m.name) ?? "");
  const lastEnd = new Map<string, number>();
  markers.forEach((m, i) => m.verb === "end" && lastEnd.set(m.name, i));
  const endComes = (name: string, after: number) => (lastEnd.get(name) ?? -1) > after;
  /** Starts reported as nested, so that their ends are not reported a second time. */
  const nested = new Set<string>();
  let open: Marker | null = null;

  const closeUnfinished = (before: number) => {
    if (open?.fence && open.fence.close !== null && open.fence.close < before) {
      report(open, "docs/unclosed-region",
        `${label(open)} has no \`${open.name}:end\` in its code block (the block ends at line ${open.fence.close + 1})${guess(open)}`);
      open = null;
    }
  };

  for (const [i, m] of markers.entries()) {
    closeUnfinished(m.line);
    if (m.verb === "start") {
      if (open === null) open = m;
      else if (open.name === m.name) {
        report(m, "docs/duplicate-start", `${label(m)} appears again before \`${m.name}:end\`; the region started at line ${open.line + 1}`);
      } else if (!endComes(open.name, i)) {
        report(open, "docs/unclosed-region",
          `${label(open)} has no matching \`${open.name}:end\` before the next region starts (line ${m.line + 1})${guess(open)}`);
        open = m;
      } else {
        nested.add(m.name);
        report(m, "docs/nested-region",
          `region ${m.name} starts inside region ${open.name} (started at line ${open.line + 1}); regions cannot be nested or overlap`);
      }
      continue;
    }
    if (open !== null && open.name === m.name) {
      if (open.fence !== m.fence) {
        const where = (x: Marker) => (x.fence ? `in the code block at line ${x.fence.open + 1}` : "in Markdown text");
        report(m, "docs/split-region", `${label(m)} is ${where(m)} but its start (line ${open.line + 1}) is ${where(open)}; a region must start and end in the same place`);
      } else {
        regions.push({ name: m.name, start: open, end: m });
      }
      open = null;
    } else if (nested.delete(m.name)) {
      // Already reported at its start.
    } else if (open !== null && !endComes(open.name, i)) {
      // One name misspelled: the start and this end belong together.
      const misspelled = [open, m].find((x) => guess(x) !== "");
      report(open, "docs/mismatched-names",
        `${label(open)} ends at ${label(m)} (line ${m.line + 1}), whose name differs; ` +
          (misspelled ? `\`${misspelled.name}\` is no region name${guess(misspelled)}` : "give both the same name"));
      open = null;
    } else if (open !== null) {
      report(m, "docs/marker-in-region",
        `${label(m)} stands inside region ${open.name} (started at line ${open.line + 1}) and has no start of its own${guess(m)}`);
    } else {
      report(m, "docs/stray-end", `${label(m)} has no matching \`${m.name}:start\` before it${guess(m)}`);
    }
  }
  closeUnfinished(Number.POSITIVE_INFINITY);
  if (open !== null) {
    const o: Marker = open;
    report(o, "docs/unclosed-region", `${label(o)} has no matching \`${o.name}:end\` after it${guess(o)}`);
  }
  return { regions, problems };
}
