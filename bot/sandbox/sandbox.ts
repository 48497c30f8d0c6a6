// The sandbox: `npm start` with no Telegram or Slack credentials. The real
// product - the same core, grammY bot and Bolt app - runs against the local
// Telegram and Slack servers of the test harness, on an embedded database
// seeded with a demo store, and this terminal lets a person type as a
// Telegram customer and as a Slack marketer and see what each side sees.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { startApplication, type Application } from "../application.ts";
import { parseConfig } from "../../core/config.ts";
import { openDatabase, type Database } from "../../core/db/database.ts";
import { migrate } from "../../core/db/migrate.ts";
import { createLogger } from "../../core/logger.ts";
import { FakeSlack, SlackClient } from "../../test/support/fake-slack.ts";
import { FakeSlackSocket } from "../../test/support/fake-slack-socket.ts";
import { FakeTelegram } from "../../test/support/fake-telegram.ts";
import { seedDemoStore } from "./demo-store.ts";
import { Terminal } from "./terminal.ts";

export interface SandboxOptions {
  dataDir: string;
  reset: boolean;
  port: number;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Slack over a local Socket Mode server instead of signed HTTP requests. */
  socketMode?: boolean;
  /** Aborted (Ctrl-C, SIGTERM): the terminal stops reading and everything is shut down. */
  signal?: AbortSignal;
}

export const SANDBOX_INGEST_KEY = "sandbox-ingest-key-0123456789";

export async function runSandbox(options: SandboxOptions): Promise<number> {
  const out = (text = "") => options.output.write(`${text}\n`);
  const dir = path.resolve(options.dataDir, "sandbox");
  if (options.reset) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, "chatloop.log");

  // The database first: a second sandbox on the same data stops here, before anything else is started.
  const db = await openDatabase({ dataDir: dir });
  const telegram = await new FakeTelegram().start();
  const slackApi = await new FakeSlack().start();
  const slackSocket = options.socketMode ? await new FakeSlackSocket().start() : undefined;
  slackApi.socket = slackSocket;
  const signingSecret = crypto.randomBytes(16).toString("hex");
  const ingestKey = process.env.INGEST_API_KEY || SANDBOX_INGEST_KEY;
  const config = parseConfig({
    ...process.env,
    DATABASE_URL: "",
    DATA_DIR: dir,
    PORT: String(options.port),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: "",
    SLACK_BOT_TOKEN: "xoxb-sandbox",
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_APP_TOKEN: slackSocket ? "xapp-sandbox" : "",
    SLACK_API_URL: slackApi.apiUrl,
    SLACK_TEAM_CHANNEL: "C0TEAM",
    SLACK_ADMINS: "U0YOU",
    PUBLIC_URL: `http://127.0.0.1:${options.port || 3000}`,
    // A demo should answer at any hour, and a few thousand messages should not take minutes.
    QUIET_HOURS: process.env.QUIET_HOURS ?? "off",
    DELIVERY_RATE: process.env.DELIVERY_RATE ?? "200",
    INGEST_API_KEY: ingestKey,
  });
  // Written synchronously: a stop at any moment loses no line and leaves no stream half open.
  const logger = createLogger(config.LOG_LEVEL, pino.destination({ dest: logFile, sync: true }));
  let app: Application | undefined;
  try {
    await migrate(db);
    const fresh = (await db.prisma.subscriber.count()) === 0;
    await continueNumbering(db, telegram, slackApi);
    app = await startApplication({ config, db, logger, host: "127.0.0.1" });
    // A customer's line is answered when the bot has handled it, not when it has fetched it (the runner
    // fetches the next batch while it handles this one): the terminal shows the answer before "ready".
    if (app.telegramSettled) telegram.whenHandled = app.telegramSettled;
    if (fresh) {
      out("Seeding the demo store (a shoe shop: 3 000 customers, orders, carts, NPS answers, a week of segment sizes)...");
      await seedDemoStore(app.core, (msg) => out(`  ${msg}`));
    }
    const baseUrl = `http://127.0.0.1:${app.port}`;
    const slack = new SlackClient(baseUrl, signingSecret, slackApi, slackSocket);
    const banner = BANNER.replaceAll("{log}", logFile).replaceAll("{url}", baseUrl).replaceAll("{key}", ingestKey).replace("{slack}", slackSocket ? "Socket Mode" : "HTTP (signed requests)");
    const terminal = new Terminal({ app, db, telegram, slackApi, slack, out, output: options.output, banner, baseUrl, publicUrl: config.PUBLIC_URL!, filesDir: path.join(dir, "files") });
    out(banner);
    await terminal.run(options.input, options.signal);
    return 0;
  } finally {
    await app?.stop();
    await db.close();
    await slackSocket?.stop();
    await telegram.stop();
    await slackApi.stop();
    logger.flush();
  }
}

/**
 * The local Bot API and Slack start counting again with every run; the kept
 * database remembers the updates it handled and the Slack messages it stored.
 */
async function continueNumbering(db: Database, telegram: FakeTelegram, slackApi: FakeSlack): Promise<void> {
  const lastUpdate = await db.prisma.processedUpdate.aggregate({ _max: { updateId: true } });
  telegram.continueAfter(Number(lastUpdate._max.updateId ?? 0));
  const [row] = await db.prisma.$queryRawUnsafe<{ ts: string | null }[]>(
    `SELECT max(ts)::text AS ts FROM (SELECT slack_ts::numeric AS ts FROM team_thread
      UNION ALL SELECT slack_ts::numeric FROM team_thread_message WHERE slack_ts ~ '^[0-9]+(\\.[0-9]+)?$') t`,
  );
  if (row?.ts) slackApi.continueAfterTs(row.ts);
}

const BANNER = `
Chatloop sandbox - the real product on local Telegram and Slack servers.
You are a Telegram customer (Alex) and, in Slack, a marketer with admin rights.
  Telegram:  /start  /stop  /language  /choose  /feedback  /mydata  /forget, or any text
             #a presses the first button of the last message (#b the second...); a typed
             9 presses the button labelled 9; :contact +4915112345678 shares a phone
  Slack:     /segment list   /send subscribed "Hi {first_name}!" now   /metrics last month
             /campaigns   /template list   /digest preview   /chatloop help
             in your own words, English or Russian: @chatloop how many loyal customers do we have?
               /segment loyal who spent over 300 in 90 days   /metrics какой был NPS на прошлой неделе
             @1 presses the 1st button of the last Slack message; :reply 1 text answers in card 1's thread
  Sandbox:   :user Maria ru (talk as Maria: the same one each time)  :user new Maria  :users
             :help  :quit (or Ctrl-C); up-arrow recalls earlier lines
HTTP on {url} - the ingestion API (key {key}) and /r/ links work; Slack over {slack}.
Logs go to {log}.
Try the ingestion API from another terminal:
  curl -X POST {url}/api/v1/events -H 'Authorization: Bearer {key}' -H 'content-type: application/json' \\
    -d '{"idempotency_key":"try-1","type":"added_to_cart","occurred_at":"2026-11-20T14:03:00Z","customer":{"telegram_id":4242}}'
`;
