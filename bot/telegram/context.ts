import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { CoreDeps } from "../../core/deps.ts";
import type { Logger } from "../../core/logger.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import type { AwaitedReply } from "../../core/dialogues/awaited-reply.ts";

export interface TelegramBotSettings {
  brandName: string;
}

interface ChatloopFlavor {
  core: CoreDeps;
  settings: TelegramBotSettings;
  /** The core's logger: lines written while an update is handled carry its updateId through the log context (core/log-context.ts). */
  log: Logger;
  /** The person behind the update, if we know them (loaded once per update). */
  subscriber: Subscriber | null;
  /** For a message: the flow, survey or team conversation it answers, if any (the one asked last). */
  awaiting: AwaitedReply | null;
}

export type BotContext = Context & I18nFlavor & ChatloopFlavor;

export function telegramIdOf(ctx: Context): bigint | undefined {
  return ctx.from ? BigInt(ctx.from.id) : undefined;
}

export function identityOf(ctx: Context) {
  const from = ctx.from!;
  return {
    telegramId: BigInt(from.id),
    firstName: from.first_name,
    lastName: from.last_name,
    username: from.username,
    languageCode: from.language_code,
  };
}
