// The natural-commands corpus: phrasings with the exact form they must give,
// read from main.txt (built against) and held-out.txt (never tuned against),
// and the measure of how the understanding does on them.
import fs from "node:fs";
import type { InstallationNames } from "../installation-names.ts";
import { isExactMetrics, isExactSegment } from "../exact-syntax.ts";
import { routeWordsIn } from "../route-words.ts";
import { understandMetrics } from "../understand-metrics.ts";
import { understandSegment } from "../understand-segment.ts";
import { understandSend } from "../understand-send.ts";
import type { UnderstandContext, Understanding } from "../understanding.ts";

/** "ask": a message to the app, which names no command (questions.txt); the answer names the command it went to. */
export type CorpusCommand = "segment" | "send" | "metrics" | "ask";
export type Expected = { kind: "exact"; form: string } | { kind: "choice"; forms: string[] } | { kind: "refusal"; word: string };
export interface CorpusLine {
  command: CorpusCommand;
  text: string;
  expected: Expected;
  language: "en" | "ru";
}

/** The installation the corpus is written for (see the header of held-out.txt). */
export const CORPUS_CONTEXT: UnderstandContext = {
  now: new Date("2026-12-03T09:00:00Z"),
  timezone: "Europe/Berlin",
  names: {
    segments: ["vip_ru", "winback", "big_spenders"],
    sources: ["instagram_bio", "telegram_ads", "partner_blog"],
    tags: ["vip", "wholesale"],
    events: ["added_to_cart", "viewed_product", "app_opened"],
    fields: ["city", "shoe_size"],
    templates: ["welcome_back", "black_friday"],
    surveys: ["nps", "csat"],
    flows: [],
  } satisfies InstallationNames,
};

export function readCorpus(file: "main" | "held-out" | "questions"): CorpusLine[] {
  const text = fs.readFileSync(new URL(`./${file}.txt`, import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((line) => {
      const m = /^(segment|send|metrics|ask): (.+?) => (.+)$/.exec(line);
      if (!m) throw new Error(`Corpus line not understood: ${line}`);
      const [, command, phrase, expected] = m as unknown as [string, CorpusCommand, string, string];
      return { command, text: phrase, expected: expectation(expected), language: /[а-яё]/i.test(phrase) ? "ru" : "en" };
    });
}

function expectation(text: string): Expected {
  if (text.startsWith("? ")) return { kind: "choice", forms: text.slice(2).split(" || ").map((f) => f.trim()) };
  if (text.startsWith("! ")) return { kind: "refusal", word: text.slice(2).trim() };
  return { kind: "exact", form: text.trim() };
}

export function understand(command: CorpusCommand, text: string, context: UnderstandContext): Understanding {
  if (command === "ask") return routeAndUnderstand(text, context);
  return command === "segment" ? understandSegment(text, context) : command === "send" ? understandSend(text, context) : understandMetrics(text, context);
}

/** A message to the app: routed (route-words.ts), then read by the command it went to; each form names that command. */
function routeAndUnderstand(text: string, context: UnderstandContext): Understanding {
  const routed = routeWordsIn(text, context);
  if (routed.refusal) return routed.refusal;
  const command = routed.command.slice(1);
  const asTyped: Understanding = { kind: "exact", form: `${command} ${routed.text}`.trim(), corrected: [] };
  if (!(command === "segment" || command === "send" || command === "metrics")) return asTyped;
  // A command named outright takes its exact syntax ("segment list") before words ("metrics за прошлую неделю"), as the slash command does.
  if (routed.explicit && command === "segment" && isExactSegment(routed.text)) return asTyped;
  if (routed.explicit && command === "metrics" && isExactMetrics(routed.text, context.now, context.timezone)) return asTyped;
  const answer = understand(command, routed.text, context);
  if (routed.explicit && answer.kind === "refusal") return asTyped;
  if (answer.kind === "exact") return { ...answer, form: `${command} ${answer.form}` };
  if (answer.kind === "choice") return { ...answer, forms: answer.forms.map((f) => `${command} ${f}`) };
  return answer;
}

/** How one answer compares with what was expected. */
export type Verdict =
  /** The expected exact form. */
  | "exact"
  /** The expected choices were offered (or the expected form was among the choices). */
  | "choice"
  /** Refused naming the expected word or part. */
  | "refused"
  /** Refused, or answered, where the expected answer was something else, but not silently wrong (a choice without the form, a refusal). */
  | "missed"
  /** A wrong exact form with no choice offered: a silent misunderstanding. */
  | "wrong";

export function verdict(expected: Expected, answer: Understanding): Verdict {
  switch (expected.kind) {
    case "exact":
      if (answer.kind === "exact") return answer.form === expected.form ? "exact" : "wrong";
      if (answer.kind === "choice") return answer.forms.includes(expected.form) ? "choice" : "missed";
      return "missed";
    case "choice":
      if (answer.kind === "choice") return expected.forms.every((f) => answer.forms.includes(f)) ? "choice" : "missed";
      return answer.kind === "exact" ? "wrong" : "missed";
    case "refusal":
      if (answer.kind !== "refusal") return answer.kind === "exact" ? "wrong" : "missed";
      return answer.words.includes(expected.word) || answer.part === expected.word || answer.problem.includes(expected.word) ? "refused" : "missed";
  }
}

export interface CorpusFigures {
  phrasings: number;
  /** Answered as expected: the exact form, the expected choice, or a refusal naming the right words. */
  understood: number;
  exact: number;
  choice: number;
  refused: number;
  /** Refusals that offered at least one suggestion. */
  refusedWithSuggestion: number;
  missed: number;
  wrong: number;
  failures: { line: CorpusLine; answer: Understanding; verdict: Verdict }[];
}

export function measureCorpus(lines: CorpusLine[], context: UnderstandContext = CORPUS_CONTEXT): CorpusFigures {
  const figures: CorpusFigures = { phrasings: lines.length, understood: 0, exact: 0, choice: 0, refused: 0, refusedWithSuggestion: 0, missed: 0, wrong: 0, failures: [] };
  for (const line of lines) {
    const answer = understand(line.command, line.text, context);
    const v = verdict(line.expected, answer);
    figures[v]++;
    if (v === "exact" || v === "choice" || v === "refused") figures.understood++;
    if (v === "refused" && answer.kind === "refusal" && (answer.suggestions.length > 0 || answer.part !== "audience")) figures.refusedWithSuggestion++;
    if (v === "missed" || v === "wrong") figures.failures.push({ line, answer, verdict: v });
  }
  return figures;
}
