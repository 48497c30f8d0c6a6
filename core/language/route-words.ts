// A message to the app (an @mention, a direct message) names no command: which
// command do its words address? An explicit command word first ("segment
// list", "/metrics last week", "send ..."); otherwise the question's framing
// ("how many", "сколько у нас", from vocabulary/questions.json) is set aside
// and the words go to whichever grammar reads them - a figure and a period
// (/metrics), else an audience (/segment). Deterministic and offline, like
// every natural command; the answer still says how it understood them.
import fs from "node:fs";
import type { CoreDeps } from "../deps.ts";
import type { FigureKey } from "../metrics/key-figures.ts";
import { metricsQuestion } from "./exact-syntax.ts";
import { installationNames, type InstallationNames } from "./installation-names.ts";
import { understandIn } from "./understand.ts";
import type { UnderstandContext, Understanding } from "./understanding.ts";

export type RoutedCommand = "/segment" | "/send" | "/metrics" | "/campaigns" | "/chains" | "/chatloop";

const COMMAND_WORDS: Record<string, RoutedCommand> = {
  segment: "/segment", segments: "/segment", сегмент: "/segment", сегменты: "/segment", сегментов: "/segment",
  send: "/send", отправь: "/send", отправить: "/send", рассылка: "/send",
  metrics: "/metrics", метрики: "/metrics", показатели: "/metrics",
  campaigns: "/campaigns", кампании: "/campaigns", кампаний: "/campaigns",
  chains: "/chains", цепочки: "/chains",
  help: "/chatloop", помощь: "/chatloop", справка: "/chatloop",
};

const QUESTIONS = JSON.parse(fs.readFileSync(new URL("./vocabulary/questions.json", import.meta.url), "utf8")) as Record<string, string[]>;
/** Longest first, so "what was" goes before "what". */
const FRAMING = [...QUESTIONS.en!, ...QUESTIONS.ru!].sort((a, b) => b.length - a.length);

export interface RoutedWords {
  command: RoutedCommand;
  /** The words for that command (its exact syntax or words it reads). */
  text: string;
  /** The message named the command itself ("segment list"). */
  explicit?: boolean;
  /** Why nothing fitted, when neither grammar read the words (the audience's refusal). */
  refusal?: Understanding;
}

/** Takes the framing of a question away: "how many loyal customers do we have?" -> "loyal customers". */
export function withoutFraming(text: string): string {
  let rest = ` ${text.toLowerCase().replace(/[?!.]+/g, " ").replace(/\s+/g, " ").trim()} `;
  for (const phrase of FRAMING) rest = rest.split(` ${phrase} `).join(" ");
  return rest.replace(/\s+/g, " ").trim();
}

export async function routeWords(deps: CoreDeps, message: string, names?: InstallationNames): Promise<RoutedWords> {
  return routeWordsIn(message, { names: names ?? (await installationNames(deps)), now: deps.clock.now(), timezone: deps.teamTimezone });
}

/** The routing itself, pure: the same message and names give the same command every time (the questions corpus measures it). */
export function routeWordsIn(message: string, context: UnderstandContext): RoutedWords {
  const text = message.trim();
  const [first = "", ...rest] = text.split(/\s+/);
  // "список сегментов", "list of segments", "list campaigns": the command's list.
  const listOf = /^(?:список|list(?:\s+of)?)\s+(\S+)$/i.exec(text.replace(/[?!.]+$/, ""));
  const listed = listOf ? COMMAND_WORDS[listOf[1]!.toLowerCase()] : undefined;
  if (listed && listed !== "/chatloop") return { command: listed, text: "list", explicit: true };
  const explicit = COMMAND_WORDS[first.replace(/^\//, "").toLowerCase()];
  if (explicit) return { command: explicit, text: rest.join(" "), explicit: true };
  // A quoted message is a campaign: "/send" reads audience, message and time in any order.
  if (/["“”«»„]/.test(text)) return { command: "/send", text };
  const words = withoutFraming(text);
  const metrics = understandIn("metrics", words, context);
  // The audience grammar only when it is asked (most messages are figures or were answered above).
  let read: Understanding | undefined;
  const segment = () => (read ??= understandIn("segment", words, context));
  const asMetrics = { command: "/metrics", text: words } as const;
  const asSegment = { command: "/segment", text: words } as const;
  // "How many ..." / "сколько ...": people now (a segment's size: "how many subscribers do we have" is everyone
  // subscribed, not last week's new ones) unless the words ask for a figure over a period ("how many new subscribers
  // last week") or count something other than people ("how many orders").
  // A metrics choice ("how many customers churned": buyers or churn rate?) does not outweigh a segment that reads the
  // words at once. "Who ..." / "кто ..." asks for people: the audience first too.
  const figureAsked = metrics.kind === "exact" ? hasPeriod(metrics) || !countsPeople(metrics) : metrics.kind === "choice" && hasPeriod(metrics);
  if ((HOW_MANY.test(text) && !figureAsked) || WHO.test(text)) {
    if (segment().kind !== "refusal") return asSegment;
    return metrics.kind !== "refusal" ? asMetrics : { ...asSegment, refusal: segment() };
  }
  if (metrics.kind !== "refusal") return asMetrics;
  return segment().kind !== "refusal" ? asSegment : { ...asSegment, refusal: segment() };
}

/** The start of a question that counts ("сколько" too: \b is ASCII-only, so a lookahead ends the word). */
const HOW_MANY = /^\s*(how many|сколько)(?=[\s?!.,]|$)/i;

/** A question about people by name ("who bought this week", "кто наши чемпионы"). */
const WHO = /^\s*(who|кто)(?=[\s?!.,]|$)/i;

/** Figures that count people, which "how many" over no period means as a segment's size instead. */
const PEOPLE_FIGURES = new Set<FigureKey>(["active_customers", "subscribers_gained", "subscribers_lost", "blocked", "nps_responses"]);

/** The first form asks over a period (or "by source"): the words after its figure key, as /metrics reads them. */
function hasPeriod(understood: Exclude<Understanding, { kind: "refusal" }>): boolean {
  return metricsQuestion(understood.kind === "exact" ? understood.form : understood.forms[0]!).period !== "";
}

function countsPeople(understood: Exclude<Understanding, { kind: "refusal" }>): boolean {
  const forms = understood.kind === "exact" ? [understood.form] : understood.forms;
  return forms.every((f) => {
    const figure = metricsQuestion(f).figure;
    return figure !== undefined && PEOPLE_FIGURES.has(figure);
  });
}
