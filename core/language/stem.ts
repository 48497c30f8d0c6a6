// Word stems for matching what people type against known words in both
// languages ("покупателей" and "покупатели" -> "покупател", "running" -> "run").
// Snowball-family stemmers from NLP.js: pure JS, deterministic, offline.
import { StemmerEn } from "@nlpjs/lang-en-min";
import { StemmerRu } from "@nlpjs/lang-ru";

const english = new StemmerEn();
const russian = new StemmerRu();
const cyrillic = /[а-яё]/i;

/** The stem of one word, in the stemmer of its script (Cyrillic -> Russian, else English). */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, "е");
  return (cyrillic.test(lower) ? russian : english).stemWord(lower);
}

/** Lower-cased words of a text (letters and digits), with their stems. */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

export function words(text: string): string[] {
  return text.toLowerCase().replace(/ё/g, "е").match(/[\p{L}\p{N}]+/gu) ?? [];
}
