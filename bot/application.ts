// Composition root: config -> database -> core -> bots -> one HTTP server.
// Used by `npm start` (bot/main.ts) and by the end-to-end tests, which start
// the whole product in-process against local Telegram and Slack servers.
// Each step is its own function: buildCore (bot/build-core.ts), the jobs as
// data (core/scheduler/core-jobs.ts), startTelegram and startSlack (each
// gives its routes, readiness check and stop). Whatever has started is
// stopped by one function, on stop() and when a later step fails.
import path from "node:path";
import type { Bot } from "grammy";
import { digestDestinationsFrom, type Config } from "../core/config.ts";
import type { DigestOutlet } from "../core/digest/digest-outlet.ts";
import { systemClock, type Clock } from "../core/clock.ts";
import type { CoreDeps } from "../core/deps.ts";
import { openDatabase, type Database } from "../core/db/database.ts";
import { migrate } from "../core/db/migrate.ts";
import { DEFAULT_FLOWS_DIR, loadDialogues } from "../core/dialogues/dialogue-catalog.ts";
import { createLogger, type Logger } from "../core/logger.ts";
import { Scheduler } from "../core/scheduler/scheduler.ts";
import { coreJobs } from "../core/scheduler/core-jobs.ts";
import { DeliveryWorker } from "../core/delivery/delivery-worker.ts";
import { ChainEngine } from "../core/chains/chain-engine.ts";
import { checkChainDialogues, loadChains } from "../core/chains/chain-definition.ts";
import { linkSecret } from "../core/delivery/tracked-links.ts";
import { ingestEvents } from "../core/events/ingest-events.ts";
import { ingestOrders } from "../core/events/ingest-orders.ts";
import { buildCore } from "./build-core.ts";
import { clickRedirect } from "./http/click-redirect.ts";
import { ingestHandler } from "./http/ingest-api.ts";
import { Admission, ingestionLimits } from "./http/admission.ts";
import { closeServer, createHttpServer, listen, sendJson, type Route } from "./http/server.ts";
import { databaseCheck, readinessHandler, statusHandler, type Check } from "./http/readiness.ts";
import { createSlackApp, type SlackApp } from "./slack/create-app.ts";
import { slackDigestOutlet } from "./slack/slack-digest-outlet.ts";
import { startSlack } from "./slack/start-slack.ts";
import type { StartedPart } from "./started-part.ts";
import { telegramApi } from "./telegram/api-client.ts";
import type { BotContext } from "./telegram/context.ts";
import { startTelegram } from "./telegram/start-telegram.ts";
import { telegramDigestOutlet } from "./telegram/telegram-digest-outlet.ts";

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
  /** Resolves when the Telegram updates in hand are handled (long polling handles them concurrently). */
  telegramSettled?: () => Promise<void>;
  slack?: SlackApp;
  stop(): Promise<void>;
}

export function isSomethingConfigured(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN);
}

