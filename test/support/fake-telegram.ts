// A local server that speaks the Telegram Bot API methods Chatloop uses. The
// real grammY bot points its apiRoot here. It records every call, keeps each
// chat's messages (with edits), hands updates out through getUpdates (or posts
// them to the bot's webhook), and can be told to fail calls like Telegram does
// (429 with retry_after, 403 blocked, 400 chat not found, 5xx).
//
// Determinism: an update pushed while the bot long-polls counts as processed
// once the bot confirms it (its next getUpdates offset is past the update) and
// then says it has handled what it fetched (`whenHandled`: grammY's runner
// fetches the next batch while it handles this one), so a test awaits the
// user's action and then reads what the bot answered - no sleeps. A product in
// another process cannot say so: its tests wait for what the person sees.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

export interface ChatMessage {
  message_id: number;
  chat_id: number;
  text?: string;
  caption?: string;
  reply_markup?: InlineKeyboardMarkup | Record<string, unknown>;
  /** sendMessage, sendPhoto, sendDocument... */
  kind: string;
  /** Files sent with sendPhoto / sendDocument: name and size. */
  file?: { name: string; size: number; bytes: Buffer };
  /** Texts this message had before edits, oldest first. */
  history: string[];
}

interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
}
interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface ApiErrorReply {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Decides a call's fate before the fake handles it; return undefined to let it through. */
export type Fault = (call: ApiCall) => ApiErrorReply | undefined;

type Update = Record<string, unknown> & { update_id: number };

export const BOT_USER = { id: 777000111, is_bot: true, first_name: "Chatloop", username: "chatloop_test_bot" };

/** Telegram's broadcast limits, enforced like the real server does: 429 with retry_after. */
export interface RateLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
}

