// Texts written in data files (flow questions, survey questions) carry every
// language we speak, so a Russian-speaking customer never meets English mid-dialogue.
import { z } from "zod";
import { pickLanguage, SUPPORTED_LANGUAGES, type Language } from "../i18n.ts";

const nonEmpty = z
  .string({ error: (issue) => (issue.input === undefined ? "is missing (every language needs its text)" : "expected a text") })
  .trim()
  .min(1, { message: "must not be empty" });

export const localizedTextSchema = z.object(
  Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, nonEmpty])) as Record<Language, typeof nonEmpty>,
  { message: `expected a text in every language: ${SUPPORTED_LANGUAGES.join(", ")}` },
).strict();

export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function localize(text: LocalizedText, language: string): string {
  return text[pickLanguage(language)];
}

/** Every language's variant, for matching what a customer typed whatever language they use. */
export function allVariants(text: LocalizedText): string[] {
  return SUPPORTED_LANGUAGES.map((language) => text[language]);
}

/** A locale message in every language (for texts that travel as data, e.g. to the team's cards). */
export function inEveryLanguage(t: (language: string, key: string) => string, key: string): LocalizedText {
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, t(language, key)])) as LocalizedText;
}

/** The same words in every language (what the customer typed). */
export function verbatim(text: string): LocalizedText {
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, text])) as LocalizedText;
}
