import { describe, expect, test } from "vitest";
import { parseConfig, parseEnvFile } from "./config.ts";

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
    [{ DATABASE_URL: "mysql://x" }, 'Invalid configuration: DATABASE_URL: expected a postgres:// or postgresql:// URL, or nothing for the embedded database (got "mysql://x"). See .env.example.'],
    [{ TZ_TEAM: "Mars/Olympus" }, 'Invalid configuration: TZ_TEAM: expected an IANA timezone such as Europe/Berlin or UTC (got "Mars/Olympus"). See .env.example.'],
    [{ TELEGRAM_BOT_TOKEN: "nope" }, 'Invalid configuration: TELEGRAM_BOT_TOKEN: expected a token from @BotFather, like 123456:ABC-DEF... (got "nope"). See .env.example.'],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "Invalid configuration: SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (it verifies that requests come from Slack). See .env.example."],
    [{ TELEGRAM_WEBHOOK_URL: "https://bot.example.com/tg" }, "Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back so we can reject forged updates). See .env.example."],
  ])("%o is refused with one clear line", (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  test(".env files: comments, quotes, export and inline comments", () => {
    expect(parseEnvFile('# c\nA=1\nexport B="two words"\nC=x # note\n\nD=\'q\'')).toEqual({ A: "1", B: "two words", C: "x", D: "q" });
  });
});
