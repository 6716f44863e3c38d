// Catalog dates (YYYY-MM-DD, UTC): which are still to come, and which name no day.
import { describe, expect, it } from "vitest";
import { calendarProblem, isFuture } from "../scripts/lib/dates.ts";

describe("a catalog date", () => {
  it("is to come from the day before it, in UTC, to its last millisecond; on the day itself it has come", () => {
    const at = (iso: string) => Date.parse(iso);
    expect(isFuture("2026-11-30", at("2026-11-29T00:00:00Z"))).toBe(true);
    expect(isFuture("2026-11-30", at("2026-11-29T23:59:59.999Z"))).toBe(true);
    expect(isFuture("2026-11-30", at("2026-11-30T00:00:00Z"))).toBe(false);
    expect(isFuture("2026-11-30", at("2026-11-30T23:59:59.999Z"))).toBe(false);
    expect(isFuture("2026-11-30", at("2027-01-01T00:00:00Z"))).toBe(false);
    // Across a year and a leap day.
    expect(isFuture("2028-01-01", at("2027-12-31T12:00:00Z"))).toBe(true);
    expect(isFuture("2028-03-01", at("2028-02-29T12:00:00Z"))).toBe(true);
    expect(isFuture("2028-02-29", at("2028-02-29T12:00:00Z"))).toBe(false);
  });

  it("that names no day is said so, with the month's length", () => {
    expect(calendarProblem("2026-02-29")).toBe("2026-02-29 is not a day: February 2026 has 28 days");
    expect(calendarProblem("2026-13-01")).toBe("2026-13-01 has no month 13: months run from 01 to 12");
    expect(calendarProblem("2028-02-29")).toBeUndefined();
  });
});
