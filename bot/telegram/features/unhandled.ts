// Registered last: whatever no feature took gets a polite hint, never silence;
// a customer's words go to the team as feedback (forward-free-text.ts).
import { Composer } from "grammy";
import { customerIntent } from "../../../core/subscribers/customer-words.ts";
import { forwardFreeText } from "../../../core/team-threads/forward-free-text.ts";
import type { BotContext } from "../context.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";
import { messageInput } from "../message-input.ts";
import { replyHelp } from "./help.ts";
import { switchLanguage } from "./language.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.on("message::bot_command", async (ctx) => {
  await ctx.reply(ctx.t("unknown-command"));
});

privateChats.on("message", async (ctx) => {
  const input = messageInput(ctx);
  // "help", "hi", "привет" outside any dialogue: what the bot can do, as /help answers.
  const intent = input.kind === "text" ? customerIntent(input.text) : undefined;
  if (intent === "help") return replyHelp(ctx);
  // "english please", "по-русски": the language, as /language's buttons set it.
  if (intent === "language:en" || intent === "language:ru") {
    await switchLanguage(ctx, intent === "language:en" ? "en" : "ru");
    await ctx.reply(ctx.t("language-set"));
    return;
  }
  // Other words outside any dialogue are feedback for the team, not a misunderstanding.
  const forwarded = ctx.subscriber && input.kind === "text" ? await forwardFreeText(ctx.core, { subscriber: ctx.subscriber, text: input.text }) : undefined;
  if (forwarded) return sendDialogueReply(ctx, forwarded);
  await ctx.reply(ctx.t("unhandled-message"));
});

composer.on("callback_query:data", async (ctx) => {
  ctx.log.warn({ data: ctx.callbackQuery.data }, "callback query nobody handled");
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
});

export { composer as unhandledFeature };
