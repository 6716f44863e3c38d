// How many columns text takes on screen in a monospace font (CJK characters and
// most emoji take two), for tables whose cells are padded to line up. Its own
// module so that the bundle sets string-width up only when a table needs it
// (see DEFERRED_MODULES in scripts/build.mjs).
import stringWidth from "string-width";

export function displayWidth(text: string): number {
  return stringWidth(text);
}
