// Docs files as adopters' repositories hold them, through the real command line:
// front matter, odd file names, files that vanish while `gen` runs. Every case ends
// in a clear message at file:line:column, or in bytes left exactly as they were.
import { constants } from "node:buffer";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { spawnCli } from "./support/child-cli.ts";
import { docProject, type DocProject } from "./support/doc-project.ts";
import { fuzzing } from "./support/fc.ts";
import { repoRoot, runCli } from "./support/run-cli.ts";

const CATALOG = join(repoRoot, "test", "fixtures", "hostile", "catalog.jsonc");
const STACK = /\n\s+at .+[(:]\d+/;

let shared: Promise<DocProject> | undefined;
/** One project for the whole file; each case writes its own pages (`->target`: a symbolic link), runs on them alone, and removes them. */
async function genOn(pages: Record<string, string | Buffer>, ...flags: string[]) {
  const project = await (shared ??= docProject(CATALOG));
  const docs = mkdtempSync(join(project.dir, "case-"));
  for (const [name, content] of Object.entries(pages)) {
    mkdirSync(dirname(join(docs, name)), { recursive: true });
    if (typeof content === "string" && content.startsWith("->")) symlinkSync(content.slice(2), join(docs, name));
    else writeFileSync(join(docs, name), content);
  }
  const result = await runCli(["gen", ...flags, "--catalog", project.catalog, "--docs", docs]);
  const files = Object.keys(pages).filter((name) => !String(pages[name]).startsWith("->"));
  const after = Object.fromEntries(files.map((name) => [name, readFileSync(join(docs, name))]));
  rmSync(docs, { recursive: true, force: true });
  expect(result.stderr).not.toMatch(STACK);
  return { ...result, docs, after };
}

describe("markers in front matter", () => {
  it("a marker comment in YAML front matter is named, not silently left unsynced", async () => {
    const page = "---\ntitle: Models\nmodels:\n  # demo-ids:start\n  - old\n  # demo-ids:end\n---\n\nText.\n";
    const r = await genOn({ "page.md": page });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(r.docs, "page.md")}:4:3: \`demo-ids:start\` stands in the page's front matter`);
    expect(r.stderr).toContain(`${join(r.docs, "page.md")}:6:3: \`demo-ids:end\` stands in the page's front matter`);
    expect(r.after["page.md"]!.toString()).toBe(page);
  });

  it("a Markdown-comment marker in front matter is named too; a region below the front matter is not held up by prose in it", async () => {
    const marker = await genOn({ "page.mdx": "---\ntitle: x\n{/* demo-ids:start */}\n---\n\nText.\n" }, "--check");
    expect(marker.code).toBe(2);
    expect(marker.stderr).toContain(":3:1: `demo-ids:start` stands in the page's front matter");

    const prose = "---\ntitle: x\nnote: see demo-ids:start below\n---\n\n{/* demo-ids:start */}\n{/* demo-ids:end */}\n";
    const fine = await genOn({ "page.md": prose }, "--check");
    expect(fine.code, fine.stderr).toBe(1);
    expect(fine.stderr).not.toContain("front matter");
  });
});

