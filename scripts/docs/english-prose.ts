// Whether a page's prose is written in English, for a folder named by the tag of a
// language written in the same letters as English (`it/`: IT, or Italian; `id/`:
// identity, or Indonesian; `de/`): letters cannot tell such a folder's pages from the
// English ones (language-script.ts), words can. The most frequent English words (the
// articles, pronouns, prepositions and auxiliaries of any word-frequency list) make
// up a third or more of English prose, and next to nothing of a translation's,
// whose code, product names and untranslated terms are set aside or few. The
// runtime's ICU data holds no such words, so they are listed here, for English only:
// a tree whose default language is another is judged by the other signs alone.

/** The most frequent English words, lower case. */
const ENGLISH = new Set(
  ("the be to of and a in that have it for not on with as you do at this but by from they we or an will " +
    "my one all would there their what so up out if about who get which go me when make can like no just " +
    "him know take into your some could them see other than then now only its over also after use how our " +
    "first well way even new want because any these most us is are was were has had been does did should " +
    "may must such each both here where while more").split(" "),
);
/** Prose words a page needs before it tells anything: a title and a table tell nothing. */
const MIN_WORDS = 40;
/** English prose runs from about a quarter to nearly a half of these words; translations below a tenth. */
const ENGLISH_SHARE = 0.2;

/** The words of a page's prose: not its front matter, code blocks, tables, code spans, link targets or markup. */
function proseWords(text: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "").split("\n")) {
    const marks = /^[ \t>]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marks !== undefined && marks[0] === fence[0] && marks.length >= fence.length) fence = undefined;
    } else if (marks !== undefined) fence = marks;
    else if (!/^\s*\|/.test(line)) lines.push(line);
  }
  const prose = lines
    .join("\n")
    .replace(/`[^`\n]*`/g, "")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, "")
    .replace(/<[^>\n]*>|\{[^}\n]*\}/g, "");
  return (prose.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase());
}

/** Whether the page's prose reads as English; undefined where it holds too little prose to tell. */
export function readsAsEnglish(text: string): boolean | undefined {
  const words = proseWords(text);
  if (words.length < MIN_WORDS) return undefined;
  return words.filter((word) => ENGLISH.has(word)).length / words.length >= ENGLISH_SHARE;
}
