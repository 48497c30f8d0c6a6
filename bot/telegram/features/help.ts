// /help: what the bot does and every command the customer has, in their language.
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { helpCommands } from "../command-list.ts";

const composer = new Composer<BotContext>();

composer.chatType("private").command("help", (ctx) => replyHelp(ctx));

/** What the bot does and the commands; also for "help", "hi", "привет" written as a message (unhandled.ts). */
export async function replyHelp(ctx: BotContext): Promise<void> {
  const commands = helpCommands(ctx.core, await ctx.i18n.getLocale())
    .map((c) => `/${c.command} - ${c.description}`)
    .join("\n");
  await ctx.reply(ctx.t("telegram-help", { brand: ctx.settings.brandName, commands }));
}

export { composer as helpFeature };
