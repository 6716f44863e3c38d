import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkSecrets, findSecrets, mask, mayHoldSecret } from "../scripts/docs-checks/secrets.ts";
import { formatDiagnostic } from "../scripts/lib/diagnostics.ts";
import { checkDocsIn, where, writeDocs } from "./support/docs-checks.ts";
import { runs } from "./support/fc.ts";
import { runCli, runGenWith, snapshot, tempProject } from "./support/run-cli.ts";

// Assembled at run time so that this file itself holds no key-shaped string.
const realLooking = ["sk", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9Pl1Mn8Bv"].join("-");
const realLookingKimi = ["sk", "kimi", "Zx81kQ0pLm2Nb7Vc4Xr9Ty6Ui3Op5As"].join("-");

describe("docs check: secrets", () => {
  it("never skips a text that holds a finding: the cheap scan matches whatever a key shape matches", () => {
    // Texts made of key prefixes, key characters, placeholders and assignments, in any order and case.
    const piece = fc.oneof(
      fc.constantFrom("sk-", "sk-kimi-", "AKIA", "ASIA", "ghp_", "github_pat_", "AIza", "xoxb-", "eyJ", ".eyJ", "-----BEGIN RSA PRIVATE KEY-----",
        "api_key=", "API-KEY: ", "secret=\"", "token: '", "password=", "passwd:", "...", "xxxx", " ", "\n", "-", "_", "."),
      fc.stringMatching(/^[A-Za-z0-9_+/=-]{1,40}$/),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(fc.property(text, fc.boolean(), (t, upper) => {
      const sample = upper ? t.toUpperCase() : t;
      if (findSecrets(sample).length > 0) expect(mayHoldSecret(sample)).toBe(true);
    }), runs(2000));
    // The case the cheap scan once missed: a password assigned, with no key prefix anywhere.
    expect(checkSecrets("page.md", `DB_PASSWORD=${realLooking.slice(3)}`).map((d) => d.rule)).toEqual(["docs/secret"]);
  });

  it("accepts the placeholders the docs use", () => {
    const text = [
      'env: { MOONSHOT_API_KEY: "sk-..." }',
      'apiKey: "${MOONSHOT_API_KEY}"',
      "$env:ANTHROPIC_API_KEY=\"sk-kimi-...\"",
      "ANTHROPIC_API_KEY=sk-kimi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "export KEY=sk-your-moonshot-api-key-goes-here",
      "maxTokens: 262144, token: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
    ].join("\n");
    expect(findSecrets(text)).toEqual([]);
  });

  it("fails a real-looking key with file:line and never prints it in full", async () => {
    const dir = writeDocs({
      "guide.md": `# Guide\n\nSet the key:\n\n\`\`\`bash\nexport MOONSHOT_API_KEY=${realLooking}\n\`\`\`\n`,
      "zh-CN/guide.md": `# 指南\n\n| 变量 | 值 |\n| --- | --- |\n| \`ANTHROPIC_API_KEY\` | \`${realLookingKimi}\` |\n`,
    });
    const diagnostics = await checkDocsIn(dir);
    expect(where(dir, diagnostics)).toEqual(["guide.md:6: docs/secret", "zh-CN/guide.md:5: docs/secret"]);
    expect(diagnostics[0]!.column).toBe("export MOONSHOT_API_KEY=".length + 1);
    const printed = diagnostics.map(formatDiagnostic).join("\n");
    expect(printed).not.toContain(realLooking);
    expect(printed).not.toContain(realLookingKimi);
    expect(printed).not.toContain(realLooking.slice(3, 12));
    expect(printed).toContain("sk-Q7… (51 characters)");
    expect(printed).toContain("sk-kimi-Zx… (39 characters)");
  });

  it("recognises other common key shapes and keys assigned to key-like names", () => {
    const aws = ["AKIA", "Q3MZ7XK2P9LD4WRT"].join("");
    const github = ["ghp", "0123456789abcdefghijABCDEFGHIJ012345"].join("_");
    const assigned = ["Zx81kQ0pLm2Nb7Vc4Xr9", "Ty6Ui3Op5As"].join("");
    const text = `a ${aws}\nb ${github}\nANTHROPIC_AUTH_TOKEN=${assigned}\n`;
    expect(findSecrets(text).map((f) => [f.kind, f.masked])).toEqual([
      ["AWS access key id", "AKIAQ3… (20 characters)"],
      ["GitHub token", "ghp_01… (40 characters)"],
      ["secret value", "Zx… (31 characters)"],
    ]);
  });

  it("reports a key of a known shape once, also where it is assigned to a key-like name", () => {
    // The host's Slack and Gemini examples (`botToken: "xoxb-..."`, `apiKey: "AIza..."`) with a real-looking value in place of the placeholder.
    const slack = ["xoxb", "1234567890", "1234567890123", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd"].join("-");
    const google = ["AIza", "SyQ7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye"].join("");
    const github = ["ghp", "0123456789abcdefghijABCDEFGHIJ012345"].join("_");
    const text = `botToken: "${slack}"\napiKey: "${google}"\nGITHUB_TOKEN=${github}\n`;
    expect(findSecrets(text).map((f) => f.kind)).toEqual(["Slack token", "Google API key", "GitHub token"]);
  });

  it("catches a secret assigned to AWS_SECRET_ACCESS_KEY or another *_SECRET_KEY / *_ACCESS_KEY name", () => {
    // A leaked pair as it was once published in a README; the access key id alone was caught, the secret was not.
    const secret = ["vTDydWJQnAer7OWauUS150i", "9Np7hfCXrrVVP6ed"].join("+");
    const text = `export AWS_SECRET_ACCESS_KEY="${secret}"\nSTRIPE_SECRET_KEY=${secret}\n`;
    expect(findSecrets(text).map((f) => [f.kind, f.masked])).toEqual([
      ["secret value", "vT… (40 characters)"],
      ["secret value", "vT… (40 characters)"],
    ]);
    // Their placeholders stay fine.
    expect(findSecrets('export AWS_ACCESS_KEY_ID="your-access-key"\nexport AWS_SECRET_ACCESS_KEY="your-secret-key"\nexport AWS_SECRET_ACCESS_KEY="<YOUR_SECRET>"\n')).toEqual([]);
  });

  it("catches a key given to a command-line flag such as --together-api-key, as the host's onboarding examples pass it", () => {
    // docs/providers/together.md: `openclaw onboard --non-interactive ... --together-api-key "$TOGETHER_API_KEY"`, with a real key pasted in.
    const key = ["tgp", "v1", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9"].join("_");
    const nvidia = ["nvapi", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9"].join("-");
    const text = `  --together-api-key "${key}"\nopenclaw onboard --auth-choice nvidia-api-key --token=${nvidia}\n`;
    expect(findSecrets(text).map((f) => [f.kind, f.masked])).toEqual([
      ["secret value", "tg… (47 characters)"],
      ["secret value", "nv… (46 characters)"],
    ]);
    // The flag's placeholders, and a word "token" in prose followed by other words, stay fine.
    const fine = [
      '  --together-api-key "$TOGETHER_API_KEY" \\',
      "  --huggingface-api-key <your-token>",
      "openclaw gateway call sessions.list --url ws://host:18789 --token your-gateway-token",
      "Paste the token Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9 is what a real one looks like.",
    ].join("\n");
    expect(findSecrets(fine)).toEqual([]);
  });

  it("reads a long run of key-like words once: a flag's name is looked for only before a space", () => {
    // A minified or generated line: each `token` in it once rescanned the run before it, a 1 MB run never finished.
    const run = "token".repeat(200_000);
    expect(findSecrets(`${run} value\n${"tokenaaaaaaaaaa".repeat(70_000)}:\n`)).toEqual([]);
  });

  it("catches a key sent as a bearer token in a curl example", () => {
    // The host's provider pages show `curl -H "Authorization: Bearer $NVIDIA_API_KEY"`; here with the key pasted in.
    const nvidia = ["nvapi", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9"].join("-");
    const text = `curl https://integrate.api.nvidia.com/v1/models -H "Authorization: Bearer ${nvidia}"\n`;
    expect(findSecrets(text).map((f) => [f.kind, f.masked])).toEqual([["secret value", "nv… (46 characters)"]]);
    const fine = ['curl -H "Authorization: Bearer $MOONSHOT_API_KEY"', "Authorization: Bearer <token>", "Send it as a Bearer token in the header."].join("\n");
    expect(findSecrets(fine)).toEqual([]);
  });

  it("takes jwt.io's example token for the placeholder it is, whatever payload it was given, and still reports another token", () => {
    // Pages explaining tokens paste jwt.io's example; its signature matches no other payload, so such a token is never valid.
    const signature = ["SflKxwRJSMeKKF2QT4fwpMeJf36POk6y", "JV_adQssw5c"].join("");
    const example = ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ", signature].join(".");
    const edited = ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNTE2MjM5MDIyfQ", signature].join(".");
    expect(findSecrets(`Authorization: Bearer ${example}\nTOKEN="${edited}"\n`)).toEqual([]);
    const other = ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJzdWIiOiJrYy0xIn0", "Q7m2Xc9Lp4Rt8Vb1Nz6Hs3Kd5Wf0Jg2Ye7Ua4Io9"].join(".");
    expect(findSecrets(`Authorization: Bearer ${other}\n`).map((f) => f.kind)).toEqual(["JSON Web Token"]);
  });

  it("masks all but a short prefix", () => {
    expect(mask("sk-abcdefghijklmnopqrstuvwxyz", 3)).toBe("sk-ab… (29 characters)");
  });
});

describe("docs check: secrets, through gen", () => {
  it("warns about a key in hand-written text of a page with regions at the line on disk, and prints no key", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    // The region grows when generated; the key is reported at its line in the file as it is.
    const page = ["# Page", "", "{/* kimi-code-ids:start */}", "{/* kimi-code-ids:end */}", "", `Key: \`${realLooking}\``, ""].join("\n");
    writeFileSync(join(project.docs, "page.md"), page);
    const result = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", project.docs]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(project.docs, "page.md")}:6:7: warning: possible API key sk-Q7…`);
    expect(result.stderr).toContain("[secret]");
    expect(result.stdout + result.stderr).not.toContain(realLooking);
  });

  it("stops gen --check and gen with exit 2 where the rule is an error, and writes nothing", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const page = ["# Page", "", "{/* kimi-code-ids:start */}", "{/* kimi-code-ids:end */}", "", `Key: \`${realLooking}\``, ""].join("\n");
    writeFileSync(join(project.docs, "page.md"), page);
    const before = snapshot(project.dir);
    for (const check of [true, false]) {
      const result = await runGenWith({ catalog: project.catalog, docs: project.docs, check, rules: { secret: { severity: "error" } } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${join(project.docs, "page.md")}:6:7: possible API key sk-Q7…`);
      expect(result.stdout + result.stderr).not.toContain(realLooking);
    }
    expect(snapshot(project.dir)).toEqual(before);
  });

  it("covers docs that hold no region too", async () => {
    const project = tempProject();
    mkdirSync(join(project.docs, "notes"), { recursive: true });
    writeFileSync(join(project.docs, "notes", "plain.md"), `# Notes\n\nKey: \`${realLooking}\`\n`);
    // Pages without regions are outside the rules' default scope; a project turns them on.
    expect((await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", project.docs])).code).toBe(0);
    const result = await runGenWith({ catalog: project.catalog, docs: project.docs, check: true, rules: { secret: { severity: "error", scope: "all" } } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(project.docs, "notes", "plain.md")}:3:7: possible API key`);
  });

  it("catches a key that would come from the catalog, at the region's start marker", async () => {
    const project = tempProject();
    mkdirSync(project.docs);
    const catalog = readFileSync(project.catalog, "utf8");
    writeFileSync(project.catalog, catalog.replace('"placeholder": "sk-kimi-..."', `"placeholder": "${realLookingKimi}"`));
    const page = ["```json5", "{", "  // kimi-code-env:start", "  // kimi-code-env:end", "}", "```", ""].join("\n");
    writeFileSync(join(project.docs, "page.md"), page);
    const result = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", project.docs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(project.docs, "page.md")}:3:3: possible API key sk-kimi-Zx…`);
    expect(result.stderr).toContain("in the text `gen` generates for region kimi-code-env");
    expect(result.stdout + result.stderr).not.toContain(realLookingKimi);
  });
});
