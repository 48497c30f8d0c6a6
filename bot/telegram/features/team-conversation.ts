// After a teammate wrote to the customer from a Slack thread, the customer's
// messages go back into that thread (commands still do what they always do).
import { Composer } from "grammy";
import { relayCustomerReply } from "../../../core/team-threads/relay-customer-reply.ts";
import type { BotContext } from "../context.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";
import { messageInput } from "../message-input.ts";

const composer = new Composer<BotContext>();

composer
  .chatType("private")
  .filter((ctx) => ctx.awaiting?.kind === "team_thread")
  .on("message", async (ctx, next) => {
    const input = messageInput(ctx);
    if (input.kind === "command") return next();
    const reply = await relayCustomerReply(ctx.core, {
      subscriber: ctx.subscriber!,
      threadId: ctx.awaiting!.id,
      input: input.kind === "text" ? input : input.kind === "contact" ? { kind: "text", text: input.phone } : { kind: "unreadable" },
    });
    if (!reply) return next();
    await sendDialogueReply(ctx, reply);
  });

export { composer as teamConversationFeature };
