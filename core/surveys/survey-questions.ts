// How survey questions look: NPS with an 11-button keyboard (0-5 / 6-10),
// CSAT with 1-5, the follow-up with a Skip button, feedback as an open question.
import type { Translator } from "../i18n.ts";
import type { OutgoingButton, OutgoingMessage } from "../ports.ts";
import { localize } from "../dialogues/localized-text.ts";
import { SCALES, type SurveyDefinition } from "./survey-definition.ts";
import { packSurveyButton } from "./survey-buttons.ts";

export function scoreQuestion(survey: SurveyDefinition, responseId: number, language: string): OutgoingMessage {
  const text = localize(survey.question, language);
  if (survey.kind === "feedback") return { text };
  const { min, max } = SCALES[survey.kind];
  const button = (n: number): OutgoingButton => ({ text: String(n), data: packSurveyButton(responseId, n) });
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  // Telegram fits 8 buttons in a row at most; 0-10 reads best as two rows.
  const rows = scores.length > 6 ? [scores.slice(0, 6), scores.slice(6)] : [scores];
  return { text, buttons: rows.map((row) => row.map(button)) };
}

export function followUpQuestion(translator: Translator, survey: SurveyDefinition, responseId: number, language: string): OutgoingMessage {
  return {
    text: localize(survey.followUp!, language),
    buttons: [[{ text: translator.t(language, "survey-skip"), data: packSurveyButton(responseId, "skip") }]],
  };
}
