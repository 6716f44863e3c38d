// The docs rules (see rule.ts for how to add one).
import { inactiveModelRule } from "./inactive-models.ts";
import { jsonBlocksRule } from "./json-blocks.ts";
import { mdxRule } from "./mdx-compiles.ts";
import type { DocRule } from "./rule.ts";
import { secretRule } from "./secrets.ts";

export const DOC_RULES: readonly DocRule[] = [mdxRule, jsonBlocksRule, secretRule, inactiveModelRule];