describe("file names holding control characters", () => {
  const REGION = "{/* demo-ids:start */}\n{/* demo-ids:end */}\n";
  it("are shown quoted and escaped in text, so a name cannot break the report's lines or drive the terminal; JSON keeps them as they are", async () => {
    const names = ["new\nline.md", "esc\u001b[2Jred.md", "bidi\u202egpj.md"];
    const r = await genOn(Object.fromEntries(names.map((name) => [name, REGION])), "--check");
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
    expect(r.stdout).toContain(`"${join(r.docs, "new\\nline.md")}":1: region demo-ids is out of date`);
    expect(r.stdout).toContain(`"${join(r.docs, "esc\\u001b[2Jred.md")}":1: region demo-ids is out of date`);
    expect(r.stdout).toContain(`"${join(r.docs, "bidi\\u202egpj.md")}":1: region demo-ids is out of date`);
    expect(r.stdout).toMatch(/^\+\+\+ ".*new\\nline\.md"$/m);

    const malformed = await genOn({ "new\nline.md": "{/* demo-ids:start */}\n" }, "--check");
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(`"${join(malformed.docs, "new\\nline.md")}":1:1: \`demo-ids:start\` has no matching`);

    const json = await genOn(Object.fromEntries(names.map((name) => [name, REGION])), "--check", "--json");
    expect(JSON.parse(json.stdout).files.map((f: { path: string }) => f.path).sort()).toEqual(names.map((n) => join(json.docs, n)).sort());
  });

  it("are percent-encoded in GitHub annotations, ESC and bidirectional overrides as the line breaks are", async () => {
    const names = ["new\nline.md", "esc\u001b[2Jred.md", "bidi\u202egpj.md"];
    vi.stubEnv("GITHUB_ACTIONS", "true");
    try {
      const r = await genOn(Object.fromEntries(names.map((name) => [name, "{/* demo-ids:start */}\n"])), "--check");
      expect(r.code).toBe(2);
      const annotations = r.stdout.split("\n").filter((line) => line.startsWith("::"));
      expect(annotations).toHaveLength(3);
      for (const line of annotations) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/u);
      const files = annotations.map((line) => /file=([^,]*)/.exec(line)![1]!.slice(r.docs.length + 1).replace(/%3A/g, ":")).sort();
      expect(files).toEqual(["bidi%E2%80%AEgpj.md", "esc%1B[2Jred.md", "new%0Aline.md"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("are shown escaped by validate too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kcs-names-"));
    const file = join(dir, "bad\u001b[31m.json5");
    writeFileSync(file, "{ agents: { defaults: { model: \"moonshot/kimi-k9\" } } }\n");
    const r = await runCli(["validate", file]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout + r.stderr).not.toContain("\u001b");
    expect(r.stdout + r.stderr).toContain(`"${join(dir, "bad\\u001b[31m.json5")}":1:32`);
  });
});

describe("links into folders the walk passes by", () => {
  const REGION = "{/* demo-ids:start */}\n{/* demo-ids:end */}\n";
  it("a page linked from the docs whose file is in a hidden folder is synced through its own path", async () => {
    const r = await genOn({ ".partials/ids.md": REGION, "guide/ids.md": "->../.partials/ids.md" }, "--check");
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`${join(r.docs, ".partials", "ids.md")}:1: region demo-ids is out of date`);
  });

  it("a folder linked from the docs that is hidden, or node_modules, is read through its own path; twice linked, once", async () => {
    const r = await genOn({
      ".shared/a.md": REGION,
      "node_modules/pkg/b.md": REGION,
      "guide/shared": "->../.shared",
      "guide/again": "->../.shared",
      "guide/pkg": "->../node_modules/pkg",
    }, "--check", "--json");
    expect(r.code, r.stderr).toBe(1);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual([join(r.docs, ".shared", "a.md"), join(r.docs, "node_modules", "pkg", "b.md")]);
  });

  it("a page linked both alone and through its folder is read once", async () => {
    for (const order of [["a-page.md", "b-folder"], ["b-page.md", "a-folder"]]) {
      const r = await genOn({ ".shared/x.md": REGION, [`guide/${order[0]}`]: "->../.shared/x.md", [`guide/${order[1]}`]: "->../.shared" }, "--check", "--json");
      expect(r.code, r.stderr).toBe(1);
      expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([join(r.docs, ".shared", "x.md")]);
    }
  });

  it("a link to a named pipe called .md in a hidden folder is no doc: never opened, so the run cannot wait on it", async () => {
    const project = await (shared ??= docProject(CATALOG));
    const docs = mkdtempSync(join(project.dir, "case-"));
    mkdirSync(join(docs, ".pipes"));
    execFileSync("mkfifo", [join(docs, ".pipes", "p.md")]);
    symlinkSync("./.pipes/p.md", join(docs, "p.md"));
    writeFileSync(join(docs, "page.md"), REGION);
    const run = spawnCli(["gen", "--check", "--catalog", project.catalog, "--docs", docs]);
    const timer = setTimeout(() => run.child.kill("SIGKILL"), 15_000);
    const r = await run.done;
    clearTimeout(timer);
    rmSync(docs, { recursive: true, force: true });
    expect(r.signal).toBe(null);
    expect(r.code, r.stderr).toBe(1);
  });

  it("without a link to them, hidden folders and node_modules stay unread", async () => {
    const r = await genOn({ ".vitepress/x.md": REGION, "node_modules/pkg/README.md": REGION, "page.md": "Text.\n" }, "--check");
    expect(r.code, r.stderr).toBe(0);
  });
});

describe.runIf(fuzzing)("a page too large to be text", () => {
  // A sparse file: the marker, then zeros up to one byte more than a JavaScript string may hold. It is read
  // twice, half a gigabyte each time (tens of seconds), so it is one of the size cases of `pnpm test:fuzz`.
  it("a page over the longest string Node.js can make is named, with what to do: exit 2, not an internal error", async () => {
    const project = await (shared ??= docProject(CATALOG));
    const docs = mkdtempSync(join(project.dir, "case-"));
    const page = join(docs, "dump.md");
    writeFileSync(page, "{/* demo-ids:start */}\n{/* demo-ids:end */}\n");
    truncateSync(page, constants.MAX_STRING_LENGTH + 1);
    try {
      const r = await runCli(["gen", "--check", "--catalog", project.catalog, "--docs", docs]);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${page}:1:1: cannot read the file: it is too large to read as text`);
      expect(r.stderr).toContain("leave it out with `exclude`");
      const json = await runCli(["gen", "--check", "--json", "--catalog", project.catalog, "--docs", docs]);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout).diagnostics[0].rule).toBe("docs/unreadable");
    } finally {
      rmSync(docs, { recursive: true, force: true });
    }
  }, 300_000);
});
