// The Slack side of the tests. FakeSlack is a local Slack Web API (what the
// app posts: chat.postMessage, files uploads, views.publish...) plus the
// response_url endpoint; SlackClient sends correctly signed slash commands,
// interactions and events into the app's real Bolt receiver over HTTP.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeSlackSocket } from "./fake-slack-socket.ts";

export interface SlackApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  /** What the fake answered. */
  response?: Record<string, unknown>;
}

export interface SlackResponse {
  id: string;
  body: Record<string, unknown>;
}

/** A modal as the person sees it now: opened (views.open, views.push), then redrawn in place (views.update). */
export interface FakeView {
  id: string;
  hash: string;
  /** The view as the app last sent it (callback_id, private_metadata, blocks...). */
  view: Record<string, unknown>;
  /** The trigger it was opened with. */
  triggerId: string;
}

export const SLACK_TEAM = { id: "T0TEST", domain: "chatloop-test" };
export const SLACK_BOT = { user_id: "U0BOT", bot_id: "B0BOT" };

export class FakeSlack {
  readonly calls: SlackApiCall[] = [];
  readonly responses: SlackResponse[] = [];
  readonly uploads: { fileId: string; filename: string; bytes: Buffer }[] = [];
  private server = http.createServer((req, res) => void this.handle(req, res));
  private port = 0;
  private nextTs = 1_700_000_000_000;
  private nextFile = 1;
  private listeners: (() => void)[] = [];
  /** Users' profiles served by users.info. */
  users = new Map<string, { name: string; real_name: string; tz?: string }>();
  /** Members of user groups, served by usergroups.users.list. */
  userGroups = new Map<string, string[]>();
  private failures: { method: string; error: string; times: number }[] = [];
  /** Set: Socket Mode - apps.connections.open hands out this server's ws:// URL. */
  socket: FakeSlackSocket | undefined;
  private outages: { method: string; times: number }[] = [];
  /** Modals by view id, as they stand now. */
  readonly views = new Map<string, FakeView>();
  private nextView = 1;

  /** Answers the next `times` calls of `method` with { ok: false, error } (Slack's way of failing). */
  failNext(method: string, error: string, times = 1): void {
    this.failures.push({ method, error, times });
  }

