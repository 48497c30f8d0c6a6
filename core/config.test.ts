import { describe, expect, test } from "vitest";
import fs from "node:fs";
import { configVariables, digestDestinationsFrom, parseConfig, parseEnvFile } from "./config.ts";

describe("configuration", () => {
  test("defaults: embedded database in ./data, port 3000, Telegram's and Slack's public APIs, UTC", () => {
    const c = parseConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c).toMatchObject({
      DATA_DIR: "./data",
      PORT: 3000,
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      SLACK_API_URL: "https://slack.com/api/",
      TZ_TEAM: "UTC",
    });
  });

  test("blank values count as unset", () => {
    const c = parseConfig({ DATABASE_URL: "", TELEGRAM_BOT_TOKEN: " " });
    expect([c.DATABASE_URL, c.TELEGRAM_BOT_TOKEN]).toEqual([undefined, undefined]);
  });

  test.each([
    [{ PORT: "eighty" }, 'Invalid configuration: PORT: expected a port number (got "eighty"). See .env.example.'],
    [{ DATABASE_POOL_SIZE: "1" }, "Invalid configuration: DATABASE_POOL_SIZE: expected 2 to 200 connections (got \"1\"). See .env.example."],
    [{ DATABASE_URL: "mysql://me:hunter2@db" }, "Invalid configuration: DATABASE_URL: expected a postgres:// or postgresql:// URL, or nothing for the embedded database. See .env.example."],
    [{ NODE_ENV: "production", DELIVERY_RATE: "5000", DELIVERY_PAID_BROADCAST: "true" }, 'Invalid configuration: DELIVERY_RATE is over Telegram\'s paid-broadcast ceiling of 1000 messages/second (got "5000"). See .env.example.'],
    [{ TZ_TEAM: "Mars/Olympus" }, 'Invalid configuration: TZ_TEAM: expected an IANA timezone such as Europe/Berlin or UTC (got "Mars/Olympus"). See .env.example.'],
    [{ TELEGRAM_BOT_TOKEN: "nope" }, "Invalid configuration: TELEGRAM_BOT_TOKEN: expected a token from @BotFather, like 123456:ABC-DEF.... See .env.example."],
    [{ LINK_SECRET: "short-secret" }, "Invalid configuration: LINK_SECRET: expected at least 32 characters. See .env.example."],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "Invalid configuration: SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (in HTTP mode it verifies that requests come from Slack). See .env.example."],
    [{ DIGEST_CRON: "every monday" }, 'Invalid configuration: DIGEST_CRON: expected a five-field cron expression such as "0 9 * * 1" (Mondays 09:00), or "off" (got "every monday"). See .env.example.'],
    [{ DIGEST_CHANNELS: "C123:de" }, 'Invalid configuration: DIGEST_CHANNELS: expected Slack channel ids with an optional language, e.g. "C0123ABCD:en,C0456EFGH:ru", or "off" (got "C123:de"). See .env.example.'],
    [{ DIGEST_TELEGRAM_CHATS: "admins" }, 'Invalid configuration: DIGEST_TELEGRAM_CHATS: expected Telegram chat ids with an optional language, e.g. "-1001234567890:ru" (got "admins"). See .env.example.'],
    [{ TELEGRAM_WEBHOOK_URL: "https://bot.example.com/tg" }, "Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back so we can reject forged updates). See .env.example."],
  ])("%o is refused with one clear line", (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  test("the weekly digest: Mondays 09:00 to the team channel in the team's language unless told otherwise", () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_TEAM_CHANNEL: "C0TEAM", SLACK_LANGUAGE: "ru" };
    expect(parseConfig({}).DIGEST_CRON).toBe("0 9 * * 1");
    expect(digestDestinationsFrom(parseConfig(slack))).toEqual([{ kind: "slack", target: "C0TEAM", language: "ru" }]);
    expect(
      digestDestinationsFrom(parseConfig({ ...slack, TELEGRAM_BOT_TOKEN: "1:x", DIGEST_CHANNELS: "C1:en, C2", DIGEST_TELEGRAM_CHATS: "-100123:en,@managers" })),
    ).toEqual([
      { kind: "slack", target: "C1", language: "en" },
      { kind: "slack", target: "C2", language: "ru" },
      { kind: "telegram", target: "-100123", language: "en" },
      { kind: "telegram", target: "@managers", language: "ru" },
    ]);
    // Only Telegram; and nothing where the bot is not configured.
    expect(digestDestinationsFrom(parseConfig({ ...slack, DIGEST_CHANNELS: "off" }))).toEqual([]);
    expect(digestDestinationsFrom(parseConfig({ DIGEST_TELEGRAM_CHATS: "-100123" }))).toEqual([]);
  });

  test("Socket Mode needs no signing secret; the refusal never echoes a secret's value", () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).SLACK_SIGNING_SECRET).toBeUndefined();
    expect(() => parseConfig({ SLACK_BOT_TOKEN: "xoxc-very-secret-token" })).toThrow(/^Invalid configuration: SLACK_BOT_TOKEN: expected a bot token starting with xoxb-\. See/);
  });

  test("every variable is documented in .env.example and in docs/configuration.md's table", () => {
    const example = Object.keys(parseEnvFile(fs.readFileSync(".env.example", "utf8")));
    const readme = fs.readFileSync("docs/configuration.md", "utf8");
    const variables = configVariables();
    expect(variables.length).toBeGreaterThan(30);
    expect(variables.filter((v) => !example.includes(v))).toEqual([]);
    expect(variables.filter((v) => !readme.includes(`\`${v}\``))).toEqual([]);
  });

  test(".env files: comments, quotes, export and inline comments", () => {
    expect(parseEnvFile('# c\nA=1\nexport B="two words"\nC=x # note\n\nD=\'q\'')).toEqual({ A: "1", B: "two words", C: "x", D: "q" });
  });
});
