// An oracle independent of the engine: a document with each region body cut out,
// found by the plain text of its marker lines, so tests can compare every byte
// outside region bodies before and after `gen`.

/** The text with the lines between each `NAME:start` and `NAME:end` line replaced by one mark. */
export function outsideBodies(text: string, names: readonly string[]): string {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  let open: string | null = null;
  for (const line of lines) {
    if (open !== null) {
      if (line.includes(`${open}:end`)) {
        out.push("<body>\n", line);
        open = null;
      }
      continue;
    }
    out.push(line);
    open = names.find((name) => line.includes(`${name}:start`)) ?? null;
  }
  if (open !== null) throw new Error(`region ${open} has no end`);
  return out.join("");
}

/** The lines of a region's body (between its marker lines), without line endings. */
export function regionBodyLines(text: string, name: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.includes(`${name}:start`));
  const end = lines.findIndex((line, i) => i > start && line.includes(`${name}:end`));
  if (start === -1 || end === -1) throw new Error(`no region ${name}`);
  return lines.slice(start + 1, end);
}

/** The rows of the first table in a region's body, each line as written. */
export function tableRows(body: readonly string[]): string[] {
  return body.map((line) => line.trim()).filter((line) => line.startsWith("|"));
}

/** Cells of a table row (outer pipes optional, `\|` not a separator). */
export function cells(row: string): string[] {
  return row.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "").split(/(?<!\\)\|/).map((c) => c.trim());
}
