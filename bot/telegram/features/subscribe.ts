// /start [source]: make the person known, remember where they came from and
// ask for consent with a button. Only "yes" subscribes them (double opt-in).
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { confirmConsent, declineConsent, startSubscription } from "../../../core/subscribers/telegram-subscription.ts";
import { defineCallback } from "../../../core/button-data.ts";
import { identityOf, type BotContext } from "../context.ts";

export const consentCallback = defineCallback("consent", z.object({ answer: z.enum(["yes", "no"]) }));

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("start", async (ctx) => {
  const { subscriber, alreadySubscribed } = await startSubscription(ctx.core, {
    identity: identityOf(ctx),
    source: ctx.match || undefined,
  });
  ctx.subscriber = subscriber;
  if (alreadySubscribed) {
    await ctx.reply(ctx.t("consent-already"));
    return;
  }
  const keyboard = new InlineKeyboard()
    .text(ctx.t("consent-yes"), consentCallback.pack({ answer: "yes" }))
    .text(ctx.t("consent-no"), consentCallback.pack({ answer: "no" }));
  await ctx.reply(consentQuestion(ctx), { reply_markup: keyboard });
});

composer.callbackQuery(consentCallback.pattern, async (ctx) => {
  const data = consentCallback.unpack(ctx.callbackQuery.data);
  const telegramId = BigInt(ctx.from.id);
  if (!data || !ctx.subscriber) {
    await ctx.answerCallbackQuery({ text: ctx.t("consent-expired") });
    return;
  }
  if (data.answer === "yes") {
    // The exact text the person agreed to goes into their consent history.
    const { changed } = await confirmConsent(ctx.core, { telegramId, consentText: consentQuestion(ctx) });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(changed ? "consent-confirmed" : "consent-already"));
  } else {
    await declineConsent(ctx.core, { telegramId });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("consent-declined"));
  }
});

function consentQuestion(ctx: BotContext): string {
  return ctx.t("consent-question", { name: ctx.from?.first_name ?? "none", brand: ctx.settings.brandName });
}

export { composer as subscribeFeature };