export async function startApplication(options: ApplicationOptions): Promise<Application> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  // Flow, survey and chain files first: a bad one stops the start before anything opens.
  const flowsDir = config.FLOWS_DIR ? path.resolve(config.FLOWS_DIR) : DEFAULT_FLOWS_DIR;
  const dialogues = loadDialogues(flowsDir);
  const chainDefinitions = loadChains(path.join(flowsDir, "chains"));
  checkChainDialogues(chainDefinitions, { surveys: dialogues.surveys.all().map((s) => s.id), flows: dialogues.flows.all().map((f) => f.id) });

  const running = new RunningParts(logger);
  try {
    const db = options.db ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE }));
    if (!options.db) running.add(() => db.close());
    const migrated = await migrate(db);
    // A read replica for the heavy analysis: read-only, never migrated (it follows the primary).
    const analyticsDb = config.ANALYTICS_DATABASE_URL ? await openDatabase({ url: config.ANALYTICS_DATABASE_URL }) : undefined;
    if (analyticsDb) running.add(() => analyticsDb.close());
    // Every connection opened (and kept) before the first question: core/db/database.ts warmUp.
    await Promise.all([db.warmUp(), analyticsDb?.warmUp()]);
    logger.info({ database: db.kind, applied: migrated.applied }, "database ready");

    const { TELEGRAM_BOT_TOKEN: telegramToken, SLACK_BOT_TOKEN: slackToken } = config;
    const api = telegramToken ? telegramApi(telegramToken, config.TELEGRAM_API_ROOT) : undefined;
    // Bolt's WebClient is the one Slack client: listeners, team notifier and digest share it.
    const slackApp = slackToken
      ? createSlackApp({ botToken: slackToken, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN, apiUrl: config.SLACK_API_URL, logger })
      : undefined;
    const core = buildCore(config, { db, analyticsDb, clock: options.clock ?? systemClock, logger, dialogues, chains: chainDefinitions, telegramApi: api, slackClient: slackApp?.app.client });

    const scheduler = new Scheduler(core);
    const outletOptions = { translator: core.translator, timezone: config.TZ_TEAM };
    const digestOutlets: { slack?: DigestOutlet; telegram?: DigestOutlet } = {
      ...(slackApp ? { slack: slackDigestOutlet(slackApp.app.client, outletOptions) } : {}),
      ...(api ? { telegram: telegramDigestOutlet(api, outletOptions) } : {}),
    };
    for (const job of coreJobs(core, config, { chains: new ChainEngine(core, chainDefinitions), digestOutlets })) scheduler.register(job);

    let secret: Promise<Buffer> | undefined;
    const linkKey = () => (secret ??= linkSecret(core, config.LINK_SECRET));
    // Ingestion's share of the database (bot/http/admission.ts): one for events and orders together,
    // halved while the delivery worker (started below) is sending.
    let sending: () => boolean = () => false;
    const ingestion = new Admission(ingestionLimits(db.kind, config.INGEST_CONCURRENCY), { yieldTo: () => sending() });
    const routes: Route[] = [
      { method: "GET", path: "/healthz", handler: (_req, res) => sendJson(res, 200, { status: "ok" }) },
      { method: "GET", path: "/r/*", handler: clickRedirect(core, linkKey) },
      { method: "POST", path: "/api/v1/events", handler: ingestHandler(core, config.INGEST_API_KEY, ingestEvents, ingestion) },
      { method: "POST", path: "/api/v1/orders", handler: ingestHandler(core, config.INGEST_API_KEY, ingestOrders, ingestion) },
    ];
    const checks: Record<string, Check> = { database: databaseCheck(db) };
    const mount = (name: string, part: StartedPart) => {
      running.add(part.stop);
      routes.push(...part.routes);
      checks[name] = part.check;
    };

    const telegram = telegramToken ? await startTelegram(core, config, { token: telegramToken, onFatal: options.onFatal }) : undefined;
    if (telegram) mount("telegram", telegram);

    const worker = api
      ? new DeliveryWorker(core, {
          ratePerSecond: config.DELIVERY_RATE,
          paidBroadcast: config.DELIVERY_PAID_BROADCAST,
          concurrency: config.DELIVERY_CONCURRENCY,
          maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
          publicUrl: config.PUBLIC_URL,
          linkSecret: await linkKey(),
        })
      : undefined;
    if (worker) {
      sending = () => worker.isSending();
      await worker.init();
      // Stopping gives unsent claims back to the queue for the next start or another instance.
      running.add(() => worker.stop());
    }

    if (slackApp) {
      const digestLanguages = new Map(digestDestinationsFrom(config).filter((d) => d.kind === "slack").map((d) => [d.target, d.language]));
      mount("slack", await startSlack(slackApp, core, config, { digestLanguages }));
    }

    routes.push({ method: "GET", path: "/readyz", handler: readinessHandler(checks, logger) });
    routes.push({ method: "GET", path: "/status", handler: statusHandler(core, scheduler.jobIds()) });
    const server = createHttpServer(routes, logger);
    const port = await listen(server, config.PORT, options.host);
    running.add(() => closeServer(server));
    logger.info({ port }, "http server listening");
    if (options.startScheduler !== false) {
      scheduler.start();
      running.add(() => scheduler.stop());
    }
    if (worker && options.startWorker !== false) worker.start();

    return {
      port,
      core,
      scheduler,
      ...(worker ? { worker } : {}),
      ...(telegram ? { telegram: telegram.bot, telegramSettled: telegram.settled } : {}),
      ...(slackApp ? { slack: slackApp } : {}),
      stop: () => running.stop(),
    };
  } catch (err) {
    // Whatever started before the failure stops, the database it opened included.
    await running.stop();
    throw err;
  }
}

/**
 * What has started, stopped in reverse order: the scheduler and the HTTP
 * server (it waits for the requests in hand) before the bots, the bots (they
 * wait for their updates in hand) before the database it all writes to.
 */
class RunningParts {
  private readonly stops: (() => Promise<void>)[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  add(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  stop(): Promise<void> {
    return (this.stopping ??= this.stopAll());
  }

  private async stopAll(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop().catch((err: unknown) => this.logger.error({ err }, "stopping a part failed"));
    this.logger.info("stopped");
  }
}
