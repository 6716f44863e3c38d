// `<group>-endpoints`: a table of the provider's endpoints, one row each, with the
// key each one takes: where it is read from, what it looks like, where it is made,
// and the currency the endpoint bills in. A region's keys work only on that
// region's endpoints, so each row carries its own key source. An endpoint that
// refuses ordinary clients says so in its row.
import { endpointKey } from "../../catalog/model.ts";
import { endpointWordKey } from "../../catalog/locales.ts";
import type { RegionKind } from "./kind.ts";
import { escapeText, inlineCode } from "./markdown.ts";
import { tableBelowHeader } from "./row-table.ts";

const COLUMNS = ["endpoint", "base-url", "api", "key-variable", "key-looks-like", "keys-from", "currency"];

/** A link target Markdown cannot misread: parentheses would end it early. */
function linkUrl(url: string): string {
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/** `platform.kimi.ai/console/api-keys`: where keys are made, as link text that reads the same in every language. */
function consoleLink(url: string): string {
  const { host, pathname } = new URL(url);
  const text = `${host.replace(/^www\./, "")}${pathname.replace(/\/$/, "")}`;
  return `[${escapeText(text)}](${linkUrl(url)})`;
}

export const endpoints: RegionKind = {
  suffix: "endpoints",
  contexts: ["markdown"],
  render: ({ group, body, words }) => {
    const { provider } = group;
    const priceCurrency = group.models[0]?.cost.currency ?? "USD";
    const rows = provider.endpoints.map((endpoint) => {
      const key = endpointKey(provider, endpoint);
      const label = words.word(endpointWordKey(provider.id, endpoint.id));
      const shown = endpoint.refuses
        ? words.word("endpoint.refused").replace("{label}", label).replace("{status}", String(endpoint.refuses.status))
        : label;
      return [
        escapeText(shown),
        inlineCode(endpoint.baseUrl),
        inlineCode(endpoint.api),
        inlineCode(key.env),
        inlineCode(key.placeholder),
        consoleLink(key.consoleUrl),
        endpoint.currency ?? priceCurrency,
      ];
    });
    return tableBelowHeader(body, COLUMNS.map((c) => words.word(`column.${c}`)), rows);
  },
};
