// Flows start from a command (/choose) or a keyword ("help me choose") named
// in their files. Keywords only count when no question awaits an answer, so an
// answer is never mistaken for a trigger. (Deep links: subscribe.ts.)
import { Composer } from "grammy";
import { beginFlow } from "../../../core/flows/start-flow.ts";
import type { FlowTrigger } from "../../../core/flows/flow-sessions.ts";
import type { FlowDefinition } from "../../../core/flows/flow-definition.ts";
import { ensureKnown } from "../../../core/subscribers/telegram-subscription.ts";
import { identityOf, type BotContext } from "../context.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";
import { commandOf } from "../message-input.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.on("message::bot_command", async (ctx, next) => {
  const command = commandOf(ctx);
  const flow = command ? ctx.core.dialogues.flows.forCommand(command) : undefined;
  if (!flow) return next();
  await start(ctx, flow, "command", command);
});

privateChats.on("message:text", async (ctx, next) => {
  if (ctx.awaiting) return next();
  const flow = ctx.core.dialogues.flows.forKeyword(ctx.message.text);
  if (!flow) return next();
  await start(ctx, flow, "keyword");
});

async function start(ctx: BotContext, flow: FlowDefinition, trigger: FlowTrigger, source?: string): Promise<void> {
  ctx.subscriber ??= await ensureKnown(ctx.core, identityOf(ctx));
  await sendDialogueReply(ctx, await beginFlow(ctx.core, { subscriber: ctx.subscriber, flowId: flow.id, trigger, source }));
}

export { composer as flowTriggersFeature };
