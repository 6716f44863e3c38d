// Which `:start`/`:end` tokens the engine classifies at all: text that is neither on a
// marker-shaped line nor named like a region is dropped before any parse.
import { describe, expect, it } from "vitest";
import { findCandidates } from "../scripts/docs/markers.ts";
import { relevantCandidates } from "../scripts/docs/scan.ts";
import { splitLines } from "../scripts/docs/text.ts";

const REGION = /-(ids|models)$/;
const relevant = (text: string) => {
  const lines = splitLines(text);
  return relevantCandidates(text, lines, findCandidates(text, lines), (name) => REGION.test(name)).map((c) => `${c.name}:${c.verb}`);
};

describe("relevant marker candidates", () => {
  it("drops incidental text, in prose, inline code, JSX and shell fences", () => {
    const text = [
      "Start with `npm run dev:start`; the log shows session:end.",
      "<Tip>Run `npm run dev:start` first.</Tip>",
      "```bash",
      "npm run dev:start",
      "```",
    ].join("\n");
    expect(relevant(text)).toEqual([]);
  });

  it("keeps every marker-shaped line, whatever its name, and the off/on directives", () => {
    const text = [
      "{/* a-ids:start */}",
      '[//]: # "a-ids:end"',
      "    // dev:start",
      "# build:end",
      "{/* regions:off */}",
      "{/* regions:on */}",
    ].join("\n");
    expect(relevant(text)).toEqual(["a-ids:start", "a-ids:end", "dev:start", "build:end", "regions:off", "regions:on"]);
  });

  it("keeps names that look like a region's, so a misspelt marker is still reported", () => {
    expect(relevant("Text x-ids:start and more x-models:end text, and dev:start.")).toEqual(["x-ids:start", "x-models:end"]);
  });

  it("keeps near misses of a marker and lines with a lone carriage return, which are reported", () => {
    expect(relevant("{/* demo-\u200bids:start */}\n")).toEqual(["ids:start"]);
    expect(relevant("{/* demo:START */}\n")).toEqual(["demo:start"]);
    expect(relevant("text dev:start\rmore\n")).toEqual(["dev:start"]);
  });
});
