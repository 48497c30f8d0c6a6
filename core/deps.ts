// What every core use case may depend on. Built once by the composition root
// (bot/main.ts) or a test, and passed down; there are no global singletons.
import type { DateOrder } from "./campaigns/read-date.ts";
import type { Clock } from "./clock.ts";
import type { Database } from "./db/database.ts";
import type { ContactPolicy } from "./delivery/contact-policy.ts";
import type { DialogueCatalog } from "./dialogues/dialogue-catalog.ts";
import type { Translator } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import type { Channel, Notifier } from "./ports.ts";
import type { AnalyticsSettings } from "./segments/analytics-settings.ts";
import type { ChainDefinition } from "./chains/chain-schema.ts";
import type { TeamHours } from "./team-threads/team-hours.ts";

export interface CoreDeps {
  db: Database;
  /**
   * Where the heavy read-only analysis goes (ANALYTICS_DATABASE_URL, a read replica): segment sizes
   * and reports, the built-in sizes, the metrics' period figures. Absent: `db`. Use analyticsDb(deps).
   */
  analyticsDb?: Database;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  /** The team's timezone (TZ_TEAM): default for customers whose own is unknown. */
  teamTimezone: string;
  /** How numeric dates are read (DATE_ORDER): day first unless told otherwise. */
  dateOrder?: DateOrder;
  /** Sends messages to customers (Telegram). */
  channel: Channel;
  /** Posts to the team (Slack). */
  notifier: Notifier;
  /** Frequency cap, quiet hours, attribution window. */
  policy: ContactPolicy;
  /** Qualification flows and surveys, loaded from FLOWS_DIR at start. */
  dialogues: DialogueCatalog;
  /** RFM, loyalty-funnel and budget thresholds (from the environment); defaults when absent. */
  analytics?: AnalyticsSettings;
  /** When the team answers customers (TEAM_HOURS); absent: any time. */
  teamHours?: TeamHours;
  /** Trigger chains loaded from FLOWS_DIR/chains at start (for reports and pause/resume). */
  chains?: ChainDefinition[];
}
