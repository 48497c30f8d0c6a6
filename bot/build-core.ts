// The core's dependencies from the configuration: the database, the clock,
// the contact policy, the dialogues, and the ports over whichever transports
// are configured (a port without one logs what it could not do).
import type { Api } from "grammy";
import type { WebClient } from "@slack/web-api";
import type { Clock } from "../core/clock.ts";
import { analyticsSettingsFrom, type Config } from "../core/config.ts";
import type { Database } from "../core/db/database.ts";
import { parseFrequencyCap, parseQuietHours } from "../core/delivery/contact-policy.ts";
import type { CoreDeps } from "../core/deps.ts";
import type { DialogueCatalog } from "../core/dialogues/dialogue-catalog.ts";
import type { ChainDefinition } from "../core/chains/chain-definition.ts";
import { parseTeamHours } from "../core/team-threads/team-hours.ts";
import { createTranslator, type TextVariables } from "../core/i18n.ts";
import type { Logger } from "../core/logger.ts";
import { unconfiguredChannel, unconfiguredNotifier } from "../core/ports.ts";
import { slackNotifier } from "./slack/slack-notifier.ts";
import { telegramChannel } from "./telegram/telegram-channel.ts";

export interface CoreParts {
  db: Database;
  /** ANALYTICS_DATABASE_URL's database (a read replica) when set. */
  analyticsDb?: Database | undefined;
  clock: Clock;
  logger: Logger;
  dialogues: DialogueCatalog;
  chains: ChainDefinition[];
  /** The Bot API client when Telegram is configured. */
  telegramApi?: Api | undefined;
  /** The Slack Web API client when Slack is configured. */
  slackClient?: WebClient | undefined;
}

export function buildCore(config: Config, { db, analyticsDb, clock, logger, dialogues, chains, telegramApi, slackClient }: CoreParts): CoreDeps {
  const warn = (msg: string, data: object) => logger.warn(data, msg);
  const translator = createTranslator(undefined, logger);
  const teamCards = { language: config.SLACK_LANGUAGE, t: (key: string, vars?: TextVariables) => translator.t(config.SLACK_LANGUAGE, key, vars) };
  return {
    db,
    ...(analyticsDb ? { analyticsDb } : {}),
    clock,
    logger,
    translator,
    teamTimezone: config.TZ_TEAM,
    dateOrder: config.DATE_ORDER,
    analytics: analyticsSettingsFrom(config),
    channel: telegramApi ? telegramChannel(telegramApi) : unconfiguredChannel(warn),
    notifier: slackClient ? slackNotifier(slackClient, config.SLACK_TEAM_CHANNEL, logger, teamCards) : unconfiguredNotifier(warn),
    policy: {
      frequencyCap: parseFrequencyCap(config.FREQUENCY_CAP),
      quietHours: parseQuietHours(config.QUIET_HOURS),
      attributionDays: config.ATTRIBUTION_WINDOW_DAYS,
      triggeredPerDay: config.TRIGGERED_PER_DAY,
    },
    dialogues,
    chains,
    ...(config.TEAM_HOURS ? { teamHours: parseTeamHours(config.TEAM_HOURS) } : {}),
  };
}
