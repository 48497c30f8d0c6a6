// slack-app-manifest.yml declares everything the app uses: every slash command
// and event the Bolt app registers (recorded while the real app is built), and
// every OAuth scope the Web API methods it calls need (found in bot/). A new
// command (/spend, /chains) or a new Slack call cannot be forgotten there.
import fs from "node:fs";
import path from "node:path";
import { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import YAML from "yaml";
import { createSlackApp, registerSlackListeners } from "../../bot/slack/create-app.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Manifest {
  features: { slash_commands: { command: string }[]; app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] } };
}

/** The scopes each Web API method we call needs (api.slack.com/methods). */
const METHOD_SCOPES: Record<string, string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "conversations.open": ["im:write"],
  "conversations.info": ["channels:read"],
  "reactions.add": ["reactions:write"],
  "usergroups.users.list": ["usergroups:read"],
  "users.info": ["users:read"],
  "views.open": [],
  "views.update": [],
  "views.push": [],
  "views.publish": [],
  filesUploadV2: ["files:write"],
};

/** The manifest's event subscriptions (and scopes) that an `app.event(type)` / `app.message` needs. */
const EVENT_SUBSCRIPTIONS: Record<string, { events: string[]; scopes: string[] }> = {
  app_home_opened: { events: ["app_home_opened"], scopes: [] },
  app_mention: { events: ["app_mention"], scopes: ["app_mentions:read"] },
  // A "message" listener hears the conversations the manifest subscribes to; each needs its history scope.
  message: { events: [], scopes: [] },
};
const MESSAGE_SCOPES: Record<string, string> = {
  "message.channels": "channels:history",
  "message.groups": "groups:history",
  "message.im": "im:history",
  "message.mpim": "mpim:history",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("the Slack app manifest", () => {
  let database: TestDatabase;
  const commands = new Set<string>();
  const events = new Set<string>();
  const manifest = YAML.parse(fs.readFileSync(path.join(ROOT, "slack-app-manifest.yml"), "utf8")) as Manifest;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const command = vi.spyOn(App.prototype, "command");
    const event = vi.spyOn(App.prototype, "event");
    const message = vi.spyOn(App.prototype, "message");
    const core = testCoreDeps(database, new FakeClock());
    const slack = createSlackApp({ botToken: "xoxb-test", signingSecret: "secret", apiUrl: "http://127.0.0.1:9/api/", logger: core.logger });
    registerSlackListeners(slack, { language: "en", core, access: { admins: [], senders: [], approvers: [], viewers: null }, approvalRequired: false, deliveryRate: 30 });
    for (const call of command.mock.calls) commands.add(String(call[0]));
    for (const call of event.mock.calls) events.add(String(call[0]));
    if (message.mock.calls.length > 0) events.add("message");
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await database.drop();
  });

  test("declares every slash command the app registers, and no other", () => {
    expect(commands.size).toBeGreaterThan(5);
    // /help is answered where a workspace lets an app have it; the manifest cannot claim it everywhere.
    const optional = new Set(["/help"]);
    expect(new Set(manifest.features.slash_commands.map((c) => c.command))).toEqual(new Set([...commands].filter((c) => !optional.has(c))));
  });

  test("subscribes to every event the app listens to, with the scopes they need", () => {
    const declared = manifest.settings.event_subscriptions.bot_events;
    const scopes = manifest.oauth_config.scopes.bot;
    for (const type of events) {
      const needs = EVENT_SUBSCRIPTIONS[type];
      expect(needs, `no manifest mapping for the event "${type}": add it to this test and to the manifest`).toBeDefined();
      for (const e of needs!.events) expect(declared).toContain(e);
      for (const s of needs!.scopes) expect(scopes).toContain(s);
    }
    if (events.has("message")) {
      const conversations = declared.filter((e) => e.startsWith("message."));
      expect(conversations.length).toBeGreaterThan(0);
      for (const e of conversations) expect(scopes).toContain(MESSAGE_SCOPES[e]);
    }
    if (declared.includes("message.im")) expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  test("has the scopes of every Web API method the code calls", () => {
    const called = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, "bot"))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bclient\.((?:[a-z]+\.)+[a-zA-Z]+)\(/g)) called.add(m[1]!);
      if (/\.filesUploadV2\(/.test(text)) called.add("filesUploadV2");
    }
    expect(called.has("chat.postMessage")).toBe(true);
    const scopes = manifest.oauth_config.scopes.bot;
    for (const method of called) {
      const needs = METHOD_SCOPES[method];
      expect(needs, `the code calls ${method}: add its scopes to METHOD_SCOPES and to the manifest`).toBeDefined();
      for (const s of needs!) expect(scopes, `${method} needs ${s}`).toContain(s);
    }
    expect(scopes).toContain("commands");
  });
});