  /** Answers the next `times` calls of `method` with HTTP 503 (Slack down, not a Slack error): clients retry those. */
  outage(method: string, times: number): void {
    this.outages.push({ method, times });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The base URL the app's WebClient uses (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.url}/api/`;
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
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** The newest modal with this callback_id (after every update), if one is open. */
  latestView(callbackId: string): FakeView | undefined {
    return [...this.views.values()].reverse().find((v) => v.view.callback_id === callbackId);
  }

  callsOf(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** A fresh response_url for one slash command or interaction. */
  responseUrl(): string {
    return `${this.url}/response/${crypto.randomUUID()}`;
  }

  responsesTo(url: string): SlackResponse[] {
    const id = url.split("/").at(-1);
    return this.responses.filter((r) => r.id === id);
  }

  /** Waits until `predicate` holds (checked after every call the fake receives). */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const now = predicate();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`Slack: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const value = predicate();
        if (!value) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(value);
      };
      this.listeners.push(check);
    });
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const body = await readBody(req);
    if (url.pathname.startsWith("/response/")) {
      this.responses.push({ id: url.pathname.split("/").at(-1)!, body: JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown> });
      json(res, { ok: true });
      this.notify();
      return;
    }
    if (url.pathname.startsWith("/upload/")) {
      const fileId = url.pathname.split("/").at(-1)!;
      const pending = this.uploads.find((u) => u.fileId === fileId);
      if (pending) pending.bytes = extractUpload(req.headers["content-type"] ?? "", body);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("OK - uploaded");
      this.notify();
      return;
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const params = parseParams(req.headers["content-type"] ?? "", body);
    const call: SlackApiCall = { method, params, at: Date.now() };
    this.calls.push(call);
    const outage = this.outages.find((o) => o.method === method && o.times > 0);
    if (outage) {
      outage.times -= 1;
      call.response = { http: 503 };
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("Service Unavailable");
      this.notify();
      return;
    }
    const failure = this.failures.find((f) => f.method === method && f.times > 0);
    if (failure) failure.times -= 1;
    call.response = failure ? { ok: false, error: failure.error } : this.answer(method, params);
    json(res, call.response);
    this.notify();
  }

  private answer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "apps.connections.open":
        return this.socket ? { ok: true, url: this.socket.openUrl() } : { ok: false, error: "invalid_auth" };
      case "auth.test":
        return { ok: true, url: `https://${SLACK_TEAM.domain}.slack.com/`, team: "Test", team_id: SLACK_TEAM.id, user: "chatloop", ...SLACK_BOT };
      case "chat.postMessage":
      case "chat.postEphemeral":
      case "chat.update": {
        const ts = typeof p.ts === "string" ? p.ts : this.newTs();
        return { ok: true, channel: p.channel, ts, message: { text: p.text, ts, thread_ts: p.thread_ts } };
      }
      case "users.info": {
        const id = String(p.user);
        const user = this.users.get(id) ?? { name: id.toLowerCase(), real_name: `User ${id}` };
        return { ok: true, user: { id, ...user, profile: { real_name: user.real_name, display_name: user.name } } };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(p.users ?? "X").split(",")[0]}` } };
      case "views.open":
      case "views.push": {
        const id = `V0VIEW${this.nextView++}`;
        const view: FakeView = { id, hash: `${id}.1`, view: asObject(p.view), triggerId: String(p.trigger_id ?? "") };
        this.views.set(id, view);
        return { ok: true, view: { ...view.view, id, hash: view.hash } };
      }
      case "views.update": {
        const current = this.views.get(String(p.view_id));
        if (!current) return { ok: false, error: "not_found" };
        // Slack refuses an update computed from a view that has changed since (hash_conflict).
        if (typeof p.hash === "string" && p.hash !== current.hash) return { ok: false, error: "hash_conflict" };
        current.view = asObject(p.view);
        current.hash = `${current.id}.${Number(current.hash.split(".")[1]) + 1}`;
        return { ok: true, view: { ...current.view, id: current.id, hash: current.hash } };
      }
      case "usergroups.users.list":
        return { ok: true, users: this.userGroups.get(String(p.usergroup)) ?? [] };
      case "files.getUploadURLExternal": {
        const fileId = `F${this.nextFile++}`;
        this.uploads.push({ fileId, filename: String(p.filename), bytes: Buffer.alloc(0) });
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = (typeof p.files === "string" ? JSON.parse(p.files) : p.files) as { id: string; title?: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? "", name: this.uploads.find((u) => u.fileId === f.id)?.filename })) };
      }
      default:
        return { ok: true };
    }
  }

  /** Numbers new messages after `ts` (a restarted local Slack must not reuse the ts of a stored message). */
  continueAfterTs(ts: string): void {
    const [seconds, micros] = ts.split(".");
    const n = Number(seconds) * 1000 + Number(micros ?? 0);
    if (Number.isFinite(n)) this.nextTs = Math.max(this.nextTs, n + 1);
  }

  /** A new message ts, after every one handed out (or stored, see continueAfterTs). */
  newTs(): string {
    const n = this.nextTs++;
    return `${Math.floor(n / 1000)}.${String(n % 1000).padStart(6, "0")}`;
  }
}

/**
 * Sends signed requests into the app's Bolt receiver at `${appUrl}/slack/events`,
 * or, given a Socket Mode server the app is connected to, the same payloads as envelopes.
 */
export class SlackClient {
  constructor(
    readonly appUrl: string,
    readonly signingSecret: string,
    readonly fake: FakeSlack,
    readonly socket?: FakeSlackSocket,
  ) {}

  /**
   * Runs a slash command as `user`. Returns the HTTP status, the acknowledgement
   * Bolt sent back, and the response_url to read later answers from.
   */
  async command(command: string, text: string, user = "U0MARKETER", options: { channel?: string; timestamp?: number; signature?: string } = {}) {
    const responseUrl = this.fake.responseUrl();
    const fields = {
      token: "legacy",
      team_id: SLACK_TEAM.id,
      team_domain: SLACK_TEAM.domain,
      channel_id: options.channel ?? "C0MARKETING",
      channel_name: "marketing",
      user_id: user,
      user_name: user.toLowerCase(),
      command,
      text,
      api_app_id: "A0CHATLOOP",
      response_url: responseUrl,
      trigger_id: `trigger.${Date.now()}`,
    };
    let status = 200;
    let ack: Record<string, unknown>;
    if (this.socket) ack = await this.socket.send("slash_commands", fields);
    else {
      const res = await this.post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", options);
      status = res.status;
      const ackText = await res.text();
      ack = ackText ? (JSON.parse(ackText) as Record<string, unknown>) : {};
    }
    return {
      status,
      ack,
      responseUrl,
      /** Everything the app said for this command: the ack, then response_url messages. */
      answers: () => [ack, ...this.fake.responsesTo(responseUrl).map((r) => r.body)].filter((a) => Object.keys(a).length > 0),
    };
  }

  /** Presses a Block Kit button (block_actions) as `user`. */
  async action(actionId: string, value: string, user = "U0MARKETER", extra: Record<string, unknown> = {}) {
    const responseUrl = this.fake.responseUrl();
    const payload = {
      ...interactiveEnvelope("block_actions", user),
      response_url: responseUrl,
      channel: { id: "C0MARKETING", name: "marketing" },
      container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0MARKETING", is_ephemeral: true },
      actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: `${Date.now() / 1000}` }],
      ...extra,
    };
    if (this.socket) {
      await this.socket.send("interactive", payload);
      return { status: 200, responseUrl };
    }
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
    await res.text();
    return { status: res.status, responseUrl };
  }

  /**
   * Submits a modal (view_submission) as `user` with `typed` in its fields, by
   * block id (a text, a date 2026-11-24, a time 10:00, a select's value).
   * Returns Bolt's acknowledgement: `{ response_action: "errors", errors }` keeps the modal open, `{}` closes it.
   */
  async viewSubmission(view: FakeView, typed: Record<string, string>, user = "U0MARKETER"): Promise<Record<string, unknown>> {
    const payload = {
      ...interactiveEnvelope("view_submission", user),
      view: viewPayload(view, typed),
      response_urls: [],
    };
    return this.interactive(payload);
  }

  /** Presses Enter in a modal's field (a dispatch_action input) with `typed` in its fields. */
  async viewAction(view: FakeView, blockId: string, typed: Record<string, string>, user = "U0MARKETER"): Promise<Record<string, unknown>> {
    const element = elementOf(view, blockId);
    const payload = {
      ...interactiveEnvelope("block_actions", user),
      container: { type: "view", view_id: view.id },
      view: viewPayload(view, typed),
      actions: [{ type: element.type, action_id: element.action_id, block_id: blockId, value: typed[blockId] ?? "", action_ts: `${Date.now() / 1000}` }],
    };
    return this.interactive(payload);
  }

  private async interactive(payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.socket) return this.socket.send("interactive", payload);
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
    if (res.status !== 200) throw new Error(`the app answered HTTP ${res.status}`);
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  /** Delivers an Events API event (e.g. a message in a thread); the same `eventId` again is Slack's retry. */
  async event(event: Record<string, unknown>, options: { eventId?: string } = {}) {
    const callback = {
      token: "legacy",
      team_id: SLACK_TEAM.id,
      api_app_id: "A0CHATLOOP",
      event,
      type: "event_callback",
      event_id: options.eventId ?? `Ev${crypto.randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: SLACK_TEAM.id, user_id: SLACK_BOT.user_id, is_bot: true }],
    };
    if (this.socket) {
      await this.socket.send("events_api", callback);
      return { status: 200 };
    }
    const res = await this.post(JSON.stringify(callback), "application/json");
    await res.text();
    return { status: res.status };
  }

  /** Posts a raw body, signed unless `options.signature` overrides it. */
  async post(body: string, contentType: string, options: { timestamp?: number; signature?: string } = {}) {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = options.signature ?? signSlackRequest(this.signingSecret, timestamp, body);
    return fetch(`${this.appUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature },
      body,
    });
  }
}

export function signSlackRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${crypto.createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** The plain text of a Slack message: its text plus every text inside its blocks. */
export function slackText(message: Record<string, unknown> | undefined): string {
  if (!message) return "";
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "text" && typeof v === "string") parts.push(v);
        else walk(v);
      }
    }
  };
  if (typeof message.text === "string") parts.push(message.text);
  walk(typeof message.blocks === "string" ? JSON.parse(message.blocks) : message.blocks);
  return parts.join("\n");
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(type: string, body: Buffer): Record<string, unknown> {
  const text = body.toString("utf8");
  if (!text) return {};
  if (type.includes("application/json")) return JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function extractUpload(type: string, body: Buffer): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!boundary) return body;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(marker);
  const headerEnd = body.indexOf("\r\n\r\n", start);
  const end = body.indexOf(marker, headerEnd);
  return body.subarray(headerEnd + 4, end - 2);
}

function asObject(value: unknown): Record<string, unknown> {
  return (typeof value === "string" ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;
}

interface ViewElement {
  type: string;
  action_id: string;
}

function elementOf(view: FakeView, blockId: string): ViewElement {
  const blocks = (view.view.blocks ?? []) as { block_id?: string; element?: ViewElement }[];
  const element = blocks.find((b) => b.block_id === blockId)?.element;
  if (!element) throw new Error(`the modal has no field ${blockId}`);
  return element;
}

/** The view as Slack sends it back: what the app drew, with the state of every field. */
function viewPayload(view: FakeView, typed: Record<string, string>): Record<string, unknown> {
  const blocks = (view.view.blocks ?? []) as { block_id?: string; element?: ViewElement }[];
  const values: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const block of blocks) {
    if (!block.block_id || !block.element) continue;
    const text = typed[block.block_id];
    const { type, action_id } = block.element;
    const state: Record<string, unknown> = { type };
    if (type === "datepicker") state.selected_date = text ?? null;
    else if (type === "timepicker") state.selected_time = text ?? null;
    else if (type === "static_select") state.selected_option = text ? { text: { type: "plain_text", text }, value: text } : null;
    else state.value = text ?? null;
    values[block.block_id] = { [action_id]: state };
  }
  for (const id of Object.keys(typed)) if (!values[id]) throw new Error(`the modal has no field ${id}`);
  return { ...view.view, id: view.id, hash: view.hash, type: "modal", team_id: SLACK_TEAM.id, state: { values } };
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function json(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** What every interactive payload (a button, a modal's Enter or submission) carries: its type, the team, the presser, a fresh trigger. */
function interactiveEnvelope(type: "block_actions" | "view_submission", user: string) {
  return {
    type,
    team: { id: SLACK_TEAM.id, domain: SLACK_TEAM.domain },
    user: { id: user, username: user.toLowerCase(), team_id: SLACK_TEAM.id },
    api_app_id: "A0CHATLOOP",
    token: "legacy",
    trigger_id: `trigger.${Date.now()}`,
  };
}
