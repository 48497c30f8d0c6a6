// Button data of survey answers: the response id and the score (or skip).
import { z } from "zod";
import { defineCallback } from "../button-data.ts";

export const surveyButton = defineCallback(
  "sv",
  z.object({ response: z.string().regex(/^\d{1,10}$/), answer: z.string().regex(/^(\d{1,2}|s)$/) }),
);

export function packSurveyButton(responseId: number, answer: number | "skip"): string {
  return surveyButton.pack({ response: String(responseId), answer: answer === "skip" ? "s" : String(answer) });
}

export function unpackSurveyButton(data: string | undefined): { responseId: number; answer: number | "skip" } | undefined {
  const raw = surveyButton.unpack(data);
  if (!raw) return undefined;
  return { responseId: Number(raw.response), answer: raw.answer === "s" ? "skip" : Number(raw.answer) };
}
