/** "A, B and C" (or "A, B or C"), or the first few and how many more, so a long list stays readable. */
export function nameList(names: readonly string[], max = 5, last: "and" | "or" = "and"): string {
  if (names.length <= 1) return names.join("");
  if (names.length > max) return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(", ")} ${last} ${names.at(-1)}`;
}
