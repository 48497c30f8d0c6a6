// Text into words, numbers and signs, each with its stem: the first step of
// reading a marketer's words. "At-risk" is "at risk", "didn't" is "didnt",
// "10%" is 10 and "%", "1.5k" is 1500, "30d" is 30 and "d".
import { stem } from "./stem.ts";

export interface ReadWord {
  kind: "word" | "number" | "sign";
  /** Lower-cased, ё as е. */
  surface: string;
  stem: string;
  /** 0-based offset in the text. */
  at: number;
  /** As typed (case kept): a value such as a city is taken literally. */
  original: string;
  value?: number;
}

const TOKEN = /(?<number>\d+(?:[.,]\d+)?)(?<thousands>(?:k|к|\s?тыс)(?![\p{L}]))?|(?<word>[\p{L}_][\p{L}\p{N}_]*(?:['’`][\p{L}]+)?(?:[.:][\p{L}\p{N}_]+)*)|(?<sign>>=|<=|[<>=%+$€₽£])/gu;

/** Lower case, ё as е, "at-risk" as "at risk"; the length stays, so offsets point into the text as typed. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/(\p{L})-(?=\p{L})/gu, "$1 ");
}

export function readWords(text: string): ReadWord[] {
  const normalized = normalize(text);
  const out: ReadWord[] = [];
  const sameLength = normalized.length === text.length;
  for (const m of normalized.matchAll(TOKEN)) {
    const g = m.groups!;
    const original = sameLength ? text.slice(m.index, m.index + m[0].length) : m[0];
    if (g.number) {
      const value = Number(g.number.replace(",", ".")) * (g.thousands ? 1000 : 1);
      out.push({ kind: "number", surface: m[0], stem: m[0], at: m.index, original, value });
    } else if (g.word) {
      // "didn't" is "didnt".
      const surface = g.word.replace(/['’`]/g, "");
      out.push({ kind: "word", surface, stem: surface.includes(":") || surface.includes("_") ? surface : stem(surface), at: m.index, original });
    } else {
      out.push({ kind: "sign", surface: g.sign!, stem: g.sign!, at: m.index, original });
    }
  }
  return out;
}
