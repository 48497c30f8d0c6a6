// A customer's answer to a survey: the score (a button or typed: "9", "nine",
// "девять"), then the optional reason. Low scores reach the team at once;
// the reason updates the team's card when it comes.
import type { CoreDeps } from "../deps.ts";
import { SUPPORTED_LANGUAGES } from "../i18n.ts";
import type { Subscriber, SurveyResponse } from "../../generated/prisma/client.ts";
import { localize } from "../dialogues/localized-text.ts";
import { parseScore } from "../dialogues/parse-answers.ts";
import { reply, type DialogueReply } from "../dialogues/reply.ts";
import { alertTeam, refOf } from "../team-threads/alert-team.ts";
import { customerCardOf } from "../team-threads/customer-card.ts";
import { ordersSummaryOf } from "../subscribers/orders-summary.ts";
import { alertThreshold, npsGroup, SCALES, type SurveyDefinition } from "./survey-definition.ts";
import { followUpQuestion, scoreQuestion } from "./survey-questions.ts";
import { afterHoursOf, detractorAlert, openResponseOf } from "./survey-responses.ts";
import { formatOpening } from "../team-threads/team-hours.ts";
import type { OutgoingMessage } from "../ports.ts";
import { inviteButton } from "../referrals/invite-link.ts";

export type SurveyInput = { kind: "text"; text: string } | { kind: "unreadable" } | { kind: "command" };

/** A message (not a button) from someone whose survey awaits an answer; undefined when none does (any more). */
export async function answerSurvey(deps: CoreDeps, options: { subscriber: Subscriber; input: SurveyInput }): Promise<DialogueReply | undefined> {
  const { subscriber, input } = options;
  const t = (key: string, vars?: Record<string, string | number>) => deps.translator.t(subscriber.language, key, vars);
  const response = await openResponseOf(deps, subscriber.id);
  const survey = response && deps.dialogues.surveys.get(response.surveyId);
  if (!response || !survey) return undefined;
  if (response.stage === "score" && survey.kind !== "feedback") {
    const { min, max } = SCALES[survey.kind];
    const score = input.kind === "text" ? parseScore(input.text, min, max) : undefined;
    if (score === undefined) {
      // Anything else gets the question again, in their language.
      return reply([{ text: t("survey-invalid-score", { min, max }) }, scoreQuestion(survey, response.id, subscriber.language)]);
    }
    return recordScore(deps, { subscriber, survey, response, score });
  }
  if (input.kind !== "text" || input.text.trim() === "") {
    return reply({ text: t(survey.kind === "feedback" ? "survey-feedback-hint" : "survey-comment-hint") });
  }
  // "Skip" typed instead of tapped is not a reason.
  if (survey.kind !== "feedback" && isSkipWord(deps, input.text)) return skipComment(deps, { subscriber, survey, response });
  return recordComment(deps, { subscriber, survey, response, comment: input.text.trim() });
}

export async function pressSurveyButton(
  deps: CoreDeps,
  options: { subscriber: Subscriber; responseId: number; answer: number | "skip" },
): Promise<DialogueReply> {
  const { subscriber, answer } = options;
  const t = (key: string) => deps.translator.t(subscriber.language, key);
  const response = await deps.db.prisma.surveyResponse.findUnique({ where: { id: options.responseId } });
  const survey = response && deps.dialogues.surveys.get(response.surveyId);
  if (!response || !survey || response.subscriberId !== subscriber.id) return { messages: [], notice: t("survey-closed"), pressed: { close: true } };
  if (response.stage === "closed" || response.stage === "undelivered" || response.expiresAt <= deps.clock.now()) {
    return { messages: [], notice: t("survey-closed"), pressed: { close: true } };
  }
  if (answer === "skip") {
    if (response.stage !== "comment") return { messages: [], notice: t("survey-already-answered"), pressed: { close: true } };
    return skipComment(deps, { subscriber, survey, response });
  }
  if (response.stage !== "score" || survey.kind === "feedback") return { messages: [], notice: t("survey-already-answered"), pressed: { close: true } };
  const { min, max } = SCALES[survey.kind];
  if (answer < min || answer > max) return { messages: [], notice: t("survey-closed"), pressed: { close: true } };
  return recordScore(deps, { subscriber, survey, response, score: answer, pressed: true });
}

