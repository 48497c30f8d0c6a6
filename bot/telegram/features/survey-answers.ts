// Answers to surveys: the score buttons and Skip, and whatever the customer
// sends while a survey question awaits their answer ("9", "nine", "девять", a reason).
import { Composer } from "grammy";
import { answerSurvey, pressSurveyButton } from "../../../core/surveys/answer-survey.ts";
import { surveyButton, unpackSurveyButton } from "../../../core/surveys/survey-buttons.ts";
import type { BotContext } from "../context.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";
import { messageInput } from "../message-input.ts";

const composer = new Composer<BotContext>();

composer.callbackQuery(surveyButton.pattern, async (ctx) => {
  const press = unpackSurveyButton(ctx.callbackQuery.data);
  if (!press || !ctx.subscriber) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    return;
  }
  await sendDialogueReply(ctx, await pressSurveyButton(ctx.core, { subscriber: ctx.subscriber, ...press }));
});

composer
  .chatType("private")
  .filter((ctx) => ctx.awaiting?.kind === "survey")
  .on("message", async (ctx, next) => {
    const input = messageInput(ctx);
    const reply = await answerSurvey(ctx.core, { subscriber: ctx.subscriber!, input: input.kind === "contact" ? { kind: "unreadable" } : input });
    if (!reply) return next();
    await sendDialogueReply(ctx, reply);
  });

export { composer as surveyAnswersFeature };
