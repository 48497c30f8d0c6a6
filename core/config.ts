// Configuration is read once, at start-up, from the environment (and a .env
// file). Anything invalid stops the process with one line that names the
// variable and what is expected.
import { isTeamHours } from "./team-threads/team-hours.ts";
import fs from "node:fs";
import { z } from "zod";
import type { DigestDestination } from "./digest/publish-digest.ts";
import { assertCron } from "./scheduler/cron.ts";
import type { AnalyticsSettings } from "./segments/analytics-settings.ts";
import { DATE_ORDERS } from "./campaigns/read-date.ts";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || URL.canParse(v), { message: `expected ${what}` });

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const slackIds = optionalString.refine((v) => v === undefined || /^([UWS][A-Z0-9]{2,})(\s*,\s*[UWS][A-Z0-9]{2,})*$/.test(v), {
  message: "expected comma-separated Slack user ids (U...) or user-group ids (S...)",
});

const SLACK_CHANNEL = "[A-Z0-9]{2,}";
const TELEGRAM_CHAT = "(?:-?\\d{1,20}|@[A-Za-z0-9_]{5,32})";
/** "ID[:en|ru], ID[:en|ru], ..." */
const DESTINATION_LIST = (id: string) => new RegExp(`^${id}(?::(?:en|ru))?(?:\\s*,\\s*${id}(?::(?:en|ru))?)*$`);

function isCron(expression: string): boolean {
  try {
    assertCron(expression);
    return true;
  } catch {
    return false;
  }
}