/** /cancel during a survey: the question is closed unanswered. */
export async function cancelSurvey(deps: CoreDeps, options: { subscriber: Subscriber }): Promise<DialogueReply | undefined> {
  const response = await openResponseOf(deps, options.subscriber.id);
  if (!response) return undefined;
  const { count } = await deps.db.prisma.surveyResponse.updateMany({ where: { id: response.id, stage: response.stage }, data: { stage: response.stage === "comment" && response.score !== null ? "done" : "closed" } });
  // A detractor's card said "waiting for their answer": it now says they skipped it.
  const survey = deps.dialogues.surveys.get(response.surveyId);
  if (count > 0 && response.score !== null && survey && survey.kind !== "feedback") {
    const closed = await deps.db.prisma.surveyResponse.findUniqueOrThrow({ where: { id: response.id } });
    await refreshTeamCard(deps, { subscriber: options.subscriber, survey, response: closed });
  }
  return reply({ text: deps.translator.t(options.subscriber.language, "survey-cancelled") });
}

interface Answering {
  subscriber: Subscriber;
  survey: SurveyDefinition;
  response: SurveyResponse;
}

async function recordScore(deps: CoreDeps, input: Answering & { score: number; pressed?: boolean }): Promise<DialogueReply> {
  const { subscriber, survey, score } = input;
  const now = deps.clock.now();
  const stage = survey.followUp ? "comment" : "done";
  // The reason question has its own, shorter window from now on: a message
  // long after the score is about something else, not the reason for it.
  const reasonUntil = survey.followUp ? { expiresAt: new Date(now.getTime() + survey.reasonWindowHours * 3_600_000) } : {};
  const { count } = await deps.db.prisma.surveyResponse.updateMany({
    where: { id: input.response.id, stage: "score" },
    data: { score, answeredAt: now, stage, ...reasonUntil },
  });
  const pressed = input.pressed ? { pressed: { chosen: `${score}` } } : {};
  if (count === 0) return { messages: [], notice: deps.translator.t(subscriber.language, "survey-already-answered"), pressed: { close: true } };
  const response = await deps.db.prisma.surveyResponse.findUniqueOrThrow({ where: { id: input.response.id } });
  deps.logger.info({ subscriberId: subscriber.id, surveyId: survey.id, responseId: response.id, score }, "survey score recorded");
  const threshold = alertThreshold(survey);
  if (threshold !== undefined && score <= threshold) {
    await alertTeam(deps, {
      alert: await detractorAlert(deps, { subscriber, survey, response }),
      subscriberId: subscriber.id,
      topic: "detractor",
      surveyResponseId: response.id,
    });
  }
  if (survey.followUp) return reply(followUpQuestion(deps.translator, survey, response.id, subscriber.language), pressed);
  return reply(thanksMessage(deps, survey, response, subscriber), pressed);
}

async function recordComment(deps: CoreDeps, input: Answering & { comment: string }): Promise<DialogueReply> {
  const { subscriber, survey, comment } = input;
  const now = deps.clock.now();
  const { count } = await deps.db.prisma.surveyResponse.updateMany({
    where: { id: input.response.id, stage: "comment" },
    data: { comment, commentedAt: now, stage: "done", ...(survey.kind === "feedback" ? { answeredAt: now } : {}) },
  });
  if (count === 0) return reply({ text: deps.translator.t(subscriber.language, "survey-already-answered") });
  const response = await deps.db.prisma.surveyResponse.findUniqueOrThrow({ where: { id: input.response.id } });
  if (survey.kind === "feedback") {
    await alertTeam(deps, {
      alert: { kind: "feedback", customer: customerCardOf(subscriber), survey: { id: survey.id, name: survey.name }, text: comment, orders: await ordersSummaryOf(deps, subscriber.id) },
      subscriberId: subscriber.id,
      topic: "feedback",
      surveyResponseId: response.id,
    });
  } else {
    await refreshTeamCard(deps, { subscriber, survey, response });
  }
  return reply(thanksMessage(deps, survey, response, subscriber));
}

