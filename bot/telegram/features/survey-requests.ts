// Customers ask for a survey themselves with the commands its file names (/feedback).
import { Composer } from "grammy";
import { requestSurvey } from "../../../core/surveys/ask-survey.ts";
import { ensureKnown } from "../../../core/subscribers/telegram-subscription.ts";
import { identityOf, type BotContext } from "../context.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";
import { commandOf } from "../message-input.ts";

const composer = new Composer<BotContext>();

composer.chatType("private").on("message::bot_command", async (ctx, next) => {
  const command = commandOf(ctx);
  const survey = command ? ctx.core.dialogues.surveys.forCommand(command) : undefined;
  if (!survey) return next();
  ctx.subscriber ??= await ensureKnown(ctx.core, identityOf(ctx));
  await sendDialogueReply(ctx, await requestSurvey(ctx.core, { subscriber: ctx.subscriber, surveyId: survey.id }));
});

export { composer as surveyRequestsFeature };