export class FakeTelegram {
  readonly token = "123456:TEST-token_for-local-bot-api";
  /** Sends refused with 429 because a limit was exceeded. */
  rateLimited = 0;
  private limits: RateLimits | undefined;
  private recentSends: number[] = [];
  private recentByChat = new Map<number, number[]>();
  readonly calls: ApiCall[] = [];
  private server = http.createServer((req, res) => {
    this.handle(req, res).catch((err: unknown) => reply(res, 500, { ok: false, error_code: 500, description: `fake server: ${String(err)}` }));
  });
  private port = 0;
  private updates: Update[] = [];
  /** Every update handed to the bot, in order (for tests that look at what happened to one). */
  readonly delivered: Update[] = [];
  private nextUpdateId = 1000;
  private confirmedBelow = 0;
  private confirmWaiters: { updateId: number; resolve: () => void }[] = [];
  private pollers: (() => void)[] = [];
  private messages = new Map<number, ChatMessage[]>();
  private nextMessageId = 1;
  private faults: Fault[] = [];
  private holds: { method: string; reached: (call: ApiCall) => void; released: Promise<void> }[] = [];
  private callListeners: ((call: ApiCall) => void)[] = [];
  private messageListeners: ((msg: ChatMessage) => void)[] = [];
  webhook: { url: string; secret?: string } | undefined;
  /** The URL the bot registered (what getWebhookInfo reports); `webhook.url` is where the fake delivers, which a test may point elsewhere. */
  registeredWebhookUrl = "";
  commands: Record<string, unknown>[] = [];
  /**
   * The bot's word that the updates it has fetched are handled. A bot on
   * grammY's runner fetches the next batch (confirming this one) while it still
   * handles this one, so a confirmed update is processed only once this resolves.
   */
  whenHandled: () => Promise<void> = async () => {};

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    // Keep idle connections open longer than any test: a server closing a
    // keep-alive socket just as the client reuses it makes a spurious network error.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers.splice(0)) wake();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  user(id: number, profile: { first_name?: string; last_name?: string; username?: string; language_code?: string } = {}): FakeTelegramUser {
    return new FakeTelegramUser(this, { id, is_bot: false, first_name: profile.first_name ?? `User${id}`, ...profile });
  }

  /** Enforces Telegram's limits on send* methods from now on (sliding one-second windows). */
  enforceLimits(limits: RateLimits): void {
    this.limits = limits;
  }

  private overLimit(call: ApiCall): ApiErrorReply | undefined {
    if (!this.limits || !call.method.startsWith("send")) return undefined;
    const now = Date.now();
    const chat = Number(call.params.chat_id);
    this.recentSends = this.recentSends.filter((t) => t > now - 1000);
    const perChat = (this.recentByChat.get(chat) ?? []).filter((t) => t > now - 1000);
    const tooMany = this.recentSends.length >= this.limits.globalPerSecond ? this.recentSends[0]! : perChat.length >= this.limits.perChatPerSecond ? perChat[0]! : undefined;
    if (tooMany !== undefined) {
      this.rateLimited += 1;
      const retryAfter = Math.max(1, Math.ceil((tooMany + 1000 - now) / 1000));
      return { error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } };
    }
    this.recentSends.push(now);
    perChat.push(now);
    this.recentByChat.set(chat, perChat);
    return undefined;
  }

  /** Adds a rule that can fail calls; returns a function that removes it. */
  addFault(fault: Fault): () => void {
    this.faults.push(fault);
    return () => {
      this.faults = this.faults.filter((f) => f !== fault);
    };
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Fails the next `times` calls of `method` with the given error. */
  failNext(method: string, error: ApiErrorReply, times = 1): void {
    let left = times;
    const remove = this.addFault((call) => {
      if (call.method !== method || left <= 0) return undefined;
      left -= 1;
      if (left === 0) remove();
      return error;
    });
  }

  /**
   * Holds the next call of `method` unanswered until release() (a slow
   * Telegram): `reached` resolves when the bot has made the call.
   */
  hold(method: string): { reached: Promise<ApiCall>; release(): void } {
    let release!: () => void;
    let reached!: (call: ApiCall) => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const reachedPromise = new Promise<ApiCall>((resolve) => (reached = resolve));
    this.holds.push({ method, reached, released });
    return { reached: reachedPromise, release };
  }

  /** Called with every message the bot sends (after it is stored, so it has its message_id). */
  onMessage(listener: (msg: ChatMessage) => void): void {
    this.messageListeners.push(listener);
  }

  /**
   * Queues an update for long polling without waiting for the bot (a crowd in
   * a benchmark); `deliver` is the one to await in tests.
   */
  push(update: Omit<Update, "update_id">): number {
    const full = { ...update, update_id: this.nextUpdateId++ } as Update;
    this.updates.push(full);
    for (const wake of this.pollers.splice(0)) wake();
    return full.update_id;
  }

  onCall(listener: (call: ApiCall) => void): () => void {
    this.callListeners.push(listener);
    return () => {
      this.callListeners = this.callListeners.filter((l) => l !== listener);
    };
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  chat(chatId: number): ChatMessage[] {
    return this.messages.get(chatId) ?? [];
  }

  /** Resolves when a call matching `predicate` has been made (or already was, after `sinceIndex`). */
  async waitForCall(predicate: (call: ApiCall) => boolean, timeoutMs = 5000, sinceIndex = 0): Promise<ApiCall> {
    const found = this.calls.slice(sinceIndex).find(predicate);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        remove();
        reject(new Error(`no matching Telegram API call within ${timeoutMs} ms`));
      }, timeoutMs);
      const remove = this.onCall((call) => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        remove();
        resolve(call);
      });
    });
  }

  /**
   * Numbers the next updates above `updateId`, as Telegram does for a bot across
   * restarts: a bot on a kept database has claimed the ids it already saw.
   */
  continueAfter(updateId: number): void {
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
  }

  /**
   * Delivers an update to the bot and resolves once the bot has processed it:
   * by webhook (the POST returns) or by long polling (the bot confirms it).
   */
  async deliver(update: Omit<Update, "update_id">, updateId = this.nextUpdateId++): Promise<{ status: number }> {
    const full = { ...update, update_id: updateId } as Update;
    this.delivered.push(full);
    if (this.webhook) {
      const res = await fetch(this.webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.webhook.secret ? { "x-telegram-bot-api-secret-token": this.webhook.secret } : {}),
        },
        body: JSON.stringify(full, jsonBigInt),
      });
      await res.arrayBuffer();
      return { status: res.status };
    }
    const processed = new Promise<void>((resolve) => this.confirmWaiters.push({ updateId: full.update_id, resolve }));
    this.updates.push(full);
    for (const wake of this.pollers.splice(0)) wake();
    await withTimeout(processed, 10_000, `update ${full.update_id} was not confirmed by the bot (is it polling?)`);
    await withTimeout(this.whenHandled(), 30_000, `update ${full.update_id} was confirmed but its handling did not end`);
    return { status: 200 };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    if (url.pathname === "/__stats") {
      const chats = [...this.messages.values()];
      return reply(res, 200, {
        messages: chats.reduce((a, m) => a + m.length, 0),
        chats: chats.filter((m) => m.length > 0).length,
        rateLimited: this.rateLimited,
      });
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (match[1] !== this.token) return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    const params = await readParams(req, url);
    const call: ApiCall = { method, params, at: Date.now() };
    if (method !== "getUpdates") {
      this.calls.push(call);
      for (const listener of [...this.callListeners]) listener(call);
    }
    for (const fault of this.faults) {
      const error = fault(call);
      if (error) return reply(res, error.error_code, { ok: false, ...error });
    }
    const held = this.holds.find((h) => h.method === method);
    if (held) {
      this.holds = this.holds.filter((h) => h !== held);
      held.reached(call);
      await held.released;
    }
    const limited = this.overLimit(call);
    if (limited) return reply(res, 429, { ok: false, ...limited });
    try {
      const result = await this.answer(method, params);
      reply(res, 200, { ok: true, result });
    } catch (err) {
      const e = err as Partial<ApiErrorReply>;
      reply(res, e.error_code ?? 500, { ok: false, error_code: e.error_code ?? 500, description: e.description ?? String(err) });
    }
  }

  private async answer(method: string, p: Record<string, unknown>): Promise<unknown> {
    // Telegram's size limits, enforced as the real server does (UTF-16 code units).
    if (typeof p.text === "string" && p.text.length > 4096) throw { error_code: 400, description: "Bad Request: message is too long" };
    if (typeof p.caption === "string" && p.caption.length > 1024) throw { error_code: 400, description: "Bad Request: message caption is too long" };
    switch (method) {
      case "getMe":
        return { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case "getUpdates":
        return this.getUpdates(Number(p.offset ?? 0), Number(p.timeout ?? 0));
      case "setWebhook":
        this.webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
        this.registeredWebhookUrl = String(p.url);
        return true;
      case "deleteWebhook":
        this.webhook = undefined;
        this.registeredWebhookUrl = "";
        return true;
      case "getWebhookInfo":
        return { url: this.registeredWebhookUrl, has_custom_certificate: false, pending_update_count: 0 };
      case "setMyCommands":
        this.commands.push(p);
        return true;
      case "sendMessage":
        return this.store(p, "sendMessage", { text: String(p.text ?? "") });
      case "sendPhoto":
      case "sendDocument": {
        const field = method === "sendPhoto" ? "photo" : "document";
        const file = p[field] as { name: string; bytes: Buffer } | string | undefined;
        const extra: Partial<ChatMessage> = p.caption ? { caption: String(p.caption) } : {};
        if (file && typeof file === "object") extra.file = { name: file.name, size: file.bytes.length, bytes: file.bytes };
        return this.store(p, method, extra);
      }
      case "sendMediaGroup": {
        // An album: each item's attach://<name> points at a file part of the same request.
        const media = (typeof p.media === "string" ? JSON.parse(p.media) : p.media) as { type: string; media: string; caption?: string }[];
        return media.map((item) => {
          const ref = item.media.startsWith("attach://") ? p[item.media.slice("attach://".length)] : undefined;
          const extra: Partial<ChatMessage> = item.caption ? { caption: item.caption } : {};
          if (ref && typeof ref === "object") {
            const file = ref as { name: string; bytes: Buffer };
            extra.file = { name: file.name, size: file.bytes.length, bytes: file.bytes };
          }
          return this.store({ chat_id: p.chat_id, ...(p.reply_parameters ? { reply_parameters: p.reply_parameters } : {}) }, item.type === "photo" ? "sendPhoto" : "sendDocument", extra);
        });
      }
      case "editMessageText": {
        const msg = this.find(Number(p.chat_id), Number(p.message_id));
        if (!msg) throw { error_code: 400, description: "Bad Request: message to edit not found" };
        if (msg.text !== undefined) msg.history.push(msg.text);
        msg.text = String(p.text ?? "");
        msg.reply_markup = (p.reply_markup as ChatMessage["reply_markup"]) ?? undefined;
        return this.toTelegramMessage(msg);
      }
      case "editMessageReplyMarkup": {
        const msg = this.find(Number(p.chat_id), Number(p.message_id));
        if (!msg) throw { error_code: 400, description: "Bad Request: message to edit not found" };
        msg.reply_markup = (p.reply_markup as ChatMessage["reply_markup"]) ?? undefined;
        return this.toTelegramMessage(msg);
      }
      default:
        // answerCallbackQuery, sendChatAction, deleteMessage, ...: recorded, accepted.
        return true;
    }
  }

  private store(p: Record<string, unknown>, kind: string, extra: Partial<ChatMessage>): unknown {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId)) throw { error_code: 400, description: "Bad Request: chat not found" };
    const msg: ChatMessage = {
      message_id: this.nextMessageId++,
      chat_id: chatId,
      kind,
      history: [],
      ...(p.reply_markup ? { reply_markup: p.reply_markup as ChatMessage["reply_markup"] } : {}),
      ...extra,
    };
    const list = this.messages.get(chatId) ?? [];
    list.push(msg);
    this.messages.set(chatId, list);
    for (const listener of this.messageListeners) listener(msg);
    return this.toTelegramMessage(msg);
  }

  private find(chatId: number, messageId: number): ChatMessage | undefined {
    return this.messages.get(chatId)?.find((m) => m.message_id === messageId);
  }

  toTelegramMessage(msg: ChatMessage): Record<string, unknown> {
    return {
      message_id: msg.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: msg.chat_id, type: "private" },
      from: BOT_USER,
      ...(msg.text !== undefined ? { text: msg.text } : {}),
      ...(msg.caption !== undefined ? { caption: msg.caption } : {}),
      ...(msg.reply_markup ? { reply_markup: msg.reply_markup } : {}),
    };
  }

  private async getUpdates(offset: number, timeoutSec: number): Promise<Update[]> {
    if (offset > this.confirmedBelow) {
      this.confirmedBelow = offset;
      this.updates = this.updates.filter((u) => u.update_id >= offset);
      const done = this.confirmWaiters.filter((w) => w.updateId < offset);
      this.confirmWaiters = this.confirmWaiters.filter((w) => w.updateId >= offset);
      for (const w of done) w.resolve();
    }
    const ready = () => this.updates.filter((u) => u.update_id >= offset);
    if (ready().length === 0 && timeoutSec > 0 && this.server.listening) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutSec * 1000);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.pollers.push(done);
      });
    }
    return ready().slice(0, 100);
  }
}

