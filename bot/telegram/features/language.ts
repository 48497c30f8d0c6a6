// /language: the customer picks English or Russian; every later message follows it.
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { ensureKnown, setLanguage } from "../../../core/subscribers/telegram-subscription.ts";
import { SUPPORTED_LANGUAGES } from "../../../core/i18n.ts";
import { defineCallback } from "../../../core/button-data.ts";
import { identityOf, type BotContext } from "../context.ts";

export const languageCallback = defineCallback("lang", z.object({ code: z.enum(SUPPORTED_LANGUAGES) }));

export const LANGUAGE_NAMES: Record<(typeof SUPPORTED_LANGUAGES)[number], string> = { en: "English", ru: "Русский" };

const composer = new Composer<BotContext>();

composer.chatType("private").command("language", async (ctx) => {
  const keyboard = new InlineKeyboard();
  for (const code of SUPPORTED_LANGUAGES) keyboard.text(LANGUAGE_NAMES[code], languageCallback.pack({ code }));
  await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
});

/** Switches the sender's language (a /language button, or "english please" written outside a dialogue) and says so in it. */
export async function switchLanguage(ctx: BotContext, code: (typeof SUPPORTED_LANGUAGES)[number]): Promise<void> {
  if (!ctx.subscriber) ctx.subscriber = await ensureKnown(ctx.core, identityOf(ctx));
  ctx.subscriber = await setLanguage(ctx.core, { telegramId: BigInt(ctx.from!.id), language: code });
  ctx.i18n.useLocale(code);
}

composer.callbackQuery(languageCallback.pattern, async (ctx) => {
  const data = languageCallback.unpack(ctx.callbackQuery.data);
  if (!data) {
    await ctx.answerCallbackQuery();
    return;
  }
  await switchLanguage(ctx, data.code);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-set"));
});

export { composer as languageFeature };
