// Filler that reads like a provider-configuration guide: sentences built from
// phrase lists, in English or Chinese, plus the lists, tables and code fences
// such pages carry. Only the look matters; the tool never reads this text.
import type { Random } from "./random.ts";

export type Script = "latin" | "cjk" | "rtl";

const EN = {
  subjects: [
    "The gateway", "Each agent", "The config loader", "A provider entry", "The command-line client",
    "Your workspace", "The onboarding wizard", "A fallback model", "The session manager", "The proxy",
  ],
  verbs: ["reads", "resolves", "caches", "validates", "forwards", "rewrites", "merges", "reports", "refreshes", "pins"],
  objects: [
    "the model reference", "the API key from the environment", "the context window", "the default endpoint",
    "every custom header", "the pricing metadata", "the alias you picked", "the streaming response",
    "the tool-call schema", "the retry budget",
  ],
  tails: [
    "before the first request is sent.", "when the session starts.", "and logs a warning if it is missing.",
    "so that restarts keep the same behaviour.", "unless you override it per agent.", "on every reload of the file.",
    "and falls back to the global region.", "without touching your other providers.",
  ],
  headings: [
    "Overview", "Before you start", "Configuration", "Choosing a model", "Authentication", "Endpoints",
    "Troubleshooting", "Limits and pricing", "Migrating from older models", "Frequently asked questions", "Notes",
  ],
};

const ZH = {
  subjects: ["网关", "每个代理", "配置加载器", "提供方条目", "命令行客户端", "工作区", "引导向导", "备用模型", "会话管理器", "代理服务"],
  verbs: ["会读取", "会解析", "会缓存", "会校验", "会转发", "会改写", "会合并", "会报告", "会刷新", "会固定"],
  objects: [
    "模型引用", "环境变量中的密钥", "上下文窗口", "默认端点", "所有自定义请求头", "定价元数据", "你选定的别名",
    "流式响应", "工具调用的结构", "重试次数",
  ],
  tails: [
    "，然后才发送第一个请求。", "，并在会话开始时生效。", "；缺失时会输出一条警告。", "，这样重启后行为保持一致。",
    "，除非你为单个代理单独覆盖。", "，每次重新加载文件时都会执行。", "，必要时回退到全球区域。", "，不会影响其他提供方。",
  ],
  headings: ["概述", "开始之前", "配置", "选择模型", "鉴权", "端点", "故障排查", "限额与定价", "从旧模型迁移", "常见问题", "说明"],
};

const AR = {
  subjects: ["البوابة", "كل وكيل", "محمّل الإعدادات", "مدخل المزوّد", "عميل سطر الأوامر", "مساحة العمل", "معالج الإعداد", "النموذج الاحتياطي", "مدير الجلسات", "الوكيل"],
  verbs: ["يقرأ", "يحلّ", "يخزّن", "يتحقق من", "يمرّر", "يعيد كتابة", "يدمج", "يبلّغ عن", "يحدّث", "يثبّت"],
  objects: [
    "مرجع النموذج", "مفتاح الواجهة من البيئة", "نافذة السياق", "نقطة النهاية الافتراضية", "كل ترويسة مخصصة",
    "بيانات التسعير", "الاسم المستعار الذي اخترته", "الاستجابة المتدفقة", "مخطط استدعاء الأدوات", "عدد المحاولات",
  ],
  tails: [
    "قبل إرسال الطلب الأول.", "عند بدء الجلسة.", "ويسجّل تحذيرًا إذا كان مفقودًا.", "حتى يبقى السلوك نفسه بعد إعادة التشغيل.",
    "ما لم تتجاوزه لكل وكيل.", "عند كل إعادة تحميل للملف.", "ويعود إلى المنطقة العامة.", "دون المساس بالمزوّدين الآخرين.",
  ],
  headings: ["نظرة عامة", "قبل أن تبدأ", "الإعداد", "اختيار نموذج", "المصادقة", "نقاط النهاية", "استكشاف الأخطاء", "الحدود والتسعير", "الترحيل من النماذج القديمة", "الأسئلة الشائعة", "ملاحظات"],
};

function words(script: Script) {
  return script === "cjk" ? ZH : script === "rtl" ? AR : EN;
}

export function sentence(rng: Random, script: Script): string {
  const w = words(script);
  const join = script === "cjk" ? "" : " ";
  return [rng.pick(w.subjects), rng.pick(w.verbs), rng.pick(w.objects)].join(join) + (script === "cjk" ? "" : " ") + rng.pick(w.tails);
}

export function paragraph(rng: Random, script: Script): string {
  const count = rng.int(2, 5);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(sentence(rng, script));
  return parts.join(script === "cjk" ? "" : " ");
}

export function heading(rng: Random, script: Script, level: number): string {
  return `${"#".repeat(level)} ${rng.pick(words(script).headings)}`;
}

export function bulletList(rng: Random, script: Script): string {
  const bullet = rng.pick(["-", "*"]);
  const count = rng.int(3, 5);
  const items: string[] = [];
  for (let i = 0; i < count; i++) items.push(`${bullet} ${sentence(rng, script)}`);
  return items.join("\n");
}

const SHELL_SNIPPETS = [
  'export MOONSHOT_API_KEY="sk-..."',
  "kimi-config-sync validate ~/.config/agent/config.json5",
  'curl -s https://api.moonshot.ai/v1/models -H "Authorization: Bearer $MOONSHOT_API_KEY"',
  "pnpm gen --check",
  'export KIMICODE_API_KEY="sk-kimi-..."',
];

const TS_SNIPPET = [
  'import { readFileSync } from "node:fs";',
  'import JSON5 from "json5";',
  "",
  'const config = JSON5.parse(readFileSync("config.json5", "utf8"));',
  "console.log(config.agents.defaults.model.primary);",
].join("\n");

export function codeFence(rng: Random): string {
  if (rng.chance(0.7)) {
    const lines = rng.shuffle(SHELL_SNIPPETS).slice(0, rng.int(1, 3));
    return ["```bash", ...lines, "```"].join("\n");
  }
  return ["```ts", TS_SNIPPET, "```"].join("\n");
}

export function optionsTable(rng: Random, script: Script): string {
  const header = script === "cjk" ? "| 选项 | 说明 |" : "| Option | Meaning |";
  const rows = ["baseUrl", "apiKey", "api", "headers", "compat.supportsDeveloperRole"]
    .slice(0, rng.int(2, 5))
    .map((option) => `| \`${option}\` | ${sentence(rng, script)} |`);
  return [header, "| --- | --- |", ...rows].join("\n");
}

/**
 * A section of filler: a heading and a paragraph, then maybe a list, a code fence, a
 * table or (with `paragraphs`) two more paragraphs, and maybe a closing paragraph.
 */
export function fillerSection(rng: Random, script: Script, options: { paragraphs: boolean; closing: number }): string {
  const blocks = [heading(rng, script, rng.chance(0.8) ? 2 : 3), paragraph(rng, script)];
  const extra = rng.int(0, options.paragraphs ? 4 : 3);
  if (extra === 1) blocks.push(bulletList(rng, script));
  else if (extra === 2) blocks.push(codeFence(rng));
  else if (extra === 3) blocks.push(optionsTable(rng, script));
  else if (extra === 4) blocks.push(paragraph(rng, script), paragraph(rng, script));
  if (rng.chance(options.closing)) blocks.push(paragraph(rng, script));
  return blocks.join("\n\n");
}
