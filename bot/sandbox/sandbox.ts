// The sandbox: `npm start` with no Telegram or Slack credentials. The real
// product - the same core, grammY bot and Bolt app - runs against the local
// Telegram and Slack servers of the test harness, on an embedded database
// seeded with a demo store, and this terminal lets a person type as a
// Telegram customer and as a Slack marketer and see what each side sees.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { pino } from "pino";
import { startApplication, type Application } from "../application.ts";
import { parseConfig } from "../../core/config.ts";
import { openDatabase } from "../../core/db/database.ts";
import { migrate } from "../../core/db/migrate.ts";
import { createLogger } from "../../core/logger.ts";
import { FakeSlack, SlackClient } from "../../test/support/fake-slack.ts";
import { FakeTelegram, type FakeTelegramUser } from "../../test/support/fake-telegram.ts";
import { seedDemoStore } from "./demo-store.ts";
import { numbered, renderSlack, type SlackButton } from "./render.ts";

export interface SandboxOptions {
  dataDir: string;
  reset: boolean;
  port: number;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const SLACK_COMMANDS = new Set(["segment", "send", "metrics", "campaigns", "template", "audit", "digest", "customer", "chatloop"]);
const YOU = "U0YOU";

export async function runSandbox(options: SandboxOptions): Promise<number> {
  const out = (text = "") => options.output.write(`${text}\n`);
  const dir = path.resolve(options.dataDir, "sandbox");
  if (options.reset) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, "chatloop.log");

  const telegram = await new FakeTelegram().start();
  const slackApi = await new FakeSlack().start();
  const signingSecret = crypto.randomBytes(16).toString("hex");
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
    SLACK_APP_TOKEN: "",
    SLACK_API_URL: slackApi.apiUrl,
    SLACK_TEAM_CHANNEL: "C0TEAM",
    SLACK_ADMINS: YOU,
    PUBLIC_URL: `http://127.0.0.1:${options.port || 3000}`,
    // A demo should answer at any hour, and a few thousand messages should not take minutes.
    QUIET_HOURS: process.env.QUIET_HOURS ?? "off",
    DELIVERY_RATE: process.env.DELIVERY_RATE ?? "200",
    INGEST_API_KEY: process.env.INGEST_API_KEY ?? "sandbox-ingest-key-0123456789",
  });
  const logger = createLogger(config.LOG_LEVEL, pino.destination({ dest: logFile, sync: false }));

  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  const fresh = (await db.prisma.subscriber.count()) === 0;
  // The local Bot API starts counting again with every run; the kept database remembers the updates it handled.
  const lastUpdate = await db.prisma.processedUpdate.aggregate({ _max: { updateId: true } });
  telegram.continueAfter(Number(lastUpdate._max.updateId ?? 0));
  let app: Application | undefined;
  try {
    app = await startApplication({ config, db, logger, host: "127.0.0.1" });
    if (fresh) {
      out("Seeding the demo store (a shoe shop: 3 000 customers, orders, carts, NPS answers)...");
      await seedDemoStore(app.core, (msg) => out(`  ${msg}`));
    }
    const slack = new SlackClient(`http://127.0.0.1:${app.port}`, signingSecret, slackApi);
    const terminal = new Terminal({ app, telegram, slackApi, slack, out, filesDir: path.join(dir, "files") });
    out(BANNER.replace("{log}", logFile).replace("{port}", String(app.port)));
    await terminal.run(options.input);
    return 0;
  } finally {
    await app?.stop();
    await db.close();
    await telegram.stop();
    await slackApi.stop();
  }
}

const BANNER = `
Chatloop sandbox - the real product on local Telegram and Slack servers.
You are a Telegram customer (Alex) and, in Slack, a marketer with admin rights.
  Telegram:  /start  /stop  /language  /choose  /feedback  /mydata  /forget, or any text
             #2 presses the 2nd button of the last message; :contact +4915112345678 shares a phone
  Slack:     /segment list   /send everyone "Hi {first_name}!" now   /metrics last month
             /campaigns   /template list   /digest preview   /chatloop help
             @1 presses the 1st button of the last Slack message
  Sandbox:   :user Maria ru  (talk as another customer)   :help   :quit
HTTP on http://127.0.0.1:{port} (the ingestion API and /r/ links work); logs go to {log}.
`;

interface TerminalDeps {
  app: Application;
  telegram: FakeTelegram;
  slackApi: FakeSlack;
  slack: SlackClient;
  out: (text?: string) => void;
  filesDir: string;
}

class Terminal {
  private user: FakeTelegramUser;
  private nextUserId = 4242;
  private shown = new Map<number, string>();
  private slackButtons: SlackButton[] = [];
  private seenResponses = 0;
  private seenPosts = 0;
  private seenUploads = 0;
  private othersSeen = 0;

  constructor(private readonly d: TerminalDeps) {
    this.user = d.telegram.user(this.nextUserId++, { first_name: "Alex", language_code: "en" });
  }

  async run(input: NodeJS.ReadableStream): Promise<void> {
    const lines = readline.createInterface({ input, terminal: false });
    const timer = setInterval(() => this.flushBackground(), 1000);
    try {
      for await (const raw of lines) {
        const line = raw.trim();
        if (!line) continue;
        if (line === ":quit" || line === ":exit") break;
        try {
          await this.handle(line);
        } catch (err) {
          this.d.out(`! ${err instanceof Error ? err.message : String(err)}`);
        }
        await this.settle();
        this.flushBackground();
        this.d.out("> ready");
      }
    } finally {
      clearInterval(timer);
    }
  }

