// Dates in the catalog are YYYY-MM-DD (UTC), so they compare as strings.

/** Today's date in UTC, as YYYY-MM-DD. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD date is still to come: a retirement announced for later is told in the future tense. */
export function isFuture(date: string, today = todayUtc()): boolean {
  return date > today;
}
