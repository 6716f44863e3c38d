// The zod schema of a project's configuration file, kimi-config-sync.config.jsonc.
// Strict everywhere, so a typo is an error with a did-you-mean, never ignored.
import { z } from "zod";
import { matching } from "../../schema/atoms.ts";
import { DOC_RULES } from "../docs-checks/registry.ts";

export { BUNDLED_CATALOG, PROJECT_CONFIG_FILE, PROJECT_CONFIG_SCHEMA_FILE } from "./names.ts";

const Path = z.string().min(1);
/** `gen` writes a JSON Schema there: a `.json` file, so that it can never be a docs page, a `.jsonc` catalog or this file. */
const SchemaPath = matching(/\.json$/i, "a JSON Schema is written to this path: give one ending in `.json`");

const Severity = z.enum(["error", "warn", "off"]).describe("`error` stops the run (exit 2), `warn` prints a warning, `off` skips the rule.");
const Scope = z
  .enum(["generated", "pages-with-regions", "all"])
  .describe("What the rule reads: `generated` region bodies only, `pages-with-regions` whole pages that hold a region, `all` every doc.");

const RuleSetting = z.union([
  Severity,
  z.strictObject({ severity: Severity.optional(), scope: Scope.optional() }).describe("The rule's severity and scope."),
]);

export const ProjectConfig = z
  .strictObject({
    $schema: z.string().optional().describe("The JSON Schema of this file, for editors: `./node_modules/kimi-config-sync/schema/kimi-config-sync.config.schema.json`."),
    catalog: Path.optional().describe(
      "The model catalog, relative to this file, or `bundled` (the default) for the catalog shipped in the package.",
    ),
    docs: z.array(Path).min(1).optional().describe("Docs folders to sync, relative to this file (default `[\"docs\"]`)."),
    exclude: z.array(Path).optional().describe("Glob patterns of docs to leave alone, relative to this file, e.g. `docs/archive/**`."),
    schemas: z
      .strictObject({
        catalog: SchemaPath.optional().describe("Where to write the catalog's JSON Schema; absent: not written."),
        config: SchemaPath.optional().describe("Where to write the JSON Schema of the host's config file; absent: not written."),
        projectConfig: SchemaPath.optional().describe("Where to write the JSON Schema of this configuration file; absent: not written."),
      })
      .optional()
      .describe("Which JSON Schemas `gen` writes, and where, relative to this file. Without this key none is written."),
    rules: z
      .strictObject(Object.fromEntries(DOC_RULES.map((rule) => [rule.id, RuleSetting.optional().describe(rule.description)])))
      .optional()
      .describe("Docs rules by id: `\"error\"`, `\"warn\"`, `\"off\"`, or `{ \"severity\": ..., \"scope\": ... }`."),
    regions: z
      .record(
        z.string().min(1),
        z
          .strictObject({
            columns: z.array(z.string().min(1)).min(1).optional().describe("The columns of a table region, in order, e.g. `[\"ref\", \"name\"]`."),
          })
          .describe("Settings of one region."),
      )
      .optional()
      .describe("Settings of regions by name."),
    defaultLocale: z
      .string()
      .min(1)
      .optional()
      .describe("The language of pages whose path and front matter name none, as a BCP 47 tag (default `en`)."),
    fixCommand: z
      .string()
      .min(1)
      .optional()
      .describe("The command the drift summary tells people to run, e.g. `pnpm docs:gen` (default: the command that was run)."),
  })
  .describe("Settings of kimi-config-sync for this repository.");

export type ProjectConfig = z.infer<typeof ProjectConfig>;
