// What understanding words gives back, for every command: the exact form the
// words compile to (run as if typed, and echoed as "Understood as: ..."),
// several exact forms to choose from when the words allow more than one
// reading, or a refusal that names the part and the words it could not read,
// with the closest known ones. Pure: the same words and names give the same
// answer every time.
import type { InstallationNames } from "./installation-names.ts";

export type Understanding =
  | { kind: "exact"; form: string; corrected: Correction[] }
  | { kind: "choice"; forms: string[]; corrected: Correction[] }
  | { kind: "refusal"; part: RefusedPart; problem: RefusalProblem; words: string[]; suggestions: string[] };

/** A typo read as a known word ("custmers" -> "customers"): shown with the echo. */
export interface Correction {
  typed: string;
  readAs: string;
}

export type RefusedPart = "audience" | "message" | "when" | "question";
export type RefusalProblem =
  /** Words that are neither vocabulary nor a name of this installation. */
  | "unknown_words"
  /** Nothing was said about who (or which figure). */
  | "nothing"
  /** A number or duration with nothing it could belong to ("over 300" alone). */
  | "dangling"
  | "no_message"
  /** Words no audience has and nothing in quotes: likely the message, unquoted. */
  | "unquoted_message"
  | "survey_and_message"
  | "two_messages"
  | "no_time"
  | "past_time";

export interface UnderstandContext {
  names: InstallationNames;
  now: Date;
  timezone: string;
}

export function refusal(part: RefusedPart, problem: RefusalProblem, words: string[] = [], suggestions: string[] = []): Understanding {
  return { kind: "refusal", part, problem, words, suggestions };
}