/** A Telegram user talking to the bot in a private chat. */
export class FakeTelegramUser {
  constructor(
    readonly tg: FakeTelegram,
    readonly from: { id: number; is_bot: false; first_name: string; last_name?: string; username?: string; language_code?: string },
  ) {}

  get id(): number {
    return this.from.id;
  }

  private get chat() {
    return { id: this.from.id, type: "private", first_name: this.from.first_name };
  }

  /** Sends "/command payload" and returns what the bot did in this chat meanwhile. */
  command(command: string, payload?: string): Promise<ApiCall[]> {
    const name = command.startsWith("/") ? command : `/${command}`;
    const text = payload ? `${name} ${payload}` : name;
    return this.message({ text, entities: [{ type: "bot_command", offset: 0, length: name.length }] });
  }

  say(text: string): Promise<ApiCall[]> {
    return this.message({ text });
  }

  /** Shares their own number (the request_contact button), or with `owner` someone else's contact card (no user_id: not on Telegram). */
  shareContact(phone: string, owner?: { first_name: string; user_id?: number }): Promise<ApiCall[]> {
    return this.message({ contact: { phone_number: phone, ...(owner ?? { first_name: this.from.first_name, user_id: this.from.id }) } });
  }

  sendSticker(): Promise<ApiCall[]> {
    return this.message({ sticker: { file_id: "sticker1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } });
  }

  sendPhoto(): Promise<ApiCall[]> {
    return this.message({ photo: [{ file_id: "photo1", file_unique_id: "p1", width: 90, height: 90 }] });
  }

  sendVoice(): Promise<ApiCall[]> {
    return this.message({ voice: { file_id: "voice1", file_unique_id: "v1", duration: 3 } });
  }

  async message(content: Record<string, unknown>): Promise<ApiCall[]> {
    return this.observe(() =>
      this.tg.deliver({
        message: { message_id: Math.floor(Math.random() * 1e9), date: Math.floor(Date.now() / 1000), chat: this.chat, from: this.from, ...content },
      }),
    );
  }

  /** Presses the inline button whose text matches, on the newest bot message that has one. */
  async press(label: string | RegExp): Promise<ApiCall[]> {
    const matches = (b: InlineKeyboardButton) => (typeof label === "string" ? b.text === label : label.test(b.text));
    const messages = [...this.tg.chat(this.id)].reverse();
    for (const msg of messages) {
      const keyboard = (msg.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard;
      const button = keyboard?.flat().find(matches);
      if (button?.callback_data) return this.pressData(button.callback_data, msg.message_id);
    }
    const seen = messages.flatMap((m) => ((m.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text));
    throw new Error(`no inline button "${String(label)}" in chat ${this.id}; buttons seen: ${JSON.stringify(seen)}`);
  }

  /** Presses a button by its callback data (e.g. a stale or forged one). */
  pressData(data: string, messageId?: number, queryId?: string): Promise<ApiCall[]> {
    const msg = messageId ? this.tg.chat(this.id).find((m) => m.message_id === messageId) : this.tg.chat(this.id).at(-1);
    return this.observe(() =>
      this.tg.deliver({
        callback_query: {
          id: queryId ?? String(Math.floor(Math.random() * 1e12)),
          from: this.from,
          chat_instance: `ci${this.id}`,
          data,
          ...(msg ? { message: this.tg.toTelegramMessage(msg) } : {}),
        },
      }),
    );
  }

  block(): Promise<ApiCall[]> {
    return this.memberStatus("member", "kicked");
  }

  unblock(): Promise<ApiCall[]> {
    return this.memberStatus("kicked", "member");
  }

  private memberStatus(from: string, to: string): Promise<ApiCall[]> {
    return this.observe(() =>
      this.tg.deliver({
        my_chat_member: {
          chat: this.chat,
          from: this.from,
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { user: BOT_USER, status: from },
          new_chat_member: { user: BOT_USER, status: to, ...(to === "kicked" ? { until_date: 0 } : {}) },
        },
      }),
    );
  }

  /** Delivers the same update (same update_id) again, as Telegram does after a webhook timeout. */
  redeliver(update: Record<string, unknown>, updateId: number): Promise<ApiCall[]> {
    return this.observe(() => this.tg.deliver(update, updateId));
  }

  /** Every message the bot has in this chat, as it looks now (after edits). */
  messages(): ChatMessage[] {
    return this.tg.chat(this.id);
  }

  texts(): string[] {
    return this.messages().map((m) => m.text ?? m.caption ?? "");
  }

  lastText(): string {
    return this.texts().at(-1) ?? "";
  }

  /** Button labels of the newest bot message that has buttons. */
  buttons(): string[] {
    const msg = [...this.messages()].reverse().find((m) => (m.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard);
    return ((msg?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);
  }

  private async observe(action: () => Promise<unknown>): Promise<ApiCall[]> {
    const start = this.tg.calls.length;
    await action();
    return this.tg.calls.slice(start).filter((c) => Number(c.params.chat_id) === this.id || c.method === "answerCallbackQuery");
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readParams(req: http.IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (body.length === 0) return params;
  if (type.includes("application/json")) return { ...params, ...(JSON.parse(body.toString("utf8")) as Record<string, unknown>) };
  if (type.includes("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) params[key] = parseMaybeJson(value);
  }
  if (type.includes("multipart/form-data")) {
    for (const part of parseMultipart(type, body)) {
      params[part.name] = part.filename === undefined ? parseMaybeJson(part.data.toString("utf8")) : { name: part.filename, bytes: part.data };
    }
    // grammY sends files as attach://<id> references with the file in another part.
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === "string" && value.startsWith("attach://")) params[key] = params[value.slice("attach://".length)];
    }
  }
  return params;
}

function parseMultipart(type: string, body: Buffer): { name: string; filename?: string; data: Buffer }[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!m) return [];
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: { name: string; filename?: string; data: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const headerStart = start + delimiter.length;
    if (body.subarray(headerStart, headerStart + 2).toString() === "--") break;
    const headerEnd = body.indexOf("\r\n\r\n", headerStart);
    const next = body.indexOf(delimiter, headerEnd);
    if (headerEnd === -1 || next === -1) break;
    const headers = body.subarray(headerStart, headerEnd).toString("utf8").trim();
    const name = /(?:^|;)\s*name="?([^";\r\n]*)"?/i.exec(headers.split("\r\n")[0]!.replace(/^content-disposition:\s*form-data/i, ""))?.[1] ?? "";
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: body.subarray(headerEnd + 4, next - 2) });
    start = next;
  }
  return parts;
}

function parseMaybeJson(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function jsonBigInt(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
