// /stop unsubscribes at once (also for campaigns already in flight) and says how to come back;
// so does "stop", "unsubscribe me", "хочу отписаться" written as a whole message (core/subscribers/customer-words.ts),
// in or out of a dialogue: registered before the flows and surveys, as /stop is.
import { Composer } from "grammy";
import { customerIntent } from "../../../core/subscribers/customer-words.ts";
import { unsubscribe } from "../../../core/subscribers/telegram-subscription.ts";
import type { BotContext } from "../context.ts";

const composer = new Composer<BotContext>();

composer.chatType("private").command(["stop", "unsubscribe"], async (ctx) => {
  await ctx.reply(await unsubscribeSender(ctx));
});

composer.chatType("private").on("message:text", async (ctx, next) => {
  if (customerIntent(ctx.message.text) !== "stop") return next();
  await ctx.reply(await unsubscribeSender(ctx));
});

/** Unsubscribes whoever sent the update; what to tell them (also for /settings' button). */
export async function unsubscribeSender(ctx: BotContext): Promise<string> {
  const { wasSubscribed, subscriber } = await unsubscribe(ctx.core, { telegramId: BigInt(ctx.from!.id) });
  const known = subscriber && subscriber.consentStatus === "unsubscribed";
  return ctx.t(wasSubscribed || known ? "unsubscribed" : "unsubscribed-already");
}

export { composer as unsubscribeFeature };