const timezone = z
  .string()
  .trim()
  .refine(isTimeZone, { message: "expected an IANA timezone such as Europe/Berlin or UTC" });

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: optionalString.refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      { message: "expected a postgres:// or postgresql:// URL, or nothing for the embedded database" },
    ),
    // The heavy read-only analysis (segment sizes and reports, /segment list, /metrics) goes here when set:
    // a read replica of DATABASE_URL, so analysis never slows the primary that sends. Unset: DATABASE_URL.
    ANALYTICS_DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "expected a postgres:// or postgresql:// URL (a read replica of DATABASE_URL), or nothing",
    }),
    // Connections this instance keeps to DATABASE_URL (PostgreSQL only): more lets a burst of subscribers run wider.
    DATABASE_POOL_SIZE: z.coerce.number({ message: "expected a whole number of connections" }).int({ message: "expected a whole number of connections" }).min(2, { message: "expected 2 to 200 connections" }).max(200, { message: "expected 2 to 200 connections" }).default(10),
    DATA_DIR: z.string().trim().min(1).default("./data"),
    PORT: z.coerce.number({ message: "expected a port number" }).int().min(0).max(65535).default(3000),
    TELEGRAM_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), {
      message: "expected a token from @BotFather, like 123456:ABC-DEF...",
    }),
    TELEGRAM_API_ROOT: z.string().trim().url({ message: "expected a URL" }).default("https://api.telegram.org"),
    TELEGRAM_WEBHOOK_URL: optionalUrl("a public https URL that Telegram can reach"),
    TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
      message: "expected 1-256 characters of A-Z, a-z, 0-9, _ and -",
    }),
    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xoxb-"), {
      message: "expected a bot token starting with xoxb-",
    }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xapp-"), {
      message: "expected an app-level token starting with xapp-",
    }),
    SLACK_API_URL: z.string().trim().url({ message: "expected a URL" }).default("https://slack.com/api/"),
    SLACK_TEAM_CHANNEL: optionalString,
    TZ_TEAM: timezone.default("UTC"),
    DATE_ORDER: z.enum(DATE_ORDERS, { message: "expected dmy (10/12 = 10 December) or mdy (10/12 = October 12)" }).default("dmy"),
    SLACK_LANGUAGE: z.enum(["en", "ru"], { message: "expected en or ru" }).default("en"),
    SLACK_ADMINS: slackIds,
    SLACK_SENDERS: slackIds,
    SLACK_APPROVERS: slackIds,
    SLACK_VIEWERS: slackIds,
    CAMPAIGN_APPROVAL: z.enum(["off", "required"], { message: "expected off or required" }).default("off"),
    BRAND_NAME: z.string().trim().min(1).max(64).default("Chatloop"),
    PUBLIC_URL: optionalUrl("the public https URL of this server, e.g. https://bot.example.com (for tracked links)"),
    LINK_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, { message: "expected at least 32 characters" }),
    // Above Telegram's limits only for a local Bot API server in tests and benchmarks (refused in production, below).
    DELIVERY_RATE: z.coerce.number({ message: "expected messages per second" }).positive().max(100_000).default(30),
    DELIVERY_PAID_BROADCAST: booleanFlag.default(false),
    DELIVERY_CONCURRENCY: z.coerce.number({ message: "expected a whole number" }).int().min(1).max(256).default(16),
    DELIVERY_MAX_ATTEMPTS: z.coerce.number({ message: "expected a whole number" }).int().min(1).max(20).default(5),
    FREQUENCY_CAP: z
      .string()
      .trim()
      .regex(/^\d+\/\d+d$/, { message: 'expected "<messages>/<days>d", e.g. 2/7d' })
      .default("2/7d"),
    QUIET_HOURS: z
      .string()
      .trim()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, { message: 'expected "HH:MM-HH:MM" (e.g. 21:00-09:00) or "off"' })
      .default("21:00-09:00"),
    TEAM_HOURS: optionalString.refine((v) => v === undefined || isTeamHours(v), { message: 'expected working days and hours like "Mon-Fri 09:00-18:00" (in TZ_TEAM)' }),
    TRIGGERED_PER_DAY: z.coerce.number({ message: "expected a whole number (0 = no limit)" }).int().min(0).max(100).default(1),
    ATTRIBUTION_WINDOW_DAYS: z.coerce.number({ message: "expected a number of days" }).int().min(1).max(90).default(7),
    FLOWS_DIR: optionalString,
    INGEST_API_KEY: optionalString.refine((v) => v === undefined || v.length >= 16, {
      message: "expected at least 16 characters (a long random string: openssl rand -hex 24)",
    }),
    // Ingestion requests handled at once (the rest wait briefly or get 429); unset = 4 on PostgreSQL, 1 on PGlite.
    INGEST_CONCURRENCY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ message: "expected a whole number" }).int().min(1).max(64).optional()),
    // Telegram updates handled at once (each chat's still one after another); unset = 32 on PostgreSQL, 16 on PGlite.
    TELEGRAM_CONCURRENCY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ message: "expected a whole number" }).int().min(1).max(500).optional()),
    RFM_WINDOW_DAYS: z.coerce.number({ message: "expected a number of days" }).int().min(7).max(3650).default(365),
    LIFECYCLE_CHURN_DAYS: z.coerce.number({ message: "expected a number of days" }).int().min(1).max(3650).default(180),
    LIFECYCLE_LOYAL_MIN_ORDERS: z.coerce.number({ message: "expected a number of orders" }).int().min(2).max(1000).default(3),
    LIFECYCLE_LOYAL_RECENCY_DAYS: z.coerce.number({ message: "expected a number of days" }).int().min(1).max(3650).default(90),
    LIFECYCLE_LOYAL_MIN_SPENT: z
      .union([z.literal("median"), z.coerce.number().min(0)], { message: 'expected an amount, or "median"' })
      .default("median"),
    CRM_MARGIN: z.coerce.number({ message: "expected a share between 0 and 1" }).min(0).max(1).default(0.3),
    CRM_RETURN_SHARE: z.coerce.number({ message: "expected a share between 0 and 1" }).min(0).max(1).default(0.1),
    DIGEST_CRON: z
      .string()
      .trim()
      .refine((v) => v === "off" || isCron(v), { message: 'expected a five-field cron expression such as "0 9 * * 1" (Mondays 09:00), or "off"' })
      .default("0 9 * * 1"),
    DIGEST_CHANNELS: optionalString.refine((v) => v === undefined || v === "off" || DESTINATION_LIST(SLACK_CHANNEL).test(v), {
      message: 'expected Slack channel ids with an optional language, e.g. "C0123ABCD:en,C0456EFGH:ru", or "off"',
    }),
    DIGEST_TELEGRAM_CHATS: optionalString.refine((v) => v === undefined || DESTINATION_LIST(TELEGRAM_CHAT).test(v), {
      message: 'expected Telegram chat ids with an optional language, e.g. "-1001234567890:ru"',
    }),
  })
  .superRefine((c, ctx) => {
    if (c.ANALYTICS_DATABASE_URL && !c.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["ANALYTICS_DATABASE_URL"], message: "needs DATABASE_URL: the embedded database has no replica" });
    }
    if (c.DELIVERY_RATE > 30 && !c.DELIVERY_PAID_BROADCAST && c.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["DELIVERY_RATE"],
        message: "is over Telegram's free limit of 30 messages/second; set DELIVERY_PAID_BROADCAST=true (paid broadcasts, up to 1000/s) or lower it",
      });
    }
    if (c.DELIVERY_RATE > 1000 && c.NODE_ENV === "production") {
      ctx.addIssue({ code: "custom", path: ["DELIVERY_RATE"], message: "is over Telegram's paid-broadcast ceiling of 1000 messages/second" });
    }
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_WEBHOOK_SECRET"],
        message: "is required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back so we can reject forged updates)",
      });
    }
    // Socket Mode (an app-level token) receives over its own websocket; HTTP mode must verify signatures.
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message: "is required when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (in HTTP mode it verifies that requests come from Slack)",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Every variable the product reads (for the check that each is documented). */
export function configVariables(): string[] {
  return Object.keys(configSchema.shape);
}

