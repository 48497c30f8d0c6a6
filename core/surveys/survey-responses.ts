// Survey responses in the database: opening one (respecting the cooldown),
// finding the one that awaits an answer, and the NPS card for the team.
import type { CoreDeps } from "../deps.ts";
import { nextTeamOpening } from "../team-threads/team-hours.ts";
import type { TeamAlert } from "../ports.ts";
import type { Subscriber, SurveyResponse } from "../../generated/prisma/client.ts";
import { customerCardOf } from "../team-threads/customer-card.ts";
import { ordersSummaryOf } from "../subscribers/orders-summary.ts";
import { lifecycleStageOf } from "../segments/lifecycle.ts";
import { SCALES, type SurveyDefinition } from "./survey-definition.ts";

export type SurveyTrigger = "campaign" | "event" | "command";
export type SurveyStage = "score" | "comment" | "done" | "closed" | "undelivered";

export type OpenResult =
  | { opened: true; response: SurveyResponse }
  | { opened: false; reason: "cooldown"; lastAskedAt: Date; nextAllowedAt: Date };

const DAY_MS = 86_400_000;

/** Creates the response row for a new question, unless the person was asked this survey within its cooldown. */
export async function openResponse(
  deps: CoreDeps,
  input: { subscriber: Subscriber; survey: SurveyDefinition; trigger: SurveyTrigger; campaignId?: string | undefined },
): Promise<OpenResult> {
  const { subscriber, survey } = input;
  const now = deps.clock.now();
  if (survey.cooldownDays > 0) {
    const last = await deps.db.prisma.surveyResponse.findFirst({
      where: { subscriberId: subscriber.id, surveyId: survey.id, stage: { not: "undelivered" } },
      orderBy: { askedAt: "desc" },
    });
    const nextAllowedAt = last && new Date(last.askedAt.getTime() + survey.cooldownDays * DAY_MS);
    if (last && nextAllowedAt && nextAllowedAt > now) return { opened: false, reason: "cooldown", lastAskedAt: last.askedAt, nextAllowedAt };
  }
  // An older unanswered copy of the same survey is superseded by this one.
  await deps.db.prisma.surveyResponse.updateMany({
    where: { subscriberId: subscriber.id, surveyId: survey.id, stage: { in: ["score", "comment"] } },
    data: { stage: "closed" },
  });
  const response = await deps.db.prisma.surveyResponse.create({
    data: {
      subscriberId: subscriber.id,
      surveyId: survey.id,
      kind: survey.kind,
      stage: survey.kind === "feedback" ? "comment" : "score",
      trigger: input.trigger,
      campaignId: input.campaignId ?? null,
      askedAt: now,
      expiresAt: new Date(now.getTime() + survey.answerWindowDays * DAY_MS),
    },
  });
  return { opened: true, response };
}

/** The response that awaits this person's answer (the newest open one), if any. */
export async function openResponseOf(deps: CoreDeps, subscriberId: number): Promise<SurveyResponse | null> {
  return deps.db.prisma.surveyResponse.findFirst({
    where: { subscriberId, stage: { in: ["score", "comment"] }, expiresAt: { gt: deps.clock.now() } },
    orderBy: { askedAt: "desc" },
  });
}

export async function detractorAlert(
  deps: CoreDeps,
  input: { subscriber: Subscriber; survey: SurveyDefinition; response: SurveyResponse },
): Promise<Extract<TeamAlert, { kind: "detractor" }>> {
  const { subscriber, survey, response } = input;
  if (survey.kind === "feedback" || response.score === null) throw new Error(`response ${response.id} has no score`);
  const reason: Extract<TeamAlert, { kind: "detractor" }>["reason"] =
    response.comment !== null
      ? { status: "given", text: response.comment }
      : response.stage === "comment"
        ? { status: "pending" }
        : response.stage === "expired"
          ? { status: "unanswered" }
          : survey.followUp
          ? { status: "skipped" }
          : { status: "none" };
  return {
    kind: "detractor",
    customer: customerCardOf(subscriber),
    survey: { id: survey.id, kind: survey.kind, name: survey.name },
    score: response.score,
    scaleMax: SCALES[survey.kind].max,
    reason,
    lifecycleStage: await lifecycleStageOf(deps, subscriber.id),
    orders: await ordersSummaryOf(deps, subscriber.id),
    ...afterHoursOf(deps, response),
  };
}

/**
 * A detractor who answered outside the team's hours is told when someone will
 * answer (in the thanks) and the card says so; both read the score's time, so
 * the card says the same at every update.
 */
export function afterHoursOf(deps: CoreDeps, response: SurveyResponse): { toldAnswerFrom?: string } {
  const opening = response.answeredAt ? nextTeamOpening(response.answeredAt, deps.teamHours, deps.teamTimezone) : undefined;
  return opening ? { toldAnswerFrom: opening.toISOString() } : {};
}
