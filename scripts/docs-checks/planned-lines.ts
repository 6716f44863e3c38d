// The docs checks read a doc's planned content, but people read the file on disk:
// a problem's line in the planned content is moved back to the file's own line.
// Lines outside regions shift by what the regions above them grew or shrank; a
// problem inside generated text is reported at its region's start marker.
import type { RegionChange } from "../docs/doc.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import { movePlaces } from "../lib/message-places.ts";

interface Span {
  change: RegionChange;
  newStart: number;
  newEnd: number;
  /** Lines added (or, if negative, removed) by this region's new text. */
  growth: number;
}

const lineCount = (text: string) => text.split("\n").length;

export function toCurrentLine(d: Diagnostic, regions: readonly RegionChange[]): Diagnostic {
  if (regions.length === 0) return d;
  const spans: Span[] = regions.map((change) => ({
    change,
    newStart: change.newLine,
    newEnd: change.newLine + lineCount(change.after) - 1,
    growth: lineCount(change.after) - lineCount(change.before),
  }));
  // The marker lines are the file's own lines: only the lines between them are generated.
  const atMarker = spans.find((s) => d.line === s.newStart || d.line === s.newEnd);
  if (atMarker) {
    const line = d.line === atMarker.newStart ? atMarker.change.line : atMarker.change.endLine;
    return { ...d, line, ...(d.endLine !== undefined ? { endLine: line } : {}) };
  }
  const inside = spans.find((s) => d.line > s.newStart && d.line < s.newEnd);
  if (inside) {
    const { change } = inside;
    return {
      ...d,
      line: change.line,
      column: change.column,
      endLine: undefined,
      endColumn: undefined,
      message: `${d.message} (in the text \`gen\` generates for region ${change.name}, line ${d.line - inside.newStart} of it)`,
    };
  }
  const shift = spans.filter((s) => s.newEnd < d.line).reduce((n, s) => n + s.growth, 0);
  return { ...d, line: d.line - shift, ...(d.endLine !== undefined ? { endLine: d.endLine - shift } : {}), message: movePlaces(d.message, (l) => fileLine(l, spans)) };
}

/** A line of the planned content as a line of the file: a generated line is its region's start marker's. */
function fileLine(line: number, spans: readonly Span[]): number {
  const inside = spans.find((s) => line >= s.newStart && line <= s.newEnd);
  if (inside) return line === inside.newEnd ? inside.change.endLine : inside.change.line;
  return line - spans.filter((s) => s.newEnd < line).reduce((n, s) => n + s.growth, 0);
}
