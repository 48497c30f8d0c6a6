// Putting a survey to a person: by a campaign or after an event (chains call
// askSurvey, which sends through deps.channel), or on the customer's request
// (a command; the bot replies with what requestSurvey returns). Nobody is asked
// the same survey again within its cooldown.
import type { CoreDeps } from "../deps.ts";
import { NotFound, SurveyNotFound } from "../errors.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import { reply, type DialogueReply } from "../dialogues/reply.ts";
import { reachability, retryAfterOf, sendMessages, type NotReachable, type SendFailure } from "../dialogues/send-messages.ts";
import type { SurveyDefinition } from "./survey-definition.ts";
import { scoreQuestion } from "./survey-questions.ts";
import { openResponse } from "./survey-responses.ts";

export type AskSurveyResult =
  | { status: "sent"; responseId: number }
  /** Asked within the survey's cooldown: not asked again before nextAllowedAt. */
  | { status: "skipped"; reason: "cooldown"; lastAskedAt: Date; nextAllowedAt: Date }
  /** Not opted in, blocked the bot, or no chat to reach them in. */
  | { status: "skipped"; reason: NotReachable }
  /** The question could not be delivered; the person may be asked again later. */
  | { status: "failed"; reason: SendFailure["reason"]; description: string; retryAfterSeconds?: number };

export async function askSurvey(
  deps: CoreDeps,
  options: { subscriberId: number; surveyId: string; campaignId?: string; trigger?: "campaign" | "event" },
): Promise<AskSurveyResult> {
  const survey = surveyById(deps, options.surveyId);
  const subscriber = await deps.db.prisma.subscriber.findUnique({ where: { id: options.subscriberId } });
  if (!subscriber) throw new NotFound("subscriber", options.subscriberId);
  const unreachable = reachability(subscriber);
  if (unreachable) return { status: "skipped", reason: unreachable };
  const trigger = options.trigger ?? (options.campaignId ? "campaign" : "event");
  const opened = await openResponse(deps, { subscriber, survey, trigger, campaignId: options.campaignId });
  if (!opened.opened) return { status: "skipped", reason: opened.reason, lastAskedAt: opened.lastAskedAt, nextAllowedAt: opened.nextAllowedAt };
  const failure = await sendMessages(deps, subscriber, [scoreQuestion(survey, opened.response.id, subscriber.language)]);
  if (failure) {
    await deps.db.prisma.surveyResponse.update({ where: { id: opened.response.id }, data: { stage: "undelivered" } });
    return { status: "failed", reason: failure.reason, description: failure.description, ...retryAfterOf(failure) };
  }
  deps.logger.info({ subscriberId: subscriber.id, surveyId: survey.id, responseId: opened.response.id, trigger }, "survey asked");
  return { status: "sent", responseId: opened.response.id };
}

/** The customer asked for a survey (/feedback): the question to reply with, or why not now. */
export async function requestSurvey(deps: CoreDeps, options: { subscriber: Subscriber; surveyId: string }): Promise<DialogueReply> {
  const survey = surveyById(deps, options.surveyId);
  const { subscriber } = options;
  const opened = await openResponse(deps, { subscriber, survey, trigger: "command" });
  if (!opened.opened) return reply({ text: deps.translator.t(subscriber.language, "survey-cooldown") });
  return reply(scoreQuestion(survey, opened.response.id, subscriber.language));
}

export function surveyById(deps: CoreDeps, surveyId: string): SurveyDefinition {
  const survey = deps.dialogues.surveys.get(surveyId);
  if (!survey) throw new SurveyNotFound(surveyId);
  return survey;
}
