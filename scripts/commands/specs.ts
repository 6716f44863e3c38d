// The commands, their options and their usage texts (README's CLI reference is tested against these).
import type { CommandSpec } from "./spec.ts";

export const GEN: CommandSpec = {
  name: "gen",
  summary: "Regenerate the docs' generated regions and the JSON Schemas the configuration asks for.",
  options: {
    check: { type: "boolean", description: "write nothing; show what drifted (docs first); exit 1 on drift" },
    watch: { type: "boolean", description: "regenerate when the catalog, the configuration or a doc changes; Ctrl-C stops" },
    catalog: { type: "string", value: "FILE", description: "the model catalog (default: the configuration's, else the package's)" },
    docs: { type: "string", value: "DIR", multiple: true, description: "a docs folder to sync (default: the configuration's, else docs)" },
    exclude: { type: "string", value: "GLOB", multiple: true, description: "a glob of docs to leave alone (replaces the configuration's)" },
    json: { type: "boolean", description: "print the report as JSON" },
    verbose: { type: "boolean", description: "show every region's diff and long JSON Schema diffs in full, and name every file gen writes" },
  },
  notes: ["Under GitHub Actions (GITHUB_ACTIONS=true), problems are also printed as ::error annotations."],
};

export const VALIDATE: CommandSpec = {
  name: "validate",
  operands: "FILE...",
  summary: "Check config files (JSON, JSONC or JSON5; `-` for standard input) against the config schema.",
  options: {
    catalog: { type: "string", value: "FILE", description: "the model catalog (default: the configuration's, else the package's)" },
    env: { type: "boolean", description: "also report ${VAR} placeholders whose variable is not set" },
    json: { type: "boolean", description: "print the report as JSON" },
  },
};

export const COMMANDS: readonly CommandSpec[] = [GEN, VALIDATE];
