// The file's top level and `agents.defaults` are left open (the host has many keys
// this tool does not describe), but the host refuses keys it does not know there. A
// key one or two letters away from a section this tool checks (`modles`) is most
// likely that section misspelt: its content would go unchecked here and the host
// would not start. Keys of the host's own near those names are never reported.
import { distance } from "fastest-levenshtein";
import type { JsonPath } from "../lib/json-source.ts";
import { valueAt } from "../lib/json-values.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";

interface Place {
  path: JsonPath;
  /** The keys this tool checks there. */
  sections: readonly string[];
  /** Keys of the host's there that are close to a section's name. */
  hostKeys: readonly string[];
}

const PLACES: readonly Place[] = [
  { path: [], sections: ["models", "agents", "env"], hostKeys: ["meta", "ui", "cli", "mcp"] },
  // Per-agent settings: `entries` in the host's newer releases, `list` before them.
  { path: ["agents"], sections: ["defaults", "entries", "list"], hostKeys: ["ownership"] },
  { path: ["agents", "defaults"], sections: ["model", "models", "imageModel", "pdfModel"], hostKeys: [] },
];


export function misspeltSections(config: unknown): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  for (const place of PLACES) {
    const object = valueAt(config, place.path);
    if (!isRecord(object)) continue;
    for (const key of Object.keys(object)) {
      if (place.sections.includes(key) || place.hostKeys.includes(key) || key.length < 3) continue;
      const near = (section: string) => (key.toLowerCase() === section.toLowerCase() ? 0 : distance(key, section));
      const meant = place.sections
        .filter((section) => near(section) <= (section.length > 4 ? 2 : 1))
        // Closest first; between equals, the one as long as the key (`modles` is `models` with two letters swapped).
        .sort((a, b) => near(a) - near(b) || Math.abs(a.length - key.length) - Math.abs(b.length - key.length))[0];
      if (meant === undefined) continue;
      findings.push({
        path: [...place.path, key],
        part: "key",
        rule: "config/misspelt-section",
        severity: "warning",
        message: `did you mean "${meant}"? "${key}" is no key the host knows here, so it would refuse the file, and what it holds is not checked`,
      });
    }
  }
  return findings;
}