/** The analytic thresholds (RFM, loyalty funnel, CRM budget) out of the configuration. */
export function analyticsSettingsFrom(c: Config): AnalyticsSettings {
  return {
    rfmWindowDays: c.RFM_WINDOW_DAYS,
    lifecycle: {
      churnDays: c.LIFECYCLE_CHURN_DAYS,
      loyalMinOrders: c.LIFECYCLE_LOYAL_MIN_ORDERS,
      loyalRecencyDays: c.LIFECYCLE_LOYAL_RECENCY_DAYS,
      loyalMinSpent: c.LIFECYCLE_LOYAL_MIN_SPENT,
    },
    budget: { margin: c.CRM_MARGIN, returnShare: c.CRM_RETURN_SHARE },
  };
}

/**
 * Where the weekly digest goes: DIGEST_CHANNELS (default SLACK_TEAM_CHANNEL)
 * and DIGEST_TELEGRAM_CHATS, each "id[:language]"; no language = SLACK_LANGUAGE.
 */
export function digestDestinationsFrom(c: Config): DigestDestination[] {
  const parse = (list: string, kind: DigestDestination["kind"]): DigestDestination[] =>
    list
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => {
        const m = /^(.*?)(?::(en|ru))?$/.exec(item)!;
        return { kind, target: m[1]!, language: (m[2] ?? c.SLACK_LANGUAGE) as DigestDestination["language"] };
      });
  const slack = c.DIGEST_CHANNELS === "off" ? [] : parse(c.DIGEST_CHANNELS ?? c.SLACK_TEAM_CHANNEL ?? "", "slack");
  return [...(c.SLACK_BOT_TOKEN ? slack : []), ...(c.TELEGRAM_BOT_TOKEN ? parse(c.DIGEST_TELEGRAM_CHATS ?? "", "telegram") : [])];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses configuration from an environment object; throws ConfigError with one readable line. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = issue.path.join(".") || "configuration";
  const got = typeof issue.path[0] === "string" ? env[issue.path[0]] : undefined;
  // Secrets are never echoed: the line ends up in terminals and CI logs.
  const secret = typeof issue.path[0] === "string" && /(TOKEN|SECRET|KEY|PASSWORD)$|DATABASE_URL$/.test(issue.path[0]);
  const shown = got === undefined || secret ? "" : ` (got "${truncate(got, 40)}")`;
  const said = issue.message.startsWith("is ") ? ` ${issue.message}` : `: ${issue.message}`;
  throw new ConfigError(`Invalid configuration: ${variable}${said}${shown}. See .env.example.`);
}

/** Reads .env (if present) under the real environment, which wins, then parses. */
export function loadConfig(envFile = ".env"): Config {
  const fromFile = fs.existsSync(envFile) ? parseEnvFile(fs.readFileSync(envFile, "utf8")) : {};
  return parseConfig({ ...fromFile, ...process.env });
}

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, "");
    out[m[1]!] = value;
  }
  return out;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}...` : s;
}