  private async handle(line: string): Promise<void> {
    if (line === ":help") return this.d.out(BANNER);
    const userSwitch = /^:user\s+(\S+)(?:\s+(en|ru))?$/.exec(line);
    if (userSwitch) {
      this.user = this.d.telegram.user(this.nextUserId++, { first_name: userSwitch[1]!, language_code: userSwitch[2] ?? "en" });
      this.shown.clear();
      return this.d.out(`[sandbox] you are now ${userSwitch[1]} (Telegram id ${this.user.id})`);
    }
    const contact = /^:contact\s+(.+)$/.exec(line);
    if (contact) {
      await this.user.shareContact(contact[1]!);
      return this.showTelegram();
    }
    const tgButton = /^#(\d+)$/.exec(line);
    if (tgButton) {
      await this.pressTelegram(Number(tgButton[1]));
      return this.showTelegram();
    }
    const slackButton = /^@(\d+)$/.exec(line);
    if (slackButton) return this.pressSlack(Number(slackButton[1]));
    const command = /^\/(\w+)(?:\s+([\s\S]*))?$/.exec(line);
    if (command && SLACK_COMMANDS.has(command[1]!)) return this.slackCommand(`/${command[1]}`, command[2] ?? "");
    // Every other /word is a Telegram command, as the customer's app sends it: the bot
    // decides what it knows (its own, the flows' and surveys' commands) and answers the rest.
    if (command) {
      await this.user.command(command[1]!, command[2]);
      return this.showTelegram();
    }
    await this.user.say(line);
    this.showTelegram();
  }

  private async pressTelegram(n: number): Promise<void> {
    const withButtons = [...this.user.messages()].reverse().find((m) => (m.reply_markup as { inline_keyboard?: unknown[] } | undefined)?.inline_keyboard);
    const buttons = ((withButtons?.reply_markup as { inline_keyboard: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard ?? []).flat();
    const button = buttons[n - 1];
    if (!button?.callback_data) throw new Error(`there is no button #${n} on the last Telegram message with buttons`);
    this.d.out(`[telegram] you pressed "${button.text}"`);
    await this.user.pressData(button.callback_data, withButtons!.message_id);
  }

  private async pressSlack(n: number): Promise<void> {
    const button = this.slackButtons[n - 1];
    if (!button) throw new Error(`there is no button @${n} on the last Slack message with buttons`);
    this.d.out(`[slack] you pressed "${button.text}"`);
    await this.d.slack.action(button.actionId, button.value, YOU);
  }

  private async slackCommand(command: string, text: string): Promise<void> {
    const res = await this.d.slack.command(command, text, YOU, { channel: "C0MARKETING" });
    if (res.status !== 200) throw new Error(`Slack answered ${res.status}`);
    if (Object.keys(res.ack).length > 0) this.showSlack("[slack] (only you see this)", res.ack);
  }

  /** Lets asynchronous answers (response_url, team channel posts) arrive before the prompt. */
  private async settle(): Promise<void> {
    let last = -1;
    for (let i = 0; i < 20; i++) {
      const now = this.d.slackApi.responses.length + this.d.slackApi.calls.length + this.d.telegram.calls.length;
      if (now === last) break;
      last = now;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private flushBackground(): void {
    this.showTelegram();
    const responses = this.d.slackApi.responses.slice(this.seenResponses);
    this.seenResponses += responses.length;
    for (const r of responses) this.showSlack("[slack] (only you see this)", r.body);
    const posts = this.d.slackApi.calls.slice(this.seenPosts);
    this.seenPosts += posts.length;
    for (const call of posts) {
      if (call.method === "chat.postMessage") this.showSlack(`[slack #${String(call.params.channel)}${call.params.thread_ts ? " thread" : ""}]`, call.params);
      if (call.method === "views.publish") this.showSlack("[slack home tab]", call.params.view as Record<string, unknown>);
    }
    const uploads = this.d.slackApi.uploads.slice(this.seenUploads).filter((u) => u.bytes.length > 0);
    for (const u of uploads) {
      fs.mkdirSync(this.d.filesDir, { recursive: true });
      const file = path.join(this.d.filesDir, u.filename);
      fs.writeFileSync(file, u.bytes);
      this.d.out(`[slack file] ${u.filename} -> ${file}`);
    }
    this.seenUploads += uploads.length;
    const others = this.d.telegram.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) !== this.user.id).length;
    if (others > this.othersSeen) {
      this.d.out(`[telegram] ${others - this.othersSeen} more messages went to other customers (${others} in all)`);
      this.othersSeen = others;
    }
  }

  private showTelegram(): void {
    for (const m of this.user.messages()) {
      const body = m.text ?? m.caption ?? (m.file ? `(file ${m.file.name}, ${m.file.size} bytes)` : "");
      const buttons = ((m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);
      const shown = `${body}|${buttons.join("|")}`;
      if (this.shown.get(m.message_id) === shown) continue;
      this.shown.set(m.message_id, shown);
      this.d.out(`[telegram] bot -> ${this.user.from.first_name}:`);
      for (const l of body.split("\n")) this.d.out(`  ${l}`);
      if (m.file && m.caption) this.d.out(`  (file ${m.file.name}, ${m.file.size} bytes)`);
      if (buttons.length) this.d.out(`  ${numbered(buttons, "#")}`);
    }
  }

  private showSlack(heading: string, message: Record<string, unknown>): void {
    const { lines, buttons } = renderSlack(message);
    this.d.out(heading);
    for (const l of lines) this.d.out(`  ${l}`);
    if (buttons.length) {
      this.slackButtons = buttons;
      this.d.out(`  ${numbered(buttons.map((b) => b.text), "@")}`);
    }
  }
}
