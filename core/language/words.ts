// Text into words, numbers and signs, each with its stem: the first step of
// reading a marketer's words. "At-risk" is "at risk", "didn't" is "didnt",
// "10%" is 10 and "%", "1.5k" is 1500, "30d" is 30 and "d".
import { stem } from "./stem.ts";

export interface ReadWord {
  kind: "word" | "number" | "sign";
  /** Lower-cased, ё as е. */
  surface: string;
  stem: string;
  /** 0-based offset in the normalized text. */
  at: number;
  value?: number;
}

const TOKEN = /(?<number>\d+(?:[.,]\d+)?)(?<thousands>(?:k|к|\s?тыс)(?![\p{L}]))?|(?<word>[\p{L}_][\p{L}\p{N}_]*(?:[.:][\p{L}\p{N}_]+)*)|(?<sign>>=|<=|[<>=%+$€₽£])/gu;

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/(\p{L})['’`](\p{L})/gu, "$1$2")
    .replace(/(\p{L})-(?=\p{L})/gu, "$1 ");
}

export function readWords(text: string): ReadWord[] {
  const normalized = normalize(text);
  const out: ReadWord[] = [];
  for (const m of normalized.matchAll(TOKEN)) {
    const g = m.groups!;
    if (g.number) {
      const value = Number(g.number.replace(",", ".")) * (g.thousands ? 1000 : 1);
      out.push({ kind: "number", surface: m[0], stem: m[0], at: m.index, value });
    } else if (g.word) {
      out.push({ kind: "word", surface: g.word, stem: g.word.includes(":") || g.word.includes("_") ? g.word : stem(g.word), at: m.index });
    } else {
      out.push({ kind: "sign", surface: g.sign!, stem: g.sign!, at: m.index });
    }
  }
  return out;
}
