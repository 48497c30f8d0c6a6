// CoreDeps over a test database and a fake clock, for tests of the core alone.
// Messages to customers go through the real Telegram channel to a local Bot
// API server when one is given; team alerts are recorded in memory.
import { telegramApi } from "../../bot/telegram/api-client.ts";
import { telegramChannel } from "../../bot/telegram/telegram-channel.ts";
import type { CoreDeps } from "../../core/deps.ts";
import { DEFAULT_POLICY, type ContactPolicy } from "../../core/delivery/contact-policy.ts";
import { createTranslator } from "../../core/i18n.ts";
import { loadDialogues } from "../../core/dialogues/dialogue-catalog.ts";
import { createLogger, silentLogger } from "../../core/logger.ts";
import { unconfiguredChannel, type Notifier, type TeamAlert, type ThreadRef } from "../../core/ports.ts";
import type { AnalyticsSettings } from "../../core/segments/analytics-settings.ts";
import { FakeClock } from "./clock.ts";
import type { TestDatabase } from "./databases.ts";
import type { FakeTelegram } from "./fake-telegram.ts";

export interface TestCoreOptions {
  clock?: FakeClock;
  teamTimezone?: string;
  telegram?: FakeTelegram;
  policy?: ContactPolicy;
  analytics?: AnalyticsSettings;
}

export type TestCoreDeps = CoreDeps & {
  clock: FakeClock;
  alerts: TeamAlert[];
  alertUpdates: { ref: ThreadRef; alert: TeamAlert }[];
  threadPosts: { ref: ThreadRef; text: string }[];
};

export function testCoreDeps(database: TestDatabase, clockOrOptions: FakeClock | TestCoreOptions = {}, teamTimezone = "Europe/Berlin"): TestCoreDeps {
  const options = clockOrOptions instanceof FakeClock ? { clock: clockOrOptions, teamTimezone } : clockOrOptions;
  const logger = process.env.TEST_LOG ? createLogger(process.env.TEST_LOG) : silentLogger;
  const alerts: TeamAlert[] = [];
  const threadPosts: { ref: ThreadRef; text: string }[] = [];
  const alertUpdates: { ref: ThreadRef; alert: TeamAlert }[] = [];
  const notifier: Notifier = {
    async alert(alert) {
      alerts.push(alert);
      return { channel: "C0TEAM", ts: `1700000000.${String(alerts.length).padStart(6, "0")}` };
    },
    async updateAlert(ref, alert) {
      alertUpdates.push({ ref, alert });
    },
    async postInThread(ref, text) {
      threadPosts.push({ ref, text });
      return { channel: ref.channel, ts: `1700000001.${String(threadPosts.length).padStart(6, "0")}` };
    },
  };
  return {
    db: database.db,
    clock: options.clock ?? new FakeClock(),
    logger,
    translator: createTranslator(),
    teamTimezone: options.teamTimezone ?? "Europe/Berlin",
    channel: options.telegram
      ? telegramChannel(telegramApi(options.telegram.token, options.telegram.apiRoot))
      : unconfiguredChannel((msg, data) => logger.warn(data, msg)),
    notifier,
    policy: options.policy ?? DEFAULT_POLICY,
    ...(options.analytics ? { analytics: options.analytics } : {}),
    dialogues: loadDialogues(),
    alerts,
    alertUpdates,
    threadPosts,
  };
}
