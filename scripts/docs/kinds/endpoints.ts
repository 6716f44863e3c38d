// `<group>-endpoints`: a table of the provider's endpoints, one row each, with the
// key each one takes: where it is read from, what it looks like, who issues it.
// Set side by side, two providers' tables show that their keys are not interchangeable.
import type { RegionKind } from "./kind.ts";
import { escapeText, inlineCode } from "./markdown.ts";
import { tableBelowHeader } from "./row-table.ts";

const TITLES = ["Endpoint", "Base URL", "API", "Key variable", "Key looks like", "Keys from"];

/** A link target Markdown cannot misread: parentheses would end it early. */
function linkUrl(url: string): string {
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

export const endpoints: RegionKind = {
  suffix: "endpoints",
  contexts: ["markdown"],
  render: ({ group, body }) => {
    const { apiKey } = group.provider;
    const issuer = `[${escapeText(apiKey.issuedBy)}](${linkUrl(apiKey.consoleUrl)})`;
    const rows = group.provider.endpoints.map((endpoint) => [
      escapeText(endpoint.label),
      inlineCode(endpoint.baseUrl),
      inlineCode(endpoint.api),
      inlineCode(apiKey.env),
      inlineCode(apiKey.placeholder),
      issuer,
    ]);
    return tableBelowHeader(body, TITLES, rows);
  },
};
