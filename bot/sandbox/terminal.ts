// The sandbox's terminal: each line typed goes to the Telegram bot as the
// current customer or to the Slack app as the marketer, and what each side
// would show comes back: the bot's messages with lettered buttons, Slack's
// answers, team cards (numbered, for :reply), their threads and updates,
// modals, files, and one line per campaign or chain for what went to others.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type { Application } from "../application.ts";
import type { Database } from "../../core/db/database.ts";
import { closestWord } from "../../core/language/closest-word.ts";
import { routeWords } from "../../core/language/route-words.ts";
import { SLACK_BOT, type FakeSlack, type SlackApiCall, type SlackClient } from "../../test/support/fake-slack.ts";
import type { ChatMessage, FakeTelegram, FakeTelegramUser } from "../../test/support/fake-telegram.ts";
import { labelled, letter, renderSlack, type SlackButton } from "./render.ts";

export interface TerminalDeps {
  app: Application;
  db: Database;
  telegram: FakeTelegram;
  slackApi: FakeSlack;
  slack: SlackClient;
  out: (text?: string) => void;
  output: NodeJS.WritableStream;
  banner: string;
  /** Where the product listens, and the PUBLIC_URL its links carry. */
  baseUrl: string;
  publicUrl: string;
  filesDir: string;
}

const SLACK_COMMANDS = ["segment", "send", "metrics", "campaigns", "chains", "template", "spend", "audit", "digest", "customer", "chatloop"];
const SANDBOX_COMMANDS = ["help", "users", "user", "contact", "reply", "quit", "exit"];
const YOU = "U0YOU";
const TEAM_CHANNEL = "C0TEAM";
/** Where the marketer's slash commands and @mentions are typed. */
const MARKETING_CHANNEL = "C0MARKETING";
/** Customers the sandbox plays get Telegram ids from here (the demo store's start at 100 000 000). */
const FIRST_USER_ID = 4242;
const LAST_USER_ID = 99_999_999;

interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export class Terminal {
  private user!: FakeTelegramUser;
  private users = new Map<number, FakeTelegramUser>();
  private shown = new Map<string, string>();
  private slackButtons: SlackButton[] = [];
  private cardTs: string[] = [];
  private seenResponses = 0;
  private seenCalls = 0;
  /** Modals already shown: their redraws are not shown again. */
  private readonly shownModals = new Set<string>();
  private seenUploads = 0;
  private sentSince = new Date();
  private sentTotals = new Map<string, number>();
  private busy = false;

  /** The hint "to ask the Slack app in words, start with @chatloop" was given. */
  private hintedApp = false;

  constructor(private readonly d: TerminalDeps) {}

  async run(input: NodeJS.ReadableStream, signal?: AbortSignal): Promise<void> {
    this.sentSince = d0(await this.lastSentAt());
    this.user = (await this.findUser("Alex")) ?? (await this.newUser("Alex", "en"));
    // A terminal gets line editing and history (up-arrow); a pipe gets plain lines.
    const tty = Boolean((input as { isTTY?: boolean }).isTTY);
    const lines = readline.createInterface({ input, terminal: tty, historySize: 500, ...(tty ? { output: this.d.output, prompt: "> " } : {}) });
    const close = () => lines.close();
    lines.on("SIGINT", close);
    signal?.addEventListener("abort", close, { once: true });
    const timer = setInterval(() => void this.flushBackground(), 1000);
    if (tty) lines.prompt();
    try {
      for await (const raw of lines) {
        const line = raw.trim();
        if (line === ":quit" || line === ":exit") break;
        if (line) {
          try {
            await this.handle(line);
          } catch (err) {
            this.d.out(`! ${err instanceof Error ? err.message : String(err)}`);
          }
          await this.settle();
          await this.flushBackground();
        }
        this.d.out("> ready");
        if (tty) lines.prompt();
      }
    } finally {
      clearInterval(timer);
      signal?.removeEventListener("abort", close);
      lines.close();
    }
  }

  private async handle(line: string): Promise<void> {
    if (line === ":help") return this.d.out(this.d.banner);
    if (line === ":users") return this.listUsers();
    const userSwitch = /^:user\s+(new\s+)?(\S+)(?:\s+(en|ru))?$/.exec(line);
    if (userSwitch) {
      const [, fresh, name, language] = userSwitch;
      const existing = fresh ? undefined : await this.findUser(name!);
      this.user = existing ?? (await this.newUser(name!, language ?? "en"));
      return this.d.out(`[sandbox] you are now ${name} (Telegram id ${this.user.id}${existing ? ", as before" : ", new"})`);
    }
    const contact = /^:contact\s+(.+)$/.exec(line);
    if (contact) {
      await this.user.shareContact(contact[1]!);
      return this.showTelegram();
    }
    const reply = /^:reply\s+(\d+)\s+([\s\S]+)$/.exec(line);
    if (reply) return this.replyInThread(Number(reply[1]), reply[2]!);
    const sandboxWord = /^:(\w+)/.exec(line);
    if (sandboxWord) {
      // A sandbox command mistyped or used without its argument is not a customer's message.
      const meant = closestWord(sandboxWord[1]!, SANDBOX_COMMANDS);
      return this.d.out(`[sandbox] ${line} is not a sandbox command${meant ? `. Did you mean :${meant}?` : ""} (:help lists them: :user NAME [en|ru], :users, :contact +PHONE, :reply N text, :quit)`);
    }
    const tgButton = /^#(\S+)$/.exec(line);
    if (tgButton) {
      await this.pressTelegram(this.telegramButton(tgButton[1]!));
      return this.showTelegram();
    }
    // "@chatloop how many loyal customers do we have?": an @mention of the app in #marketing, as a marketer asks in words.
    const mention = /^@chatloop\b[\s,:]*([\s\S]*)$/i.exec(line);
    if (mention) return this.mentionApp(mention[1]!);
    const slackButton = /^@(\d+)$/.exec(line);
    if (slackButton) return this.pressSlack(Number(slackButton[1]));
    const command = /^\/(\w+)(?:\s+([\s\S]*))?$/.exec(line);
    if (command && SLACK_COMMANDS.includes(command[1]!)) return this.slackCommand(`/${command[1]}`, command[2] ?? "");
    if (command) {
      // Every other /word is a Telegram command, as the customer's app sends it - unless it is
      // a near miss of a Slack command the bot does not know (/segments, /metric).
      const meant = this.telegramCommands().has(command[1]!.toLowerCase()) ? undefined : closestWord(command[1]!, SLACK_COMMANDS);
      if (meant) return this.d.out(`[slack] /${command[1]} is not a Slack command here. Did you mean /${meant}?`);
      await this.user.command(command[1]!, command[2]);
      return this.showTelegram();
    }
    // A typed button label (a score: 9) presses that button, as a tap would.
    const label = this.lastButtons().find((b) => b.callback_data && b.text.toLowerCase() === line.toLowerCase());
    if (label) {
      await this.pressTelegram(label);
      return this.showTelegram();
    }
    await this.user.say(line);
    this.showTelegram();
    const name = this.user.from.first_name;
    // A newcomer asking the sandbox itself for help reaches the customer bot; say where the rest is.
    if (/^(help|\?|помощь|справка)$/i.test(line.trim())) return this.d.out(`[sandbox] that went to the Telegram bot as ${name}'s message. :help shows the sandbox's commands; /chatloop help the Slack app's.`);
    // Words that read as a marketer's question ("how many customers do we have") went to the customer bot: say how to
    // ask the app. Once a session: whoever plays a customer on purpose needs it no more.
    if (!this.hintedApp && (await this.readsAsQuestionToApp(line))) {
      this.hintedApp = true;
      this.d.out(`[sandbox] that went to the Telegram bot as ${name}'s message. To ask the Slack app in your own words, start with @chatloop: @chatloop how many loyal customers do we have?`);
    }
  }

  // --- Telegram customers ---

  private async findUser(name: string): Promise<FakeTelegramUser | undefined> {
    const [row] = await this.d.db.prisma.$queryRawUnsafe<{ id: bigint; language: string | null }[]>(
      `SELECT telegram_id AS id, language FROM subscriber WHERE lower(first_name) = lower($1) AND telegram_id BETWEEN $2 AND $3 ORDER BY telegram_id LIMIT 1`,
      name,
      FIRST_USER_ID,
      LAST_USER_ID,
    );
    const known = [...this.users.values()].find((u) => u.from.first_name.toLowerCase() === name.toLowerCase());
    if (known) return known;
    return row ? this.userFor(Number(row.id), name, row.language ?? "en") : undefined;
  }

  private async newUser(name: string, language: string): Promise<FakeTelegramUser> {
    const max = await this.d.db.prisma.subscriber.aggregate({ _max: { telegramId: true }, where: { telegramId: { gte: FIRST_USER_ID, lte: LAST_USER_ID } } });
    const id = Math.max(FIRST_USER_ID - 1, Number(max._max.telegramId ?? 0), ...this.users.keys()) + 1;
    return this.userFor(id, name, language);
  }

  private userFor(id: number, name: string, language: string): FakeTelegramUser {
    const user = this.users.get(id) ?? this.d.telegram.user(id, { first_name: name, language_code: language });
    this.users.set(id, user);
    return user;
  }

  private async listUsers(): Promise<void> {
    const rows = await this.d.db.prisma.$queryRawUnsafe<{ id: bigint; name: string | null; language: string | null; consent: string }[]>(
      `SELECT telegram_id AS id, first_name AS name, language, consent_status::text AS consent FROM subscriber WHERE telegram_id BETWEEN $1 AND $2 ORDER BY telegram_id`,
      FIRST_USER_ID,
      LAST_USER_ID,
    );
    const listed = new Set(rows.map((r) => Number(r.id)));
    for (const u of this.users.values()) if (!listed.has(u.id)) rows.push({ id: BigInt(u.id), name: u.from.first_name, language: u.from.language_code ?? "en", consent: "not started" });
    for (const r of rows) this.d.out(`[sandbox] ${Number(r.id) === this.user.id ? "*" : " "} ${r.name ?? "?"} (${r.language ?? "en"}, Telegram id ${r.id}, ${r.consent})`);
  }

  /** The words a mention would answer with a segment or figures (core/language/route-words.ts), not with its help. */
  private async readsAsQuestionToApp(words: string): Promise<boolean> {
    const routed = await routeWords(this.d.app.core, words);
    return !routed.refusal && (routed.command === "/segment" || routed.command === "/metrics");
  }

  private lastButtons(): InlineButton[] {
    const last = this.user.messages().at(-1);
    return last ? buttonsOf(last) : [];
  }

  /** `#a` is the first button; `#9` the button labelled 9 if there is one, else the 9th. */
  private telegramButton(handle: string): InlineButton {
    const withButtons = [...this.user.messages()].reverse().find((m) => buttonsOf(m).length > 0);
    const buttons = withButtons ? buttonsOf(withButtons) : [];
    const byLetter = /^[a-z]+$/.test(handle) ? buttons.find((_b, i) => letter(i) === handle) : undefined;
    const byLabel = buttons.find((b) => b.text.toLowerCase() === handle.toLowerCase());
    const byNumber = /^\d+$/.test(handle) ? buttons[Number(handle) - 1] : undefined;
    const button = byLetter ?? byLabel ?? byNumber;
    if (!button) throw new Error(`there is no button #${handle} on the last Telegram message with buttons`);
    return button;
  }

  private async pressTelegram(button: InlineButton): Promise<void> {
    if (button.url) return this.follow(button.url);
    const message = [...this.user.messages()].reverse().find((m) => buttonsOf(m).some((b) => b.callback_data === button.callback_data));
    this.d.out(`[telegram] you pressed "${button.text}"`);
    await this.user.pressData(button.callback_data!, message?.message_id);
  }

  /** Opens a link as the customer's browser would: a tracked /r/ link records the click and redirects. */
  private async follow(url: string): Promise<void> {
    const local = url.startsWith(this.d.publicUrl) ? `${this.d.baseUrl}${url.slice(this.d.publicUrl.length)}` : url;
    if (!local.startsWith(this.d.baseUrl)) return this.d.out(`[browser] ${url} (outside the sandbox: not opened)`);
    const res = await fetch(local, { redirect: "manual" });
    await res.text();
    const target = res.headers.get("location");
    this.d.out(`[browser] ${url} -> ${res.status}${target ? ` ${target}` : ""}`);
  }

  private showTelegram(): void {
    for (const user of this.users.values()) {
      for (const m of user.messages()) {
        const body = m.text ?? m.caption ?? "";
        const buttons = buttonsOf(m);
        const key = `${user.id}:${m.message_id}`;
        const shown = `${body}|${buttons.map((b) => b.text).join("|")}`;
        if (this.shown.get(key) === shown) continue;
        this.shown.set(key, shown);
        this.d.out(`[telegram] bot -> ${user.from.first_name}:`);
        for (const l of body.split("\n")) if (l) this.d.out(`  ${l}`);
        if (m.file) this.d.out(`  (file ${m.file.name}, ${m.file.size} bytes) -> ${this.saveFile(m.file.name, m.file.bytes)}`);
        if (buttons.length) this.d.out(`  ${labelled(buttons, (i) => `#${letter(i)}`)}`);
      }
    }
  }

  private saveFile(name: string, bytes: Buffer): string {
    fs.mkdirSync(this.d.filesDir, { recursive: true });
    const file = path.join(this.d.filesDir, path.basename(name));
    fs.writeFileSync(file, bytes);
    return file;
  }

  private telegramCommands(): Set<string> {
    const names = new Set<string>();
    for (const call of this.d.telegram.commands) {
      const list = (typeof call.commands === "string" ? JSON.parse(call.commands) : call.commands) as { command: string }[] | undefined;
      for (const c of list ?? []) names.add(c.command.toLowerCase());
    }
    return names;
  }

  // --- Slack, the marketer ---

  private async pressSlack(n: number): Promise<void> {
    const button = this.slackButtons[n - 1];
    if (!button) throw new Error(`there is no button @${n} on the last Slack message with buttons`);
    if (button.url) return this.follow(button.url);
    this.d.out(`[slack] you pressed "${button.text}"`);
    await this.d.slack.action(button.actionId, button.value, YOU);
  }

  private async slackCommand(command: string, text: string): Promise<void> {
    const res = await this.d.slack.command(command, text, YOU, { channel: MARKETING_CHANNEL });
    if (res.status !== 200) throw new Error(`Slack answered ${res.status}`);
    if (Object.keys(res.ack).length > 0) this.showSlack("[slack] (only you see this)", res.ack);
  }

  /** An app_mention event in #marketing; the app answers in the mention's thread (shown by showSlackCalls). */
  private async mentionApp(words: string): Promise<void> {
    const ts = this.d.slackApi.newTs();
    this.d.out(`[slack #${MARKETING_CHANNEL}] you: @Chatloop ${words}`);
    const res = await this.d.slack.event({ type: "app_mention", channel: MARKETING_CHANNEL, user: YOU, text: `<@${SLACK_BOT.user_id}> ${words}`, ts, event_ts: ts });
    if (res.status !== 200) throw new Error(`Slack answered ${res.status}`);
    // Slack has the event acknowledged before the app answers: wait for the answer in its thread, so it comes before the prompt.
    await this.d.slackApi.waitFor(() => this.d.slackApi.calls.find((c) => c.method === "chat.postMessage" && c.params.thread_ts === ts), 15_000);
  }

  private async replyInThread(card: number, text: string): Promise<void> {
    const threadTs = this.cardTs[card - 1];
    if (!threadTs) throw new Error(`there is no card ${card} (cards are numbered as they appear: ${this.cardTs.length} so far)`);
    await this.d.slack.event({ type: "message", channel: TEAM_CHANNEL, user: YOU, text, ts: this.d.slackApi.newTs(), thread_ts: threadTs });
    this.d.out(`[slack #${TEAM_CHANNEL} card ${card} thread] you: ${text}`);
  }

  private cardNumber(ts: string): number {
    const known = this.cardTs.indexOf(ts);
    if (known >= 0) return known + 1;
    this.cardTs.push(ts);
    return this.cardTs.length;
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

  private async flushBackground(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.showTelegram();
      this.showSlackCalls();
      await this.showOthers();
    } finally {
      this.busy = false;
    }
  }

  private showSlackCalls(): void {
    const responses = this.d.slackApi.responses.slice(this.seenResponses);
    this.seenResponses += responses.length;
    for (const r of responses) this.showSlack("[slack] (only you see this)", r.body);
    const calls = this.d.slackApi.calls.slice(this.seenCalls);
    this.seenCalls += calls.length;
    for (const call of calls) {
      const p = call.params;
      const channel = String(p.channel ?? "");
      const ts = (call.response as { ts?: string } | undefined)?.ts;
      if (call.method === "chat.postMessage" && channel === TEAM_CHANNEL && !p.thread_ts && ts) this.showSlack(`[slack #${channel} card ${this.cardNumber(ts)}]`, p);
      else if (call.method === "chat.postMessage" && channel === TEAM_CHANNEL && p.thread_ts) this.showSlack(`[slack #${channel} card ${this.cardNumber(String(p.thread_ts))} thread]`, p);
      else if (call.method === "chat.postMessage") this.showSlack(`[slack #${channel}${p.thread_ts ? " thread" : ""}]`, p);
      else if (call.method === "chat.update" && channel === TEAM_CHANNEL) this.showSlack(`[slack #${channel} card ${this.cardNumber(String(p.ts))} updated]`, p);
      else if (call.method === "reactions.add") this.d.out(`[slack] :${String(p.name)}: on your message`.replace(":white_check_mark:", "✅"));
      else if (call.method === "views.open" || call.method === "views.push" || call.method === "views.update") {
        // Each modal is shown once (a terminal cannot fill it in): as filled in when that came in the same batch, else as opened.
        const id = modalId(call);
        if (!(id && this.shownModals.has(id)) && !modalRedrawnLater(call, calls)) {
          if (id) this.shownModals.add(id);
          this.showSlack("[slack modal]", modalOf(p.view));
        }
      }
      else if (call.method === "views.publish") this.showSlack("[slack home tab]", modalOf(p.view));
    }
    const uploads = this.d.slackApi.uploads.slice(this.seenUploads).filter((u) => u.bytes.length > 0);
    this.seenUploads += uploads.length;
    for (const u of uploads) this.d.out(`[slack file] ${u.filename} -> ${this.saveFile(u.filename, u.bytes)}`);
  }

  /** What went to customers the sandbox does not play, one line per campaign or chain. */
  private async showOthers(): Promise<void> {
    const rows = await this.d.db.prisma.$queryRawUnsafe<{ source: string; n: number; last: Date }[]>(
      `SELECT CASE WHEN c.id IS NOT NULL THEN 'campaign #' || c.id || ' "' || c.name || '"'
                   WHEN e.id IS NOT NULL THEN 'chain ' || e.chain_id ELSE 'other messages' END AS source,
              count(*)::int AS n, max(d.sent_at) AS last
         FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id
         LEFT JOIN campaign c ON c.id = d.campaign_id LEFT JOIN chain_enrollment e ON e.id = d.chain_enrollment_id
        WHERE d.status = 'sent' AND d.sent_at > $1 AND s.telegram_id NOT BETWEEN $2 AND $3
        GROUP BY 1 ORDER BY 1`,
      this.sentSince,
      FIRST_USER_ID,
      LAST_USER_ID,
    );
    for (const r of rows) {
      const total = (this.sentTotals.get(r.source) ?? 0) + r.n;
      this.sentTotals.set(r.source, total);
      if (r.last > this.sentSince) this.sentSince = r.last;
      this.d.out(`[telegram] ${r.n} more messages to other customers from ${r.source} (${total} so far)`);
    }
  }

  private async lastSentAt(): Promise<Date | null> {
    const r = await this.d.db.prisma.delivery.aggregate({ _max: { sentAt: true } });
    return r._max.sentAt;
  }

  private showSlack(heading: string, message: Record<string, unknown>): void {
    const { lines, buttons } = renderSlack(message);
    this.d.out(heading);
    for (const l of lines) this.d.out(`  ${l}`);
    if (buttons.length) {
      this.slackButtons = buttons;
      this.d.out(`  ${labelled(buttons, (i) => `@${i + 1}`)}`);
    }
  }
}

function buttonsOf(m: ChatMessage): InlineButton[] {
  return ((m.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard ?? []).flat();
}

/** The id of the modal a views.open, push or update call drew. */
function modalId(call: SlackApiCall): string | undefined {
  const id = call.method === "views.update" ? call.params.view_id : (call.response as { view?: { id?: unknown } } | undefined)?.view?.id;
  return typeof id === "string" ? id : undefined;
}

/** Whether a later call in `calls` redraws the modal `call` opened or updated. */
function modalRedrawnLater(call: SlackApiCall, calls: SlackApiCall[]): boolean {
  const id = modalId(call);
  return !!id && calls.slice(calls.indexOf(call) + 1).some((c) => c.method === "views.update" && c.params.view_id === id);
}

function modalOf(view: unknown): Record<string, unknown> {
  const v = (typeof view === "string" ? JSON.parse(view) : view) as { title?: { text?: string }; blocks?: unknown } | undefined;
  return { text: v?.title?.text ?? "", blocks: [...(v?.title?.text ? [{ type: "header", text: { text: v.title.text } }] : []), ...((v?.blocks ?? []) as unknown[])] };
}

function d0(date: Date | null): Date {
  return date ?? new Date(0);
}
