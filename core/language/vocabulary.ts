// The domain's words in both languages, read from vocabulary/<language>.json
// (data, not code) and compiled once into stem sequences, so "покупателей",
// "покупатели" and "покупателям" meet the same entry.
import fs from "node:fs";
import { z } from "zod";
import { FIGURES } from "../metrics/key-figures.ts";
import { COMPARISONS, PROFILE_COLUMNS } from "../segments/segment-definition.ts";
import { readWords } from "./words.ts";

export const COMMANDS = ["segment", "send", "metrics"] as const;
export type Command = (typeof COMMANDS)[number];

const unitSchema = z.enum(["h", "d"]);
export const meaningSchema = z.discriminatedUnion("is", [
  z.object({ is: z.literal("filler") }),
  z.object({ is: z.literal("everyone") }),
  z.object({ is: z.literal("rule"), rule: z.string().min(1) }),
  z.object({ is: z.literal("choice"), rules: z.array(z.string().min(1)).min(2) }),
  z.object({ is: z.literal("orders") }),
  /** A profile column or profile key; the word after it is its value ("city Berlin"), else it must exist. */
  z.object({ is: z.literal("field"), field: z.union([z.enum(PROFILE_COLUMNS), z.string().regex(/^profile\.[A-Za-z0-9_]{1,64}$/)]) }),
  z.object({ is: z.literal("measure"), measure: z.enum(["spent", "aov", "last_order", "first_order", "joined", "nps_score"]) }),
  z.object({ is: z.literal("times") }),
  z.object({ is: z.literal("ago") }),
  z.object({ is: z.literal("money") }),
  z.object({ is: z.literal("abandoned_cart") }),
  z.object({ is: z.literal("event"), event: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/) }),
  z.object({ is: z.literal("marker"), of: z.enum(["source", "tag", "event", "segment", "survey", "flow", "template"]) }),
  z.object({ is: z.literal("cmp"), op: z.enum(COMPARISONS) }),
  z.object({ is: z.literal("cmp_after"), op: z.enum(COMPARISONS) }),
  z.object({ is: z.literal("not") }),
  z.object({ is: z.literal("or") }),
  z.object({ is: z.literal("unit"), unit: unitSchema, amount: z.number().int().positive() }),
  z.object({ is: z.literal("duration"), unit: unitSchema, amount: z.number().int().positive() }),
  z.object({ is: z.literal("number"), value: z.number(), times: z.boolean().optional() }),
  z.object({ is: z.literal("holdout") }),
  z.object({ is: z.literal("now") }),
  z.object({ is: z.literal("figure"), figure: z.enum(FIGURES) }),
  z.object({ is: z.literal("period"), period: z.string().min(1) }),
  z.object({ is: z.literal("last") }),
  z.object({ is: z.literal("by_source") }),
  z.object({ is: z.literal("month"), month: z.string().min(1) }),
]);
export type Meaning = z.infer<typeof meaningSchema>;

const vocabularyFileSchema = z.object({
  language: z.enum(["en", "ru"]),
  entries: z.array(z.object({ for: z.array(z.enum(COMMANDS)).optional(), means: meaningSchema, say: z.array(z.string().min(1)).min(1) })),
});

export interface Phrase {
  stems: string[];
  /** The phrase as written in the vocabulary (shown in suggestions). */
  text: string;
  /** An entry of every command (units, numbers): a command's own entry of the same words wins. */
  shared: boolean;
  means: Meaning;
}

export interface Vocabulary {
  /** Phrases by their first stem, longest first. */
  byFirstStem: Map<string, Phrase[]>;
  /** Every single word of the vocabulary (for typo correction and suggestions), surface -> stem. */
  words: Map<string, string>;
}

export const VOCABULARY_LANGUAGES = ["en", "ru"] as const;

function readFile(language: string): z.infer<typeof vocabularyFileSchema> {
  const url = new URL(`./vocabulary/${language}.json`, import.meta.url);
  return vocabularyFileSchema.parse(JSON.parse(fs.readFileSync(url, "utf8")));
}

function compile(command: Command): Vocabulary {
  const byFirstStem = new Map<string, Phrase[]>();
  const words = new Map<string, string>();
  for (const language of VOCABULARY_LANGUAGES) {
    for (const entry of readFile(language).entries) {
      // Entries without "for" (units, numbers) are shared by every command.
      if (entry.for && !entry.for.includes(command)) continue;
      for (const text of entry.say) {
        const read = readWords(text);
        const stems = read.map((w) => w.stem);
        if (stems.length === 0) continue;
        const list = byFirstStem.get(stems[0]!) ?? [];
        list.push({ stems, text, means: entry.means, shared: !entry.for });
        byFirstStem.set(stems[0]!, list);
        for (const w of read) if (w.kind === "word" && w.surface.length >= 3) words.set(w.surface, w.stem);
      }
    }
  }
  for (const list of byFirstStem.values()) list.sort(longestOwnFirst);
  return { byFirstStem, words };
}

function longestOwnFirst(a: Phrase, b: Phrase): number {
  return b.stems.length - a.stems.length || Number(a.shared) - Number(b.shared);
}

/** The send command reads the segment's words too (its audience), its own entries first. */
const SECTIONS: Record<Command, Command[]> = { segment: ["segment"], send: ["send", "segment"], metrics: ["metrics"] };
const compiled = new Map<Command, Vocabulary>();

export function vocabularyFor(command: Command): Vocabulary {
  let v = compiled.get(command);
  if (!v) {
    v = merge(SECTIONS[command].map(compile));
    compiled.set(command, v);
  }
  return v;
}

function merge(parts: Vocabulary[]): Vocabulary {
  const byFirstStem = new Map<string, Phrase[]>();
  const words = new Map<string, string>();
  for (const part of parts) {
    for (const [first, phrases] of part.byFirstStem) byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), ...phrases]);
    for (const [w, s] of part.words) if (!words.has(w)) words.set(w, s);
  }
  // Longest first; among equals the earlier section (the command's own) wins, as the sort is stable.
  for (const list of byFirstStem.values()) list.sort(longestOwnFirst);
  return { byFirstStem, words };
}
