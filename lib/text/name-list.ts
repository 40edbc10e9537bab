/** "A, B and C" (or "A, B or C"), or the first few and how many more, so a long list stays readable. */
export function nameList(names: readonly string[], max = 5, last: "and" | "or" = "and", locale = "en"): string {
  if (names.length <= 1) return names.join("");
  if (locale !== "en") {
    // Other languages join as they do (Intl); what does not fit is counted: "A, B, C +4".
    const shown = names.slice(0, max);
    const list = new Intl.ListFormat(locale, { type: last === "and" ? "conjunction" : "disjunction" });
    return names.length > max ? `${shown.join(", ")} +${names.length - max}` : list.format(shown);
  }
  if (names.length > max) return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(", ")} ${last} ${names.at(-1)}`;
}
