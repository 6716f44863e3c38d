// Paths as reports show them, and which folder a path lies in: only a `..` segment leads
// out of a folder, not a name that begins with two dots.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { relativeWithin, within } from "../scripts/lib/within.ts";
import { displayPath } from "../scripts/report/gen-report.ts";

describe("a path under a folder", () => {
  it("is shown relative to it, also when its name begins with two dots", () => {
    expect(relativeWithin("/repo/docs/a.md", "/repo")).toBe("docs/a.md");
    expect(relativeWithin("/repo/..notes.md", "/repo")).toBe("..notes.md");
    expect(relativeWithin("/repo", "/repo")).toBe(".");
    expect(relativeWithin("/elsewhere/a.md", "/repo")).toBe("/elsewhere/a.md");
    expect(within("/repo/..x/a.md", "/repo")).toBe(true);
    expect(within("/a.md", "/repo")).toBe(false);
    expect(displayPath(join(process.cwd(), "..draft.md"))).toBe("..draft.md");
  });
});