async function skipComment(deps: CoreDeps, input: Answering): Promise<DialogueReply> {
  const { subscriber, survey } = input;
  const { count } = await deps.db.prisma.surveyResponse.updateMany({ where: { id: input.response.id, stage: "comment" }, data: { stage: "done" } });
  if (count === 0) return { messages: [], notice: deps.translator.t(subscriber.language, "survey-already-answered"), pressed: { close: true } };
  const response = await deps.db.prisma.surveyResponse.findUniqueOrThrow({ where: { id: input.response.id } });
  await refreshTeamCard(deps, { subscriber, survey, response });
  return reply(thanksMessage(deps, survey, response, subscriber), { pressed: { chosen: deps.translator.t(subscriber.language, "survey-skip") } });
}

/**
 * Reason questions whose window passed unanswered are closed (stage
 * "expired"), and a detractor's card stops saying "waiting for their answer"
 * (scheduler job "surveys.close-expired").
 */
export async function closeExpiredReasons(deps: CoreDeps): Promise<number> {
  const expired = await deps.db.prisma.$queryRawUnsafe<{ id: number; has_card: boolean }[]>(
    `UPDATE survey_response r SET stage = 'expired' WHERE r.stage = 'comment' AND r.expires_at <= $1
     RETURNING r.id, EXISTS (SELECT 1 FROM team_thread t WHERE t.survey_response_id = r.id) AS has_card`,
    deps.clock.now(),
  );
  const carded = expired.filter((r) => r.has_card).map((r) => r.id);
  if (carded.length === 0) return expired.length;
  // Only detractors have a card to update: one read for them all, then one Slack update each.
  const withCards = await deps.db.prisma.surveyResponse.findMany({ where: { id: { in: carded } }, include: { subscriber: true } });
  for (const response of withCards) {
    const survey = deps.dialogues.surveys.get(response.surveyId);
    if (!survey || survey.kind === "feedback" || response.score === null || response.subscriber.erasedAt) continue;
    await refreshTeamCard(deps, { subscriber: response.subscriber, survey, response });
  }
  return expired.length;
}

/** The detractor card was posted with "waiting for the reason": show what came. */
async function refreshTeamCard(deps: CoreDeps, input: Answering): Promise<void> {
  const thread = await deps.db.prisma.teamThread.findFirst({ where: { surveyResponseId: input.response.id } });
  if (!thread) return;
  try {
    await deps.notifier.updateAlert(refOf(thread), await detractorAlert(deps, input));
  } catch (err) {
    deps.logger.error({ err, threadId: thread.id }, "team card could not be updated with the reason");
  }
}

function isSkipWord(deps: CoreDeps, text: string): boolean {
  const typed = text.trim().toLowerCase();
  return SUPPORTED_LANGUAGES.some((language) => deps.translator.t(language, "survey-skip").toLowerCase() === typed);
}

/** The thanks; a promoter (9-10) also gets the "Invite a friend" button while a referral programme runs. */
function thanksMessage(deps: CoreDeps, survey: SurveyDefinition, response: SurveyResponse, subscriber: Subscriber): OutgoingMessage {
  const text = thanks(deps, survey, response, subscriber);
  const promoter = survey.kind === "nps" && response.score !== null && npsGroup(response.score) === "promoter";
  if (!promoter || !deps.dialogues.referrals) return { text };
  return { text, buttons: [[{ text: deps.translator.t(subscriber.language, "referral-invite-button"), data: inviteButton.pack({}) }]] };
}

function thanks(deps: CoreDeps, survey: SurveyDefinition, response: SurveyResponse, subscriber: Subscriber): string {
  const language = subscriber.language;
  const group = survey.kind === "nps" && response.score !== null ? npsGroup(response.score) : undefined;
  const text = localize((group && survey.thanks[group]) ?? survey.thanks.default, language);
  // A detractor's card went to the team: outside its hours, say when someone will answer.
  const threshold = alertThreshold(survey);
  const told = threshold !== undefined && response.score !== null && response.score <= threshold ? afterHoursOf(deps, response).toldAnswerFrom : undefined;
  if (!told) return text;
  const when = formatOpening(new Date(told), language, subscriber.timezone ?? deps.teamTimezone);
  return `${text}\n${deps.translator.t(language, "survey-team-after-hours", { when })}`;
}
