// Docs may show only placeholder credentials (`sk-...`, `sk-kimi-xxxx`,
// `${MOONSHOT_API_KEY}`). Anything shaped like a real key is reported with its
// position and a masked form: the key itself is never part of a message.
//
// Never a finding: a match across a line break (`MY_API_TOKEN=` with the next line's
// `OPENCLAW_GATEWAY_BIND=lan`), a variable name or a path (`channels/telegram/botToken`),
// a placeholder (`${VAR}`, `<your-key>`, `...`, `xxx`, `example`, `not-real`), or
// anything on a line that carries `pragma: allowlist secret`.
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import type { DocRule } from "./rule.ts";
import { positionFinder } from "./text-position.ts";

interface KeyShape {
  name: string;
  pattern: RegExp;
  /** How much of a match is a fixed prefix that may be shown, e.g. `sk-` or `AKIA`. */
  shownPrefix: (match: string) => number;
  /** Matches that are placeholders or prose rather than keys. */
  isPlaceholder?: (match: string) => boolean;
}

/** Characters docs use to blank out a key: `sk-xxxx`, `sk-....`, `sk-****`. */
const BLANKED = /^[xX.*…•]+$/;
/** `your-api-key-goes-here`: lowercase words joined by `-` or `_`. */
const WORDS = /^[a-z]+(?:[-_][a-z]+)+$/;
/** A label such as `kimi-` or `proj-` between `sk-` and the key proper. */
const LABEL = /^[a-z]{2,10}-/;

/** Words that mark a value as made up for the docs. */
const PLACEHOLDER_WORDS = /x{3,}|\.{3}|…|example|not-?real|placeholder|your|dummy|fake|redacted|changeme/i;

function isBlankedOrWords(body: string): boolean {
  return BLANKED.test(body) || WORDS.test(body) || /^(.)\1*$/.test(body) || PLACEHOLDER_WORDS.test(body);
}

/** `OPENCLAW_GATEWAY_BIND`, `channels/telegram/botToken`, `a.b.c`: names and paths, not key material. */
const NAME_OR_PATH = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[A-Za-z][a-z]*(?:[A-Z][a-z]*)*(?:[./_-][A-Za-z][a-z]*(?:[A-Z][a-z]*)*)+)$/;

const ALLOW_LIST = /pragma:\s*allowlist[ -]secret/i;

/** Mixed letters and digits, or mixed case: what random key material looks like. */
function looksRandom(value: string): boolean {
  const letters = /[A-Za-z]/.test(value);
  const digits = /[0-9]/.test(value);
  return (letters && digits) || (/[a-z]/.test(value) && /[A-Z]/.test(value));
}

const NOT_KEY_BEFORE = "(?<![A-Za-z0-9_-])";

