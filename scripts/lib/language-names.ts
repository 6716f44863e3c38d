// Whether a language tag names a language: Intl knows the name of its language subtag.
// Asking the first time loads ICU's language names (~20 ms), so the lookup is made once.
let names: Intl.DisplayNames | undefined;

/** True for `ja`, `zh-CN`, `ml`; false for `jp`, `xx`, `qq-ZZ`. The tag must already be canonical. */
export function namesLanguage(tag: string): boolean {
  names ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  return names.of(tag.split("-")[0]!) !== undefined;
}
