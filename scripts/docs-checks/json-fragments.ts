// Docs often show a config example as a fragment: the inside of an object
// (`agents: { … }`, `"moonshot/kimi-k2.6": { alias: "Kimi" },`) without the outer
// braces, as the host's own pages do. Such a block is read as the object it stands
// in: the text wrapped in braces, on lines of its own so that every position in the
// block moves down by one line and keeps its column.

/** The readings of a block's text to try, in order: as written, then as a fragment. */
export const BLOCK_READINGS: ReadonlyArray<(text: string) => { source: string; linesAdded: number }> = [
  (text) => ({ source: text, linesAdded: 0 }),
  (text) => ({ source: `{\n${text}\n}`, linesAdded: 1 }),
];
