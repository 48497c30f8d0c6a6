// Answers to flow questions: the question's buttons, and whatever the customer
// sends while a flow question awaits their answer (text, a shared contact, or
// something the flow cannot read, which gets a hint).
import { Composer } from "grammy";
import { answerFlow, pressFlowButton } from "../../../core/flows/answer-flow.ts";
import { flowButton, unpackFlowButton } from "../../../core/flows/flow-buttons.ts";
import type { BotContext } from "../context.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";
import { messageInput } from "../message-input.ts";

const composer = new Composer<BotContext>();

composer.callbackQuery(flowButton.pattern, async (ctx) => {
  const press = unpackFlowButton(ctx.callbackQuery.data);
  if (!press || !ctx.subscriber) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    return;
  }
  await sendDialogueReply(ctx, await pressFlowButton(ctx.core, { subscriber: ctx.subscriber, ...press }));
});

composer
  .chatType("private")
  .filter((ctx) => ctx.awaiting?.kind === "flow")
  .on("message", async (ctx, next) => {
    const reply = await answerFlow(ctx.core, { subscriber: ctx.subscriber!, input: messageInput(ctx) });
    // The flow ended between routing and answering: someone else (or the catch-all) answers.
    if (!reply) return next();
    await sendDialogueReply(ctx, reply);
  });

export { composer as flowAnswersFeature };
