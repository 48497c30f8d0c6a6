// Starts the whole product in-process, exactly as `npm start` wires it, but
// pointed at the local Telegram and Slack servers and a test database.
import { startApplication, type Application } from "../../bot/application.ts";
import { parseConfig } from "../../core/config.ts";
import type { DatabaseKind } from "../../core/db/database.ts";
import { silentLogger, createLogger, type Logger } from "../../core/logger.ts";
import { FakeClock } from "./clock.ts";
import { createTestDatabase, type TestDatabase } from "./databases.ts";
import { FakeSlack, SlackClient } from "./fake-slack.ts";
import { FakeSlackSocket } from "./fake-slack-socket.ts";
import { FakeTelegram } from "./fake-telegram.ts";

export const SIGNING_SECRET = "test-signing-secret";

export interface TestProduct {
  app: Application;
  telegram: FakeTelegram;
  slackApi: FakeSlack;
  slack: SlackClient;
  /** Present with `socketMode`: the local Socket Mode server the Bolt app is connected to. */
  slackSocket?: FakeSlackSocket;
  database: TestDatabase;
  clock: FakeClock;
  baseUrl: string;
  stop(): Promise<void>;
}

export interface TestProductOptions {
  kind: DatabaseKind;
  env?: Record<string, string>;
  clock?: FakeClock;
  /** An existing database to reuse (e.g. to simulate a restart). */
  database?: TestDatabase;
  telegram?: FakeTelegram;
  slackApi?: FakeSlack;
  /** Start with the Telegram webhook instead of long polling. */
  webhook?: boolean;
  /** Slack in Socket Mode (an app-level token) over a local Socket Mode server, instead of HTTP mode. */
  socketMode?: boolean;
  /** Where the product logs (default: nowhere, or TEST_LOG's level on stdout). */
  logger?: Logger;
}

export async function startTestProduct(options: TestProductOptions): Promise<TestProduct> {
  const telegram = options.telegram ?? (await new FakeTelegram().start());
  const slackApi = options.slackApi ?? (await new FakeSlack().start());
  const database = options.database ?? (await createTestDatabase(options.kind));
  const clock = options.clock ?? new FakeClock();
  const slackSocket = options.socketMode ? await new FakeSlackSocket().start() : undefined;
  slackApi.socket = slackSocket;
  const env: Record<string, string> = {
    NODE_ENV: "test",
    PORT: "0",
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
    SLACK_TEAM_CHANNEL: "C0TEAM",
    TZ_TEAM: "Europe/Berlin",
    BRAND_NAME: "Sneakerhead",
    ...(options.webhook ? { TELEGRAM_WEBHOOK_URL: "http://127.0.0.1/telegram/webhook", TELEGRAM_WEBHOOK_SECRET: "webhook-secret" } : {}),
    ...(slackSocket ? { SLACK_APP_TOKEN: "xapp-test-token" } : {}),
    ...options.env,
  };
  const config = parseConfig(env);
  const logger = options.logger ?? (process.env.TEST_LOG ? createLogger(process.env.TEST_LOG) : silentLogger);
  const app = await startApplication({ config, db: database.db, clock, logger, host: "127.0.0.1", startScheduler: false, startWorker: false });
  const baseUrl = `http://127.0.0.1:${app.port}`;
  if (app.telegramSettled) telegram.whenHandled = app.telegramSettled;
  if (options.webhook && telegram.webhook) {
    // The bot registered its public URL; deliver to where it actually listens.
    telegram.webhook.url = `${baseUrl}${new URL(telegram.webhook.url).pathname}`;
  }
  const slack = new SlackClient(baseUrl, SIGNING_SECRET, slackApi, slackSocket);
  return {
    app,
    telegram,
    slackApi,
    slack,
    ...(slackSocket ? { slackSocket } : {}),
    database,
    clock,
    baseUrl,
    async stop() {
      await app.stop();
      await slackSocket?.stop();
      if (!options.database) await database.drop();
      if (!options.telegram) await telegram.stop();
      if (!options.slackApi) await slackApi.stop();
    },
  };
}
