// Docs often show a config example as a fragment: the inside of an object
// (`agents: { … }`, `"moonshot/kimi-k2.6": { alias: "Kimi" },`) or of a list (the
// entries `{ id: "kimi-k2.6" },` to add under `models`) without the outer brackets,
// as the host's own pages do. Such a block is read as the object or list it stands
// in: the text wrapped in brackets, on lines of their own so that every position in
// the block moves down by one line and keeps its column.

/** The readings of a block's text to try, in order: as written, then as the inside of an object, then of a list. */
export const BLOCK_READINGS: ReadonlyArray<(text: string) => { source: string; linesAdded: number }> = [
  (text) => ({ source: text, linesAdded: 0 }),
  (text) => ({ source: `{\n${text}\n}`, linesAdded: 1 }),
  (text) => ({ source: `[\n${text}\n]`, linesAdded: 1 }),
];