const SHAPES: KeyShape[] = [
  {
    name: "API key",
    pattern: new RegExp(`${NOT_KEY_BEFORE}sk-[A-Za-z0-9_-]{20,}`, "g"),
    shownPrefix: (m) => 3 + (LABEL.exec(m.slice(3))?.[0].length ?? 0),
    isPlaceholder: (m) => {
      const body = m.slice(3);
      const unlabelled = body.replace(LABEL, "");
      return isBlankedOrWords(body) || isBlankedOrWords(unlabelled) || unlabelled.replace(/[-_]/g, "").length < 20;
    },
  },
  { name: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, shownPrefix: () => 4 },
  { name: "GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g, shownPrefix: (m) => m.indexOf("_") + 1 },
  { name: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}/g, shownPrefix: () => 4 },
  { name: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, shownPrefix: () => 5 },
  {
    name: "JSON Web Token",
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
    shownPrefix: () => 3,
    // jwt.io's example signature, which pages explaining tokens paste (often under a payload of their own): it signs no other payload.
    isPlaceholder: (m) => m.endsWith(".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
  },
  { name: "private key", pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/g, shownPrefix: (m) => m.length },
];

/**
 * `apiKey: "…"`, `ANTHROPIC_AUTH_TOKEN=…`, `AWS_SECRET_ACCESS_KEY=…`, `--together-api-key "…"`, `Bearer …`: a long
 * random value given to a key-like name, to a command-line flag so named, or sent as a bearer token, on the same line.
 */
const ASSIGNED_SECRET =
  /(?:(?:(?:api|access|secret)[_-]?key|secret|token|password|passwd)(?:["']?[ \t]*[:=]|(?=[ \t])(?<=--[A-Za-z0-9-]+)[ \t]+)|\bbearer[ \t]+)[ \t]*["']?(?!sk-)([A-Za-z0-9_+/=-]{24,})/gi;

/**
 * One cheap scan that every text holding a finding matches (most docs do not):
 * the start of each key shape, long enough that the docs' placeholders (`sk-...`)
 * do not match it, and an assigned value long enough for ASSIGNED_SECRET. Words
 * like "token" alone are in most docs about models. Only ASCII is matched, so it may also run on bytes decoded as latin1.
 */
const SECRET_HINT =
  /sk-[A-Za-z0-9_-]{20}|(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_|AIza[0-9A-Za-z_-]{35}|xox[abposr]-|eyJ[A-Za-z0-9_-]{10}|PRIVATE KEY|(?:(?:api|access|secret)[_-]?key|secret|token|passw(?:or)?d|bearer)(?:["']?[ \t]*[:=]|[ \t]+)[ \t]*["']?[A-Za-z0-9_+/=-]{24}/i;

export function mayHoldSecret(text: string): boolean {
  return SECRET_HINT.test(text);
}

export interface SecretFinding {
  offset: number;
  /** Characters of the key in the text. */
  length: number;
  kind: string;
  masked: string;
}

export function findSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  // A value of a known shape (`botToken: "xoxb-…"`) is judged by its shape alone, placeholder or key: one key, one verdict.
  const shaped: Array<readonly [number, number]> = [];
  for (const shape of SHAPES) {
    for (const match of text.matchAll(shape.pattern)) {
      const value = match[0];
      shaped.push([match.index, match.index + value.length]);
      if (shape.isPlaceholder?.(value) || PLACEHOLDER_WORDS.test(value)) continue;
      findings.push({ offset: match.index, length: value.length, kind: shape.name, masked: mask(value, shape.shownPrefix(value)) });
    }
  }
  for (const match of text.matchAll(ASSIGNED_SECRET)) {
    const value = match[1]!;
    if (isBlankedOrWords(value) || NAME_OR_PATH.test(value) || !looksRandom(value)) continue;
    const offset = match.index + match[0].length - value.length;
    if (shaped.some(([from, to]) => offset < to && from < offset + value.length)) continue;
    findings.push({ offset, length: value.length, kind: "secret value", masked: mask(value, 0) });
  }
  return findings.filter((f) => !onAllowListedLine(text, f.offset)).sort((a, b) => a.offset - b.offset);
}

function onAllowListedLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf("\n", offset) + 1;
  const end = text.indexOf("\n", offset);
  return ALLOW_LIST.test(text.slice(start, end === -1 ? text.length : end));
}

/** `sk-Ab… (51 characters)`: the fixed prefix and two more characters at most. */
export function mask(value: string, prefixLength: number): string {
  if (prefixLength >= value.length) return value;
  return `${value.slice(0, prefixLength + 2)}… (${value.length} characters)`;
}

export function checkSecrets(file: string, text: string): Diagnostic[] {
  // One cheap scan decides whether the per-shape scans are needed at all.
  if (!mayHoldSecret(text)) return [];
  const findings = findSecrets(text);
  if (findings.length === 0) return [];
  const at = positionFinder(text);
  return findings.map((f) =>
    diagnostic(
      file,
      at(f.offset),
      "docs/secret",
      `possible ${f.kind} ${f.masked}: docs may show only placeholders such as \`sk-...\` or \`\${MOONSHOT_API_KEY}\`; ` +
        "replace it, and revoke the key if it is real",
    ),
  );
}

export const secretRule: DocRule = {
  id: "secret",
  description: "examples hold only placeholder credentials; a real-looking key is reported at its line, masked",
  defaults: { severity: "warn", scope: "pages-with-regions" },
  create: () => ({ mayFind: mayHoldSecret, check: (doc) => checkSecrets(doc.path, doc.content) }),
};
