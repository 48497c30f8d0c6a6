// my_chat_member tells us when a person blocks (kicked) or unblocks (member) the bot.
import { Composer } from "grammy";
import { setBlocked } from "../../../core/subscribers/telegram-subscription.ts";
import type { BotContext } from "../context.ts";

const composer = new Composer<BotContext>();

composer.on("my_chat_member", async (ctx) => {
  const update = ctx.myChatMember;
  if (update.chat.type !== "private") return;
  const status = update.new_chat_member.status;
  if (status !== "kicked" && status !== "member") return;
  const subscriber = await setBlocked(ctx.core, { telegramId: BigInt(update.from.id), blocked: status === "kicked" });
  ctx.log.info({ subscriberId: subscriber?.id, status }, "chat member status changed");
});

export { composer as blockedFeature };
