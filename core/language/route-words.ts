// A message to the app (an @mention, a direct message) names no command: which
// command do its words address? An explicit command word first ("segment
// list", "/metrics last week", "send ..."); otherwise the question's framing
// ("how many", "сколько у нас", from vocabulary/questions.json) is set aside
// and the words go to whichever grammar reads them - a figure and a period
// (/metrics), else an audience (/segment). Deterministic and offline, like
// every natural command; the answer still says how it understood them.
import fs from "node:fs";
import type { CoreDeps } from "../deps.ts";
import type { InstallationNames } from "./installation-names.ts";
import { understandWords } from "./understand.ts";
import type { Understanding } from "./understanding.ts";

export type RoutedCommand = "/segment" | "/send" | "/metrics" | "/campaigns" | "/chains" | "/chatloop";

const COMMAND_WORDS: Record<string, RoutedCommand> = {
  segment: "/segment", segments: "/segment", сегмент: "/segment", сегменты: "/segment",
  send: "/send", отправь: "/send", отправить: "/send", рассылка: "/send",
  metrics: "/metrics", метрики: "/metrics", показатели: "/metrics",
  campaigns: "/campaigns", кампании: "/campaigns",
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
  const text = message.trim();
  const [first = "", ...rest] = text.split(/\s+/);
  const explicit = COMMAND_WORDS[first.replace(/^\//, "").toLowerCase()];
  if (explicit) return { command: explicit, text: rest.join(" "), explicit: true };
  // A quoted message is a campaign: "/send" reads audience, message and time in any order.
  if (/["“”«»„]/.test(text)) return { command: "/send", text };
  const words = withoutFraming(text);
  // "How many ..." / "сколько ..." counts people: the audience grammar is asked first.
  const order: ("metrics" | "segment")[] = /^\s*(how many|сколько)\b/i.test(text) ? ["segment", "metrics"] : ["metrics", "segment"];
  let refusal: Understanding | undefined;
  for (const grammar of order) {
    const understood = await understandWords(deps, grammar, words, names);
    if (understood.kind !== "refusal") return { command: grammar === "metrics" ? "/metrics" : "/segment", text: words };
    if (grammar === "segment") refusal = understood;
  }
  return { command: "/segment", text: words, ...(refusal ? { refusal } : {}) };
}
