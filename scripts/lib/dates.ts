// Dates in the catalog are YYYY-MM-DD (UTC).

const DAY_MS = 86_400_000;

/**
 * Whether a YYYY-MM-DD date is still to come: a retirement announced for later is told in the future tense.
 * Date.parse reads a date-only string as midnight UTC, so the date is to come when it starts after today
 * does. (Not by formatting today with toISOString: a process's first Date object costs ~1 ms to set up.)
 */
export function isFuture(date: string, now = Date.now()): boolean {
  return Date.parse(date) > Math.floor(now / DAY_MS) * DAY_MS;
}

/**
 * Why a string written YYYY-MM-DD names no day ("February 2026 has 28 days"), or
 * undefined when it is not written that way or is a real day.
 */
export function calendarProblem(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `${date} has no month ${month}: months run from 01 to 12`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
    return `${date} is not a day: ${monthName} ${year} has ${daysInMonth} days`;
  }
  return undefined;
}
