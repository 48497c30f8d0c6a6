// Builds the grammY bot: shared middleware first, then one Composer per
// feature, the catch-all last. Handlers call the core; they never touch the database.
import { withLogContext } from "../../core/log-context.ts";
import { Bot, type BotConfig, type BotError } from "grammy";
import { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import type { CoreDeps } from "../../core/deps.ts";
import { LOCALES_DIR, pickLanguage, DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from "../../core/i18n.ts";
import { releaseUpdate, UpdateClaims } from "../../core/inbox/processed-updates.ts";
import { isInfrastructureFailure } from "../../core/infrastructure-failure.ts";
import type { BotContext, TelegramBotSettings } from "./context.ts";
import { telegramClientOptions } from "./api-client.ts";
import { menuCommands } from "./command-list.ts";
import { awaitedReplyOf } from "../../core/dialogues/awaited-reply.ts";
import { blockedFeature } from "./features/blocked.ts";
import { cancelFeature } from "./features/cancel.ts";
import { flowAnswersFeature } from "./features/flow-answers.ts";
import { flowTriggersFeature } from "./features/flow-triggers.ts";
import { helpFeature } from "./features/help.ts";
import { inviteFeature } from "./features/invite.ts";
import { settingsFeature } from "./features/settings.ts";
import { surveyAnswersFeature } from "./features/survey-answers.ts";
import { surveyRequestsFeature } from "./features/survey-requests.ts";
import { teamConversationFeature } from "./features/team-conversation.ts";
import { languageFeature } from "./features/language.ts";
import { privacyFeature } from "./features/privacy.ts";
import { subscribeFeature } from "./features/subscribe.ts";
import { unhandledFeature } from "./features/unhandled.ts";
import { unsubscribeFeature } from "./features/unsubscribe.ts";

export interface CreateBotOptions {
  token: string;
  apiRoot: string;
  core: CoreDeps;
  settings: TelegramBotSettings;
  /** Known bot info (tests, restarts) so init() need not call getMe. */
  botInfo?: BotConfig<BotContext>["botInfo"];
}

export function createTelegramBot({ token, apiRoot, core, settings, botInfo }: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, { client: telegramClientOptions(apiRoot), ...(botInfo ? { botInfo } : {}) });

  // Updates of different chats run concurrently (webhook requests arrive in
  // parallel); one chat's updates run one after another, in the order they came.
  bot.use(sequentialize<BotContext>((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));

  // Updates arriving together (a burst, a batch of long polling) claim together.
  const claims = new UpdateClaims(core);

  // Every line logged while handling an update - by the bot or the core - carries its updateId.
  bot.use((ctx, next) =>
    withLogContext({ updateId: ctx.update.update_id }, async () => {
      ctx.core = core;
      ctx.settings = settings;
      ctx.log = core.logger;
      // One round trip: the claim on this update and the sender's record.
      const { claimed, subscriber } = await claims.claim(ctx.update.update_id, ctx.from?.id);
      if (!claimed) {
        ctx.log.info("duplicate update ignored");
        return;
      }
      ctx.subscriber = subscriber;
      await next();
    }),
  );

  // One boundary around every feature: a failing handler is logged with the
  // update's context and the customer gets a polite answer, under polling and
  // webhooks alike; one bad update never stops the others. A failure of the
  // infrastructure (the database unreachable) goes on up: a webhook answers 5xx.
  const features = bot.errorBoundary(replyWithError);

  features.use(async (ctx, next) => {
    // Only a message can answer a question; buttons carry their own target.
    ctx.awaiting = ctx.message && ctx.subscriber ? await awaitedReplyOf(core, ctx.subscriber.id) : null;
    await next();
  });

  const i18n = new I18n<BotContext>({
    defaultLocale: DEFAULT_LANGUAGE,
    directory: LOCALES_DIR,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.subscriber?.language ?? pickLanguage(ctx.from?.language_code),
  });
  features.use(i18n);

  features.use(subscribeFeature);
  features.use(unsubscribeFeature);
  features.use(languageFeature);
  features.use(privacyFeature);
  features.use(inviteFeature);
  features.use(helpFeature);
  features.use(settingsFeature);
  features.use(blockedFeature);
  features.use(cancelFeature);
  features.use(flowTriggersFeature);
  features.use(surveyRequestsFeature);
  features.use(flowAnswersFeature);
  features.use(surveyAnswersFeature);
  features.use(teamConversationFeature);
  features.use(unhandledFeature);

  // Only reached when the shared middleware above fails (the database is down).
  bot.catch((err) => {
    core.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, "telegram update failed before any feature ran");
  });

  return bot;
}

async function replyWithError(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  if (isInfrastructureFailure(err.error)) {
    // Not this update's fault: no apology now, the update is handled again
    // when Telegram redelivers it (webhook: answered 5xx), so its claim goes.
    await releaseUpdate(ctx.core, ctx.update.update_id).catch((releaseErr: unknown) => {
      ctx.log.error({ err: releaseErr }, "could not release the update's claim; a redelivery will be ignored");
    });
    throw err.error;
  }
  ctx.log.error({ err: err.error, updateType: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "telegram update failed");
  const language = ctx.subscriber?.language ?? pickLanguage(ctx.from?.language_code);
  const text = ctx.core.translator.t(language, "error-generic");
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    else if (ctx.chat?.type === "private") await ctx.reply(text);
  } catch (replyErr) {
    ctx.log.error({ err: replyErr }, "could not tell the customer about the failure");
  }
}

/** The command menu, in each language we speak: ours, then the flows' and surveys' own commands. */
export async function publishCommands(bot: Bot<BotContext>, core: Pick<CoreDeps, "translator" | "dialogues">): Promise<void> {
  for (const language of SUPPORTED_LANGUAGES) {
    await bot.api.setMyCommands(menuCommands(core, language), language === DEFAULT_LANGUAGE ? {} : { language_code: language });
  }
}
