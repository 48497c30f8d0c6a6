// A start that fails part-way stops what had started: here the HTTP port is
// taken, after the database was opened and both bots were started; the
// database's connections are closed, not left to the process's exit.
import http from "node:http";
import pg from "pg";
import { expect, test } from "vitest";
import { startApplication } from "../../bot/application.ts";
import { parseConfig } from "../../core/config.ts";
import { silentLogger } from "../../core/logger.ts";
import { ADMIN_URL, createPostgresDatabase, dropPostgresDatabase } from "../support/databases.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { listen } from "../../bot/http/server.ts";

async function connectionsTo(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [database]);
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}

test("a start that fails after the database opened closes it and stops the bots", async () => {
  const telegram = await new FakeTelegram().start();
  const slackApi = await new FakeSlack().start();
  const taken = http.createServer();
  const port = await listen(taken, 0, "127.0.0.1");
  const { name, url } = await createPostgresDatabase();
  try {
    const config = parseConfig({
      NODE_ENV: "test",
      PORT: String(port),
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slackApi.apiUrl,
    });
    await expect(startApplication({ config, logger: silentLogger, host: "127.0.0.1" })).rejects.toThrow(/EADDRINUSE/);
    // It got as far as the bots: the menu commands were published.
    expect(telegram.callsOf("setMyCommands").length).toBeGreaterThan(0);
    expect(await connectionsTo(name)).toBe(0);
  } finally {
    await dropPostgresDatabase(name);
    await new Promise((resolve) => taken.close(resolve));
    await telegram.stop();
    await slackApi.stop();
  }
});
