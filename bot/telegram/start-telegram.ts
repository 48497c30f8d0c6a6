// Starts the Telegram bot: by webhook on our HTTP server when
// TELEGRAM_WEBHOOK_URL is set, by long polling otherwise.
import { run } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isInfrastructureFailure } from "../../core/infrastructure-failure.ts";
import type { Logger } from "../../core/logger.ts";
import { sendJson, type Handler } from "../http/server.ts";
import type { Config } from "../../core/config.ts";
import type { CoreDeps } from "../../core/deps.ts";
import { cached } from "../http/readiness.ts";
import type { StartedPart } from "../started-part.ts";
import type { BotContext } from "./context.ts";
import { createTelegramBot, publishCommands } from "./create-bot.ts";
import { ApiReachability } from "./api-reachability.ts";

/** Readiness checks that call Telegram are cached: a minute when healthy, ten seconds when failing. */
const CHECK_CACHE = { okMs: 60_000, failMs: 10_000 };

export const TELEGRAM_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** How long a stop waits for the Telegram updates in hand (long polling). */
const TELEGRAM_STOP_WAIT_MS = 10_000;

export interface TelegramPart extends StartedPart {
  bot: Bot<BotContext>;
  /** Resolves when no update is being handled (long polling; webhook requests are awaited by their senders). */
  settled: () => Promise<void>;
}

export interface StartTelegramOptions {
  token: string;
  /** Called when long polling dies after start (the token was revoked, ...). */
  onFatal?: ((error: unknown) => void) | undefined;
}

export async function startTelegram(core: CoreDeps, config: Config, { token, onFatal }: StartTelegramOptions): Promise<TelegramPart> {
  const { logger } = core;
  const bot = createTelegramBot({ token, apiRoot: config.TELEGRAM_API_ROOT, core, settings: { brandName: config.BRAND_NAME } });
  // Polling mode's readiness: is the Bot API reachable, not only is the loop running.
  const reachability = new ApiReachability(core.clock, logger);
  bot.api.config.use(reachability.transformer);
  await bot.init();
  await publishCommands(bot, core);
  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  if (webhookUrl) {
    const path = webhookPath(webhookUrl);
    await bot.api.setWebhook(webhookUrl, { secret_token: config.TELEGRAM_WEBHOOK_SECRET, allowed_updates: [...TELEGRAM_UPDATES] });
    logger.info({ path, bot: bot.botInfo.username }, "telegram bot receiving updates by webhook");
    return {
      bot,
      routes: [{ method: "POST", path, handler: acknowledgingOnlyHandled(webhookCallback(bot, "http", { secretToken: config.TELEGRAM_WEBHOOK_SECRET, onTimeout: "return" }), logger) }],
      // Telegram's own view: is our URL still the webhook, and is it delivering?
      check: cached(async () => {
        const info = await bot.api.getWebhookInfo();
        if (info.url !== webhookUrl) return { ok: false, detail: `webhook is ${info.url ? `set to ${info.url}` : "not set"}, expected ${webhookUrl}` };
        const lastError = info.last_error_date && info.last_error_message ? `; last error: ${info.last_error_message}` : "";
        return { ok: true, detail: `webhook, ${info.pending_update_count} pending${lastError}` };
      }, core.clock, CHECK_CACHE),
      settled: async () => {},
      // Webhook updates arrive through the HTTP server, which waits for them when it closes.
      stop: async () => {},
    };
  }
  // Long polling through grammY's runner: the next batch is fetched while
  // this one is handled, up to `concurrency` updates at once (sequentialize in
  // create-bot.ts keeps each chat's updates in order).
  const inHand = new UpdatesInHand();
  const runner = run(
    { init: () => bot.init(), api: bot.api, errorHandler: bot.errorHandler, handleUpdate: (update: Update) => inHand.track(bot.handleUpdate(update)) },
    {
      runner: { fetch: { timeout: 30, allowed_updates: [...TELEGRAM_UPDATES] }, silent: true, retryInterval: "exponential" },
      sink: { concurrency: telegramConcurrency(core.db.kind, config.TELEGRAM_CONCURRENCY) },
    },
  );
  // The Bot handed out (Application.telegram) stops and reports this polling, as bot.start()'s would.
  bot.stop = () => (runner.isRunning() ? runner.stop() : Promise.resolve());
  bot.isRunning = () => runner.isRunning();
  // Settles when polling has ended; fails when it dies (a revoked token, a 409 conflict).
  void runner.task()?.catch((err: unknown) => {
    logger.fatal({ err }, "telegram long polling stopped");
    onFatal?.(err);
  });
  logger.info({ bot: bot.botInfo.username }, "telegram bot receiving updates by long polling");
  return {
    bot,
    routes: [],
    check: reachability.check(() => runner.isRunning()),
    settled: () => inHand.settled(),
    // runner.stop() ends fetching; the updates already fetched are handled before the database closes.
    async stop() {
      try {
        if (runner.isRunning()) await runner.stop();
      } finally {
        await settledWithin(inHand.settled(), TELEGRAM_STOP_WAIT_MS, () => logger.warn("telegram handlers still running at stop"));
      }
    },
  };
}

/**
 * Telegram redelivers an update answered with a non-2xx status. An update
 * that failed because the infrastructure did (the database is unreachable)
 * gets 503 and comes again; any other failure - a malformed update, a bug -
 * is logged and acknowledged, so one bad update never loops.
 */
function acknowledgingOnlyHandled(callback: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>, logger: Logger): Handler {
  return async (req, res) => {
    try {
      await callback(req, res);
    } catch (err) {
      const retry = isInfrastructureFailure(err);
      if (retry) logger.error({ err }, "telegram update not handled: the infrastructure failed; answered 503 so Telegram delivers it again");
      else logger.error({ err }, "telegram update failed; acknowledged so it is not delivered again");
      if (res.headersSent) res.end();
      else sendJson(res, retry ? 503 : 200, retry ? { error: "unavailable" } : {});
    }
  };
}

/** Concurrent updates: a PostgreSQL pool serves more at once than the embedded database's one connection. */
export function telegramConcurrency(kind: "postgres" | "pglite", configured: number | undefined): number {
  return configured ?? (kind === "postgres" ? 32 : 16);
}

/** The updates being handled now: a stop waits for them, and tests wait for them after the fetch that confirmed them. */
class UpdatesInHand {
  private readonly running = new Set<Promise<void>>();

  track(handling: Promise<void>): Promise<void> {
    this.running.add(handling);
    void handling.finally(() => this.running.delete(handling)).catch(() => {});
    return handling;
  }

  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

async function settledWithin(promise: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
  if ((await Promise.race([promise.then(() => "done"), timeout])) === "timeout") onTimeout();
  clearTimeout(timer);
}

function webhookPath(url: string): string {
  const { pathname } = new URL(url);
  return pathname === "/" || pathname === "" ? "/telegram/webhook" : pathname;
}
