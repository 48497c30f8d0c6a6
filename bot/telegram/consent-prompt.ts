// The consent question with its Yes/No buttons: asked by /start, and at the
// end of a flow for someone who came by a link straight into it.
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { defineCallback } from "../../core/button-data.ts";
import { startSubscription } from "../../core/subscribers/telegram-subscription.ts";
import { identityOf, type BotContext } from "./context.ts";

export const consentCallback = defineCallback("consent", z.object({ answer: z.enum(["yes", "no"]) }));

export function consentQuestion(ctx: BotContext): string {
  return ctx.t("consent-question", { name: ctx.from?.first_name ?? "none", brand: ctx.settings.brandName });
}

export function consentKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("consent-yes"), consentCallback.pack({ answer: "yes" }))
    .text(ctx.t("consent-no"), consentCallback.pack({ answer: "no" }));
}

/** Records that the person is asked (pending) and asks; nothing for someone already subscribed. */
export async function askForConsent(ctx: BotContext, source?: string): Promise<{ alreadySubscribed: boolean }> {
  // Nobody found for this person when the update came in: a newcomer is written in one statement.
  const known = ctx.subscriber === null ? null : undefined;
  const { subscriber, alreadySubscribed } = await startSubscription(ctx.core, { identity: identityOf(ctx), source, known });
  ctx.subscriber = subscriber;
  if (!alreadySubscribed) await ctx.reply(consentQuestion(ctx), { reply_markup: consentKeyboard(ctx) });
  return { alreadySubscribed };
}
