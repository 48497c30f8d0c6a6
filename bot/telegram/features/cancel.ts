// /cancel leaves the dialogue the customer is in: the flow (answers so far
// stay saved) or the survey question.
import { Composer } from "grammy";
import { cancelFlow } from "../../../core/flows/answer-flow.ts";
import { cancelSurvey } from "../../../core/surveys/answer-survey.ts";
import type { BotContext } from "../context.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";

const composer = new Composer<BotContext>();

composer.chatType("private").command("cancel", async (ctx) => {
  const subscriber = ctx.subscriber;
  if (!subscriber) {
    await ctx.reply(ctx.t("cancel-nothing"));
    return;
  }
  const cancellers = ctx.awaiting?.kind === "survey" ? [cancelSurvey, cancelFlow] : [cancelFlow, cancelSurvey];
  for (const cancel of cancellers) {
    const reply = await cancel(ctx.core, { subscriber });
    if (reply) return sendDialogueReply(ctx, reply);
  }
  await ctx.reply(ctx.t("cancel-nothing"));
});

export { composer as cancelFeature };
