// One document as the engine plans it: its current and planned text, the regions
// whose text changes, where generated text stands in the planned text, and the
// messages each step found in it. The planning step above (gen/plan.ts), the
// reporters and the docs rules all read these shapes; the engine owns them.
import type { Diagnostic } from "../lib/diagnostics.ts";
import { contentKey } from "../lib/content-cache.ts";
import type { KeyedContent } from "../lib/write-files.ts";
import type { Marker, Region } from "./regions.ts";
import { ownCopy, type SourceLine } from "./text.ts";

/** A changed region inside a planned doc, for per-region reports. */
export interface RegionChange {
  name: string;
  /** 1-based line and column of the start marker in the current file. */
  line: number;
  column: number;
  /** 1-based line of the end marker in the current file. */
  endLine: number;
  /** 1-based line of the start marker in the new content. */
  newLine: number;
  /** The region from its start marker line to its end marker line, with `\n` line breaks. */
  before: string;
  after: string;
  /** Its two texts were dropped (both empty): a report that lists it without its diff. */
  textsDropped?: boolean;
}

/** 1-based lines `from`..`to` (inclusive) of a region's body in the planned content. */
export interface LineRange {
  from: number;
  to: number;
}

export interface PlannedFile {
  path: string;
  /** `schema` and `example`: whole generated files; `doc`: a page with generated regions. */
  kind: "schema" | "doc" | "example";
  /** Current content; null when the file does not exist yet. */
  before: string | null;
  after: string;
  /** For docs: the regions whose text changes (their body, or a marker's repaired spelling). */
  regions?: RegionChange[];
  /** For docs: the body of every region, in the planned content (empty for a doc without regions). */
  generated?: LineRange[];
  /** For docs: the doc groups its regions belong to (empty for a doc without regions). */
  groups?: string[];
  /**
   * For a changed doc kept for what follows the plan (see `retaining`): `before` and
   * `after` were dropped (both empty) to spare memory; see `isChanged`.
   */
  textsDropped?: boolean;
  /** What a write needs of the dropped texts: the planned one as UTF-8, the current one by its key. */
  bytes?: { before: KeyedContent; after: Buffer };
}

/** Whether `gen` would change the file. */
export function isChanged(file: PlannedFile): boolean {
  return file.textsDropped === true || file.before !== file.after;
}

/** What a changed doc keeps once planned, for what follows the plan. */
export interface Retained {
  /**
   * What a write needs of its texts: the planned one as UTF-8 bytes (a page with one
   * character outside Latin-1 is a string of two bytes a character, so most pages take
   * half the memory as UTF-8) and the current one by its key (the writer checks the file
   * still holds it, and keeps the old file under a second name while it writes); or
   * nothing (a region report).
   */
  texts: "bytes" | "none";
  /** How many of its changed regions keep their texts, for their diffs; the rest are listed by name only. */
  regionDiffs: number;
}

/** A changed doc with only what `retain` asks for: the rest of its texts is most of its memory. */
export function retaining<T extends Doc>(doc: T, retain: Retained): T {
  // A region's texts are views into the page's texts, which they would keep whole in memory: copies are kept.
  const regions = doc.regions.map((r, i) => (i < retain.regionDiffs
    ? { ...r, before: ownCopy(r.before), after: ownCopy(r.after) }
    : { ...r, before: "", after: "", textsDropped: true }));
  const dropped = { ...doc, before: "", after: "", regions, textsDropped: true };
  return retain.texts === "none" ? dropped : { ...dropped, bytes: { before: { key: contentKey(doc.before) }, after: Buffer.from(doc.after) } };
}

/**
 * A doc as it flows through the pipeline — scan, regions, render, splice, rules —
 * carrying its own positioned messages, each with its rule id.
 */
export interface Doc extends PlannedFile {
  kind: "doc";
  before: string;
  /** The planned content; the current one while the doc has errors. */
  after: string;
  regions: RegionChange[];
  generated: LineRange[];
  groups: string[];
  /** How many regions the doc holds (changed or not). */
  regionCount: number;
  /** Words its regions needed that its language lacks, each at the first region that needed it. */
  fallbacks: WordFallback[];
  messages: Diagnostic[];
}

/** A word a page's language lacks, so English stands in, at the region that needed it. */
export interface WordFallback {
  locale: string;
  key: string;
  line: number;
  column: number;
}

/** A doc before anything is planned: `after` is `before`, no regions yet. */
export function newDoc(path: string, text: string): Doc {
  return { path, kind: "doc", before: text, after: text, regions: [], generated: [], groups: [], regionCount: 0, fallbacks: [], messages: [] };
}

export function hasErrors(doc: Doc): boolean {
  return doc.messages.some((m) => m.severity === "error");
}

/** A document's markers and regions, before anything is rendered. */
export interface LocatedDoc {
  path: string;
  text: string;
  lines: SourceLine[];
  markers: Marker[];
  regions: Region[];
  diagnostics: Diagnostic[];
}

