// The configuration file's JSON Schema, for editors (completion and checks while
// typing). Generated from the zod schema the loader uses, so the two cannot disagree.
import { z } from "zod";
import { ProjectConfig } from "./schema.ts";

let built: Record<string, unknown> | undefined;

/** Built once per run: the loader asks it for key names, gen serializes it. */
export function projectConfigJsonSchema(): Record<string, unknown> {
  return (built ??= build());
}

function build(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(ProjectConfig, { io: "input", target: "draft-07" }) as Record<string, unknown>;
  const schema = { $schema, title: "kimi-config-sync configuration", ...rest, allowComments: true, allowTrailingCommas: true };
  withMarkdownDescriptions(schema);
  return schema;
}

/** VS Code shows `markdownDescription` rendered (the descriptions use `code` spans). */
function withMarkdownDescriptions(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(withMarkdownDescriptions);
  if (node === null || typeof node !== "object") return;
  const schema = node as Record<string, unknown>;
  if (typeof schema.description === "string") schema.markdownDescription = schema.description;
  Object.values(schema).forEach(withMarkdownDescriptions);
}
