// Words into pieces of meaning: the longest vocabulary phrase at each place
// (by stems), a number, a name of this installation, a typo of either, or an
// unknown word with the nearest known ones.
import { builtInSegment } from "../segments/built-in-segments.ts";
import { formatSegmentText } from "../segments/format-segment-text.ts";
import { correction, nearest } from "./did-you-mean.ts";
import type { InstallationNames } from "./installation-names.ts";
import type { Correction } from "./understanding.ts";
import { vocabularyFor, type Command, type Meaning, type Phrase, type Vocabulary } from "./vocabulary.ts";
import { readWords, type ReadWord } from "./words.ts";

export type NameKind = keyof InstallationNames;
export interface NameMatch {
  kind: NameKind;
  name: string;
  /** False for a saved segment only close to the word ("vip" for vip_ru). */
  exact: boolean;
}

export type Piece = {
  text: string;
  /** The words as typed (case kept), for values taken literally. */
  original?: string;
  /** For a number: the piece right after it is a unit ("30 days"), not a filler between ("1000 за месяц"). */
  beforeUnit?: boolean;
} & (
  | Meaning
  | { is: "percent" }
  | { is: "name"; matches: NameMatch[] }
  | { is: "unknown"; suggestions: string[] }
);

export interface ReadResult {
  pieces: Piece[];
  corrected: Correction[];
}

const PREFIXED: Record<string, NameKind> = { tag: "tags", event: "events", source: "sources", segment: "segments" };

export function readPieces(text: string, command: Command, names: InstallationNames): ReadResult {
  const vocabulary = vocabularyFor(command);
  const words = readWords(text);
  const pieces: Piece[] = [];
  const corrected: Correction[] = [];
  /** What was typed where a typo was read as a known word, to name it if it still means nothing. */
  const typed = new Map<number, string>();
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const phrase = longestPhrase(vocabulary, words, i);
    if (phrase) {
      pieces.push({ ...phrase.means, text: words.slice(i, i + phrase.length).map((x) => x.surface).join(" "), original: words.slice(i, i + phrase.length).map((x) => x.original).join(" ") });
      i += phrase.length;
      continue;
    }
    if (w.kind === "number") {
      pieces.push({ is: "number", value: w.value!, text: w.surface, original: w.original });
      i++;
      continue;
    }
    if (w.surface === "%") {
      pieces.push({ is: "percent", text: "%" });
      i++;
      continue;
    }
    const joined = joinedName(words, i, names);
    if (joined) {
      pieces.push({ ...joined.named, text: joined.text, original: words.slice(i, i + joined.length).map((x) => x.original).join(" ") });
      i += joined.length;
      continue;
    }
    const fixed = w.kind === "word" ? correction(w.surface, [...vocabulary.words.keys(), ...allNames(names)]) : undefined;
    if (fixed && fixed !== w.surface) {
      corrected.push({ typed: w.surface, readAs: fixed });
      typed.set(i, w.surface);
      const stem = vocabulary.words.get(fixed);
      words[i] = { ...w, surface: fixed, stem: stem ?? fixed };
      continue;
    }
    const original = typed.get(i) ?? w.surface;
    if (typed.has(i)) corrected.splice(corrected.findIndex((c) => c.typed === original), 1);
    pieces.push({ is: "unknown", text: original, original: w.original, suggestions: nearest(original, [...suggestionWords(vocabulary), ...allNames(names)]) });
    i++;
  }
  pieces.forEach((p, k) => {
    const next = pieces[k + 1];
    if (p.is === "number" && (next?.is === "unit" || next?.is === "duration" || next?.is === "times")) p.beforeUnit = true;
  });
  return { pieces, corrected };
}

function longestPhrase(vocabulary: Vocabulary, words: ReadWord[], at: number): { means: Meaning; length: number } | undefined {
  const candidates = vocabulary.byFirstStem.get(words[at]!.stem);
  if (!candidates) return undefined;
  // Longest first; among phrases of one length, one written exactly as typed wins ("subscribed" over "subscribers", one stem).
  let best: Phrase | undefined;
  for (const p of candidates) {
    if (best && p.stems.length < best.stems.length) break;
    if (!p.stems.every((s, k) => words[at + k]?.stem === s)) continue;
    if (!best) best = p;
    if (p.text === words.slice(at, at + p.stems.length).map((w) => w.surface).join(" ")) return { means: p.means, length: p.stems.length };
  }
  return best ? { means: best.means, length: best.stems.length } : undefined;
}

/** A name at this place, also one written as words ("big spenders" for big_spenders), longest first. */
function joinedName(words: ReadWord[], at: number, names: InstallationNames): { named: NonNullable<ReturnType<typeof nameOf>>; length: number; text: string } | undefined {
  for (let length = 3; length >= 1; length--) {
    const part = words.slice(at, at + length);
    if (part.length < length || part.some((w) => w.kind !== "word")) continue;
    const text = part.map((w) => w.surface).join("_");
    const named = nameOf(text, names);
    if (named && (length === 1 || named.is === "rule" || named.matches.some((m) => m.exact))) return { named, length, text };
  }
  return undefined;
}

function nameOf(surface: string, names: InstallationNames): { is: "name"; matches: NameMatch[] } | { is: "rule"; rule: string } | undefined {
  const colon = surface.indexOf(":");
  if (colon > 0) {
    const builtIn = builtInSegment(surface);
    if (builtIn) return { is: "rule", rule: formatSegmentText(builtIn.definition) };
    const kind = PREFIXED[surface.slice(0, colon)];
    const name = surface.slice(colon + 1);
    if (kind && name) return { is: "name", matches: [{ kind, name, exact: true }] };
  }
  const matches: NameMatch[] = [];
  for (const kind of Object.keys(names) as NameKind[]) {
    for (const name of names[kind]) {
      const lower = name.toLowerCase();
      if (lower === surface) matches.push({ kind, name, exact: true });
      else if (kind === "segments" && surface.length >= 2 && (lower.startsWith(`${surface}_`) || lower.startsWith(`${surface}-`))) matches.push({ kind, name, exact: false });
    }
  }
  return matches.length ? { is: "name", matches } : undefined;
}

function allNames(names: InstallationNames): string[] {
  return Object.values(names).flat().map((n) => n.toLowerCase());
}

/** Words worth suggesting: not the short glue words. */
function suggestionWords(vocabulary: Vocabulary): string[] {
  return [...vocabulary.words.keys()].filter((w) => w.length >= 4);
}
