// Composition root: config -> database -> core -> bots -> one HTTP server.
// Used by `npm start` (bot/main.ts) and by the end-to-end tests, which start
// the whole product in-process against local Telegram and Slack servers.
import { closeExpiredReasons } from "../core/surveys/answer-survey.ts";
import { retryTeamAlerts } from "../core/team-threads/alert-team.ts";
import path from "node:path";
import { webhookCallback, type Bot } from "grammy";
import { WebClient } from "@slack/web-api";
import { slackClientOptions } from "./slack/slack-client-options.ts";
import { analyticsSettingsFrom, digestDestinationsFrom, type Config } from "../core/config.ts";
import { publishWeeklyDigest } from "../core/digest/publish-digest.ts";
import { pruneStageSnapshots, takeStageSnapshot } from "../core/digest/stage-snapshots.ts";
import { calendarPeriod } from "../core/metrics/period.ts";
import type { DigestOutlet } from "../core/ports.ts";
import { slackDigestOutlet } from "./slack/slack-digest-outlet.ts";
import { telegramDigestOutlet } from "./telegram/telegram-digest-outlet.ts";
import { systemClock, type Clock } from "../core/clock.ts";
import type { CoreDeps } from "../core/deps.ts";
import { openDatabase, type Database } from "../core/db/database.ts";
import { migrate } from "../core/db/migrate.ts";
import { createTranslator, type TextVariables } from "../core/i18n.ts";
import { DEFAULT_FLOWS_DIR, loadDialogues } from "../core/dialogues/dialogue-catalog.ts";
import { createLogger, type Logger } from "../core/logger.ts";
import { pruneProcessedUpdates } from "../core/inbox/processed-updates.ts";
import { unconfiguredChannel, unconfiguredNotifier } from "../core/ports.ts";
import { Scheduler } from "../core/scheduler/scheduler.ts";
import { parseFrequencyCap, parseQuietHours } from "../core/delivery/contact-policy.ts";
import { parseIdList } from "../core/access/roles.ts";
import { boltLogger } from "./slack/bolt-logger.ts";
import { slackNotifier } from "./slack/slack-notifier.ts";
import { telegramChannel } from "./telegram/telegram-channel.ts";
import { telegramApi } from "./telegram/api-client.ts";
import { DeliveryWorker } from "../core/delivery/delivery-worker.ts";
import { ChainEngine } from "../core/chains/chain-engine.ts";
import { parseTeamHours } from "../core/team-threads/team-hours.ts";
import { checkChainDialogues, loadChains } from "../core/chains/chain-definition.ts";
import { linkSecret } from "../core/delivery/tracked-links.ts";
import { clickRedirect } from "./http/click-redirect.ts";
import { ingestEvents } from "../core/events/ingest-events.ts";
import { ingestOrders } from "../core/events/ingest-orders.ts";
import { ingestHandler } from "./http/ingest-api.ts";
import { refreshCustomerStats } from "../core/segments/customer-stats.ts";
import { takeSegmentSnapshots } from "../core/segments/segment-sizes.ts";
import { closeServer, createHttpServer, listen, sendJson, type Route } from "./http/server.ts";
import { cached, databaseCheck, readinessHandler, type Check } from "./http/readiness.ts";
import { createSlackApp, SLACK_EVENTS_PATH, type SlackApp } from "./slack/create-app.ts";
import type { BotContext } from "./telegram/context.ts";
import { createTelegramBot, publishCommands } from "./telegram/create-bot.ts";

export interface ApplicationOptions {
  config: Config;
  /** An already open database (tests); otherwise opened from the config. */
  db?: Database;
  clock?: Clock;
  logger?: Logger;
  /** Interface to listen on; all interfaces by default. */
  host?: string;
  /** Called when a part dies after start (polling lost its token, ...). */
  onFatal?: (error: unknown) => void;
  /** Tests drive the scheduler themselves (scheduler.runDue with a fake clock). */
  startScheduler?: boolean;
  /** Tests drive the delivery worker themselves (worker.drain with a fake clock). */
  startWorker?: boolean;
}

