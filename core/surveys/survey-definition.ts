// The shape of a survey file (flows/surveys/*.yaml): NPS (0-10), CSAT (1-5)
// or free-form feedback. The README documents it with an example.
import { z } from "zod";
import { localizedTextSchema } from "../dialogues/localized-text.ts";
import { commandSchema, flowIdSchema } from "../flows/flow-definition.ts";

export const SURVEY_KINDS = ["nps", "csat", "feedback"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SCALES: Record<Exclude<SurveyKind, "feedback">, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
};

export const DEFAULT_COOLDOWN_DAYS = 90;
export const DEFAULT_ANSWER_WINDOW_DAYS = 7;
/**
 * The optional reason is taken this long after the score. Someone who ignores
 * the question and writes days later ("where is my order?") is not giving a reason.
 */
export const DEFAULT_REASON_WINDOW_HOURS = 24;

export const surveySchema = z
  .object({
    id: flowIdSchema,
    kind: z.enum(SURVEY_KINDS, { message: "expected nps, csat or feedback" }),
    /** Team-facing name (cards, profile). */
    name: localizedTextSchema,
    /** The question: the score question (nps, csat) or the open question (feedback). */
    question: localizedTextSchema,
    /** nps/csat: an optional free-text question after the score ("the main reason for your score?"). */
    followUp: localizedTextSchema.optional(),
    /** Thanks after the last answer; per NPS group if you like. */
    thanks: z
      .object({
        default: localizedTextSchema,
        promoter: localizedTextSchema.optional(),
        passive: localizedTextSchema.optional(),
        detractor: localizedTextSchema.optional(),
      })
      .strict(),
    /** A person is not asked this survey again within this many days (0: no limit). */
    cooldownDays: z.number().min(0).max(3650).default(DEFAULT_COOLDOWN_DAYS),
    /** How long an unanswered survey still takes the answer. */
    answerWindowDays: z.number().positive().max(90).default(DEFAULT_ANSWER_WINDOW_DAYS),
    /** nps/csat with followUp: how long after the score the reason is still taken. */
    reasonWindowHours: z.number().positive().max(90 * 24).default(DEFAULT_REASON_WINDOW_HOURS),
    /**
     * Scores at or below this are posted to the team channel at once, and the
     * team can answer in the thread. NPS: detractors (6); CSAT: 2. Feedback: every answer.
     */
    alertAtOrBelow: z.number().int().optional(),
    /** Customers can ask for this survey with these commands (e.g. feedback for /feedback). */
    commands: z.array(commandSchema).max(5).default([]),
  })
  .strict()
  .refine((s) => s.kind !== "feedback" || s.followUp === undefined, {
    message: "a feedback survey has one open question: remove followUp",
    path: ["followUp"],
  });

export type SurveyDefinition = z.infer<typeof surveySchema>;

/** Scores that alert the team: NPS detractors (0-6) unless the file says otherwise, CSAT 1-2. */
export function alertThreshold(survey: SurveyDefinition): number | undefined {
  if (survey.kind === "feedback") return undefined;
  return survey.alertAtOrBelow ?? (survey.kind === "nps" ? 6 : 2);
}

export type NpsGroup = "promoter" | "passive" | "detractor";

/** DOMAIN.md: promoters 9-10, passives 7-8, detractors 0-6. */
export function npsGroup(score: number): NpsGroup {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}
