// Builds the Bolt app. Socket Mode when an app-level token is set (no public
// URL needed); otherwise HTTP mode on our own server at /slack/events, where
// Bolt's receiver verifies every request's signature and timestamp.
import { App, HTTPReceiver } from "@slack/bolt";
import type { CoreDeps } from "../../core/deps.ts";
import { boltLogger } from "./bolt-logger.ts";
import { registerSegmentCommand } from "./commands/segment-command.ts";
import type { SlackDeps } from "./slack-deps.ts";

export interface CreateSlackAppOptions {
  botToken: string;
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  apiUrl: string;
  teamChannel?: string | undefined;
  language: string;
  core: CoreDeps;
}

export interface SlackApp {
  app: App;
  /** Present in HTTP mode: mount receiver.requestListener on POST /slack/events. */
  receiver?: HTTPReceiver;
  mode: "socket" | "http";
}

export const SLACK_EVENTS_PATH = "/slack/events";

export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const logger = boltLogger(options.core.logger);
  const clientOptions = { slackApiUrl: options.apiUrl };
  let slack: SlackApp;
  if (options.appToken) {
    const app = new App({ token: options.botToken, appToken: options.appToken, socketMode: true, logger, clientOptions });
    slack = { app, mode: "socket" };
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: options.signingSecret!,
      endpoints: SLACK_EVENTS_PATH,
      logger,
      unhandledRequestTimeoutMillis: 3001,
    });
    const app = new App({ token: options.botToken, receiver, logger, clientOptions });
    slack = { app, receiver, mode: "http" };
  }
  const { translator } = options.core;
  const t = (key: string, vars?: Record<string, string | number>) => translator.t(options.language, key, vars);
  const deps: SlackDeps = {
    core: options.core,
    t,
    replyTexts: { working: t("slack-working"), failed: t("slack-error") },
    teamChannel: options.teamChannel,
    language: options.language,
  };
  registerSegmentCommand(slack.app, deps);
  slack.app.error(async (error) => {
    options.core.logger.error({ err: error }, "slack listener failed");
  });
  return slack;
}
