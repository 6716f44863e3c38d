// Appending one array to another. `target.push(...items)` passes each item as an
// argument, and V8 throws a RangeError past about 100,000 of them: a page whose
// region holds 150,000 hand-written rows gives a note for each.

/** Pushes every item of `items` onto `target`, and returns `target`. */
export function appendAll<T>(target: T[], ...lists: ReadonlyArray<Iterable<T>>): T[] {
  for (const items of lists) for (const item of items) target.push(item);
  return target;
}