export interface Application {
  port: number;
  core: CoreDeps;
  scheduler: Scheduler;
  worker?: DeliveryWorker;
  telegram?: Bot<BotContext>;
  slack?: SlackApp;
  stop(): Promise<void>;
}

export const TELEGRAM_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export function isSomethingConfigured(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN);
}

export async function startApplication(options: ApplicationOptions): Promise<Application> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  // Flow and survey files first: a bad one stops the start before anything opens.
  const flowsDir = config.FLOWS_DIR ? path.resolve(config.FLOWS_DIR) : DEFAULT_FLOWS_DIR;
  const dialogues = loadDialogues(flowsDir);
  const ownsDb = !options.db;
  const db = options.db ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const migrated = await migrate(db);
  logger.info({ database: db.kind, applied: migrated.applied }, "database ready");

  const warn = (msg: string, data: object) => logger.warn(data, msg);
  const translator = createTranslator();
  const teamCards = { language: config.SLACK_LANGUAGE, t: (key: string, vars?: TextVariables) => translator.t(config.SLACK_LANGUAGE, key, vars) };
  const core: CoreDeps = {
    db,
    clock: options.clock ?? systemClock,
    logger,
    translator,
    teamTimezone: config.TZ_TEAM,
    analytics: analyticsSettingsFrom(config),
    channel: config.TELEGRAM_BOT_TOKEN
      ? telegramChannel(telegramApi(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT))
      : unconfiguredChannel(warn),
    notifier: config.SLACK_BOT_TOKEN
      ? slackNotifier(new WebClient(config.SLACK_BOT_TOKEN, slackClientOptions(config.SLACK_API_URL, boltLogger(logger))), config.SLACK_TEAM_CHANNEL, logger, teamCards)
      : unconfiguredNotifier(warn),
    policy: {
      frequencyCap: parseFrequencyCap(config.FREQUENCY_CAP),
      quietHours: parseQuietHours(config.QUIET_HOURS),
      attributionDays: config.ATTRIBUTION_WINDOW_DAYS,
      triggeredPerDay: config.TRIGGERED_PER_DAY,
    },
    dialogues,
    ...(config.TEAM_HOURS ? { teamHours: parseTeamHours(config.TEAM_HOURS) } : {}),
  };
  const chainDefinitions = loadChains(path.join(flowsDir, "chains"));
  checkChainDialogues(chainDefinitions, { surveys: dialogues.surveys.all().map((s) => s.id), flows: dialogues.flows.all().map((f) => f.id) });
  core.chains = chainDefinitions;
  const chains = new ChainEngine(core, chainDefinitions);
  const scheduler = new Scheduler(core);
  scheduler.register({
    id: "chains.tick",
    schedule: "* * * * *",
    run: async () => {
      const result = await chains.tick();
      if (result.enrolled || result.exited || result.steps) logger.info(result, "chains advanced");
    },
  });
  scheduler.register({
    id: "telegram.prune-processed-updates",
    schedule: "17 3 * * *",
    run: async () => {
      await pruneProcessedUpdates(core);
    },
  });
  let secret: Promise<Buffer> | undefined;
  const linkKey = () => (secret ??= linkSecret(core, config.LINK_SECRET));
  scheduler.register({
    id: "segments.refresh-rfm",
    schedule: "7 * * * *",
    run: async () => {
      await refreshCustomerStats(core);
    },
  });
  scheduler.register({
    id: "segments.daily-snapshot",
    schedule: "55 23 * * *",
    run: async ({ scheduledFor }) => {
      await takeSegmentSnapshots(core, { at: scheduledFor });
    },
  });
  // The weekly digest (README, "Weekly digest"): last week's figures to DIGEST_CHANNELS and DIGEST_TELEGRAM_CHATS.
  const digestDestinations = digestDestinationsFrom(config);
  const digestOutlets: { slack?: DigestOutlet; telegram?: DigestOutlet } = {};
  const outletOptions = { translator, timezone: config.TZ_TEAM };
  if (config.SLACK_BOT_TOKEN) {
    // Uploads of four chart PNGs: a longer bound than a card.
    const client = new WebClient(config.SLACK_BOT_TOKEN, slackClientOptions(config.SLACK_API_URL, boltLogger(logger), 60_000));
    digestOutlets.slack = slackDigestOutlet(client, outletOptions);
  }
  if (config.TELEGRAM_BOT_TOKEN) digestOutlets.telegram = telegramDigestOutlet(telegramApi(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT), outletOptions);
  if (config.DIGEST_CRON !== "off") {
    scheduler.register({
      id: "digest.weekly",
      schedule: config.DIGEST_CRON,
      run: async ({ now }) => {
        if (digestDestinations.length === 0) {
          logger.warn("weekly digest: no destination (set SLACK_TEAM_CHANNEL, DIGEST_CHANNELS or DIGEST_TELEGRAM_CHATS)");
          return;
        }
        const result = await publishWeeklyDigest(core, { destinations: digestDestinations, outlets: digestOutlets, at: now });
        logger.info(result, "weekly digest done");
      },
    });
  }
  scheduler.register({
    id: "surveys.close-expired",
    schedule: "*/10 * * * *",
    run: async () => {
      await closeExpiredReasons(core);
    },
  });
  scheduler.register({
    id: "team.alert-retry",
    schedule: "* * * * *",
    run: async () => {
      await retryTeamAlerts(core);
    },
  });
  scheduler.register({
    id: "digest.stage-snapshot",
    // Just after the week starts: every customer's funnel stage and RFM class as of Monday 00:00.
    schedule: "1 0 * * 1",
    run: async ({ now }) => {
      await takeStageSnapshot(core, { at: calendarPeriod("week", now, config.TZ_TEAM).from });
      await pruneStageSnapshots(core);
    },
  });
  const routes: Route[] = [
    { method: "GET", path: "/healthz", handler: (_req, res) => sendJson(res, 200, { status: "ok" }) },
    { method: "GET", path: "/r/*", handler: clickRedirect(core, linkKey) },
    { method: "POST", path: "/api/v1/events", handler: ingestHandler(core, config.INGEST_API_KEY, ingestEvents) },
    { method: "POST", path: "/api/v1/orders", handler: ingestHandler(core, config.INGEST_API_KEY, ingestOrders) },
  ];
  const stoppers: (() => Promise<void>)[] = [];

  let telegram: Bot<BotContext> | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramBot({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      core,
      settings: { brandName: config.BRAND_NAME },
    });
    await telegram.init();
    await publishCommands(telegram, core);
    if (config.TELEGRAM_WEBHOOK_URL) {
      const path = webhookPath(config.TELEGRAM_WEBHOOK_URL);
      routes.push({
        method: "POST",
        path,
        handler: webhookCallback(telegram, "http", { secretToken: config.TELEGRAM_WEBHOOK_SECRET, onTimeout: "return" }),
      });
      await telegram.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, {
        secret_token: config.TELEGRAM_WEBHOOK_SECRET,
        allowed_updates: [...TELEGRAM_UPDATES],
      });
      logger.info({ path, bot: telegram.botInfo.username }, "telegram bot receiving updates by webhook");
    } else {
      const bot = telegram;
      // Settles when polling has ended and the batch in hand is handled.
      const polling = bot.start({ allowed_updates: [...TELEGRAM_UPDATES] }).catch((err: unknown) => {
        logger.fatal({ err }, "telegram long polling stopped");
        options.onFatal?.(err);
      });
      // bot.stop() only ends polling; wait for the handlers still running before the database closes.
      stoppers.push(async () => {
        try {
          await bot.stop();
        } finally {
          await settledWithin(polling, TELEGRAM_STOP_WAIT_MS, () => logger.warn("telegram handlers still running at stop"));
        }
      });
      logger.info({ bot: telegram.botInfo.username }, "telegram bot receiving updates by long polling");
    }
  }

  let worker: DeliveryWorker | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    worker = new DeliveryWorker(core, {
      ratePerSecond: config.DELIVERY_RATE,
      paidBroadcast: config.DELIVERY_PAID_BROADCAST,
      concurrency: config.DELIVERY_CONCURRENCY,
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      publicUrl: config.PUBLIC_URL,
      linkSecret: await linkKey(),
    });
    await worker.init();
  }

  let slack: SlackApp | undefined;
  if (config.SLACK_BOT_TOKEN) {
    slack = createSlackApp({
      botToken: config.SLACK_BOT_TOKEN,
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      apiUrl: config.SLACK_API_URL,
      teamChannel: config.SLACK_TEAM_CHANNEL,
      language: config.SLACK_LANGUAGE,
      core,
      access: {
        admins: parseIdList(config.SLACK_ADMINS),
        senders: parseIdList(config.SLACK_SENDERS),
        approvers: parseIdList(config.SLACK_APPROVERS),
        viewers: config.SLACK_VIEWERS ? parseIdList(config.SLACK_VIEWERS) : null,
      },
      approvalRequired: config.CAMPAIGN_APPROVAL === "required",
      deliveryRate: config.DELIVERY_RATE,
      digestLanguages: new Map(digestDestinations.filter((d) => d.kind === "slack").map((d) => [d.target, d.language])),
    });
    if (!config.SLACK_ADMINS && !config.SLACK_SENDERS) logger.warn("no SLACK_ADMINS or SLACK_SENDERS configured: nobody can schedule campaigns from Slack");
    if (slack.receiver) {
      routes.push({ method: "POST", path: SLACK_EVENTS_PATH, handler: slack.receiver.requestListener });
    } else {
      await slack.app.start();
      const app = slack.app;
      stoppers.push(async () => {
        await app.stop();
      });
    }
    logger.info({ mode: slack.mode }, "slack app ready");
  }

  const checks: Record<string, Check> = { database: databaseCheck(db) };
  if (telegram) {
    const bot = telegram;
    const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
    checks.telegram = webhookUrl
      ? // Telegram's own view: is our URL still the webhook, and is it delivering?
        cached(async () => {
          const info = await bot.api.getWebhookInfo();
          if (info.url !== webhookUrl) return { ok: false, detail: `webhook is ${info.url ? `set to ${info.url}` : "not set"}, expected ${webhookUrl}` };
          const lastError = info.last_error_date && info.last_error_message ? `; last error: ${info.last_error_message}` : "";
          return { ok: true, detail: `webhook, ${info.pending_update_count} pending${lastError}` };
        }, 60_000)
      : async () => (bot.isRunning() ? { ok: true, detail: "long polling" } : { ok: false, detail: "long polling is not running" });
  }
  if (slack) {
    const client = slack.app.client;
    checks.slack = cached(async () => {
      const auth = await client.auth.test();
      return { ok: Boolean(auth.ok), detail: `${slack!.mode} mode, team ${auth.team_id ?? "?"}` };
    }, 60_000);
  }
  routes.push({ method: "GET", path: "/readyz", handler: readinessHandler(checks, logger) });

  const server = createHttpServer(routes, logger);
  const port = await listen(server, config.PORT, options.host);
  logger.info({ port }, "http server listening");
  if (options.startScheduler !== false) {
    scheduler.start();
    stoppers.push(() => scheduler.stop());
  }
  if (worker) {
    const w = worker;
    if (options.startWorker !== false) w.start();
    // Stopping gives unsent claims back to the queue for the next start or another instance.
    stoppers.push(() => w.stop());
  }

  let stopped = false;
  return {
    port,
    core,
    scheduler,
    ...(worker ? { worker } : {}),
    ...(telegram ? { telegram } : {}),
    ...(slack ? { slack } : {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      // Stop taking updates, let in-flight handlers finish, then close the database.
      for (const stop of stoppers) await stop().catch((err: unknown) => logger.error({ err }, "stopping a part failed"));
      await closeServer(server);
      if (ownsDb) await db.close();
      logger.info("stopped");
    },
  };
}

/** How long a stop waits for the Telegram updates in hand (long polling). */
const TELEGRAM_STOP_WAIT_MS = 10_000;

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
