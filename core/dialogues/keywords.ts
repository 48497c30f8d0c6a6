// Keyword triggers match whole words, in any case, ё as е: "Подобрать кроссовки!" contains "подобрать".
export function normalizeForMatching(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

export function containsPhrase(text: string, phrase: string): boolean {
  const haystack = normalizeForMatching(text);
  const needle = normalizeForMatching(phrase).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${needle}($|[^\\p{L}\\p{N}])`, "u").test(haystack);
}
