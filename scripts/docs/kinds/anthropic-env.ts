// `<group>-anthropic-env`: the environment variables that point an
// Anthropic-compatible client (Claude Code and the like) at the provider's
// `anthropic-messages` endpoint with the provider's key. In Markdown, a table
// (rows generated, header kept as written); in a shell code block, the commands
// that set them: `export` in bash/sh/zsh, `$env:` in PowerShell, or with
// `scope=user` on the start marker, PowerShell's permanent per-user setting.
import type { RegionKind } from "./kind.ts";
import { endpointFor } from "./client-endpoint.ts";
import { inlineCode } from "./markdown.ts";
import { tableBelowHeader } from "./row-table.ts";

const POSIX_SHELLS = new Set(["bash", "sh", "zsh", "shell", "console"]);
const POWERSHELL = new Set(["powershell", "pwsh", "ps1"]);

/** Inside double quotes, bash expands `$`, `` ` `` and `\`; PowerShell expands `$` and escapes with `` ` ``. */
const posixQuoted = (value: string) => `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
const powershellQuoted = (value: string) => `"${value.replace(/[`"$]/g, (c) => `\`${c}`)}"`;

export const anthropicEnv: RegionKind = {
  suffix: "anthropic-env",
  contexts: ["markdown", "code"],
  options: ["scope"],
  render: ({ group, context, lang, options, body }) => {
    const endpoint = endpointFor(group.provider, "Claude Code", "anthropic-messages");
    if ("error" in endpoint) return endpoint;
    const variables: Array<[string, string]> = [
      ["ANTHROPIC_BASE_URL", endpoint.baseUrl],
      ["ANTHROPIC_API_KEY", group.provider.apiKey.placeholder],
    ];
    const scope = options.scope ?? "session";
    if (scope !== "session" && scope !== "user") return { error: `scope must be "session" or "user", not "${scope}"` };
    if (scope === "user" && !POWERSHELL.has(lang)) return { error: "scope=user is for PowerShell code blocks" };

    if (context === "markdown") {
      return tableBelowHeader(body, ["Variable", "Value"], variables.map(([name, value]) => [inlineCode(name), inlineCode(value)]));
    }
    if (POSIX_SHELLS.has(lang)) return { lines: variables.map(([name, value]) => `export ${name}=${posixQuoted(value)}`) };
    if (POWERSHELL.has(lang)) {
      return {
        lines: variables.map(([name, value]) =>
          scope === "user"
            ? `[Environment]::SetEnvironmentVariable("${name}", ${powershellQuoted(value)}, "User")`
            : `$env:${name}=${powershellQuoted(value)}`,
        ),
      };
    }
    return { error: `renders only in bash, sh, zsh or PowerShell code blocks, not in \`${lang || "plain"}\` ones` };
  },
};
