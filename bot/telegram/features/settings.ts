// /settings: the customer's language and whether we may write to them, with
// buttons to change either - the same language choice as /language, the same
// double opt-in as /start, the same unsubscribe as /stop.
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { defineCallback } from "../../../core/button-data.ts";
import { pickLanguage, SUPPORTED_LANGUAGES } from "../../../core/i18n.ts";
import type { BotContext } from "../context.ts";
import { askForConsent } from "../consent-prompt.ts";
import { LANGUAGE_NAMES, languageCallback } from "./language.ts";
import { unsubscribeSender } from "./unsubscribe.ts";

export const settingsCallback = defineCallback("settings", z.object({ action: z.enum(["subscribe", "unsubscribe"]) }));

const composer = new Composer<BotContext>();

composer.chatType("private").command("settings", async (ctx) => {
  const language = await ctx.i18n.getLocale();
  const subscribed = ctx.subscriber?.consentStatus === "subscribed";
  const keyboard = new InlineKeyboard();
  for (const code of SUPPORTED_LANGUAGES) keyboard.text(LANGUAGE_NAMES[code], languageCallback.pack({ code }));
  keyboard.row().text(ctx.t(subscribed ? "settings-unsubscribe" : "settings-subscribe"), settingsCallback.pack({ action: subscribed ? "unsubscribe" : "subscribe" }));
  await ctx.reply(
    ctx.t("settings-summary", {
      language: LANGUAGE_NAMES[pickLanguage(language)],
      subscription: ctx.t(subscribed ? "settings-subscribed" : "settings-not-subscribed"),
    }),
    { reply_markup: keyboard },
  );
});

composer.callbackQuery(settingsCallback.pattern, async (ctx) => {
  const data = settingsCallback.unpack(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  // The settings message keeps its text; its buttons have done their job.
  await ctx.editMessageReplyMarkup().catch((err: unknown) => ctx.log.debug({ err }, "settings buttons not removed"));
  if (data?.action === "unsubscribe") {
    await ctx.reply(await unsubscribeSender(ctx));
    return;
  }
  const { alreadySubscribed } = await askForConsent(ctx);
  if (alreadySubscribed) await ctx.reply(ctx.t("consent-already"));
});

export { composer as settingsFeature };
