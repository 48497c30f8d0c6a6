// /stop unsubscribes at once (also for campaigns already in flight) and says how to come back.
import { Composer } from "grammy";
import { unsubscribe } from "../../../core/subscribers/telegram-subscription.ts";
import type { BotContext } from "../context.ts";

const composer = new Composer<BotContext>();

composer.chatType("private").command(["stop", "unsubscribe"], async (ctx) => {
  await ctx.reply(await unsubscribeSender(ctx));
});

/** Unsubscribes whoever sent the update; what to tell them (also for /settings' button). */
export async function unsubscribeSender(ctx: BotContext): Promise<string> {
  const { wasSubscribed, subscriber } = await unsubscribe(ctx.core, { telegramId: BigInt(ctx.from!.id) });
  const known = subscriber && subscriber.consentStatus === "unsubscribed";
  return ctx.t(wasSubscribed || known ? "unsubscribed" : "unsubscribed-already");
}

export { composer as unsubscribeFeature };
