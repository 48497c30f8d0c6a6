// Registered last: whatever no feature took gets a polite hint, never silence.
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.on("message::bot_command", async (ctx) => {
  await ctx.reply(ctx.t("unknown-command"));
});

privateChats.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-message"));
});

composer.on("callback_query:data", async (ctx) => {
  ctx.log.warn({ data: ctx.callbackQuery.data }, "callback query nobody handled");
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
});

export { composer as unhandledFeature };
