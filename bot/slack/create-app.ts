// Builds the Bolt app. Socket Mode when an app-level token is set (no public
// URL needed); otherwise HTTP mode on our own server at /slack/events, where
// Bolt's receiver verifies every request's signature and timestamp.
import { App, HTTPReceiver } from "@slack/bolt";
import type { CoreDeps } from "../../core/deps.ts";
import type { Logger } from "../../core/logger.ts";
import { boltLogger } from "./bolt-logger.ts";
import { slackClientOptions } from "./slack-client-options.ts";
import { registerOpenProfileAction } from "./actions/open-profile-action.ts";
import { registerSegmentCommand } from "./commands/segment-command.ts";
import { registerSendCommand } from "./commands/send-command.ts";
import { registerCampaignsCommand } from "./commands/campaigns-command.ts";
import { registerChainsCommand } from "./commands/chains-command.ts";
import { registerTemplateCommand } from "./commands/template-command.ts";
import { registerAuditCommand } from "./commands/audit-command.ts";
import { registerHelpCommand } from "./commands/help-command.ts";
import { registerMetricsCommand } from "./commands/metrics-command.ts";
import { registerSpendCommand } from "./commands/spend-command.ts";
import { registerMetricsActions } from "./actions/metrics-actions.ts";
import { registerCustomerCommand } from "./commands/customer-command.ts";
import { registerAbTestActions } from "./actions/ab-test-actions.ts";
import { registerCampaignActions } from "./actions/campaign-actions.ts";
import { slackAccess } from "./access-control.ts";
import type { AccessPolicy } from "../../core/access/roles.ts";
import { registerThreadReplyEvent } from "./events/thread-reply-event.ts";
import { registerMessagesToApp } from "./events/messages-to-app.ts";
import { registerAppHome } from "./events/app-home.ts";
import { registerDigestCommand } from "./commands/digest-command.ts";
import { registerDigestActions } from "./actions/digest-actions.ts";
import { registerWordsChoiceActions } from "./actions/words-choice-actions.ts";
import { registerCampaignModal } from "./actions/campaign-modal-actions.ts";
import { registerSegmentModal } from "./actions/segment-modal-actions.ts";
import type { SlackDeps } from "./slack-deps.ts";

export interface CreateSlackAppOptions {
  botToken: string;
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  apiUrl: string;
  logger: Logger;
}

export interface SlackListenerOptions {
  teamChannel?: string | undefined;
  language: string;
  core: CoreDeps;
  access: AccessPolicy;
  approvalRequired: boolean;
  deliveryRate: number;
  /** Channel -> language of the weekly digest's Slack channels. */
  digestLanguages?: Map<string, string>;
}

export interface SlackApp {
  app: App;
  /** Present in HTTP mode: mount receiver.requestListener on POST /slack/events. */
  receiver?: HTTPReceiver;
  mode: "socket" | "http";
}

export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * The Bolt app without listeners. Its WebClient (`app.client`) is the
 * product's one Slack client: the team notifier and the digest use it too.
 */
export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const logger = boltLogger(options.logger);
  const clientOptions = slackClientOptions(options.apiUrl);
  let slack: SlackApp;
  if (options.appToken) {
    // The Socket Mode client makes its own WebClient (apps.connections.open): it takes its options from installerOptions.
    const app = new App({
      token: options.botToken,
      appToken: options.appToken,
      socketMode: true,
      logger,
      clientOptions,
      installerOptions: { clientOptions: slackClientOptions(options.apiUrl) },
    });
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
  return slack;
}

export function registerSlackListeners(slack: SlackApp, options: SlackListenerOptions): void {
  const { translator } = options.core;
  const t = (key: string, vars?: Record<string, string | number>) => translator.t(options.language, key, vars);
  const deps: SlackDeps = {
    core: options.core,
    t,
    replyTexts: { working: t("slack-working"), failed: t("slack-error") },
    teamChannel: options.teamChannel,
    language: options.language,
    access: slackAccess(slack.app.client, options.access, (action) => t("slack-denied", { action }), options.core.logger),
    approvalRequired: options.approvalRequired,
    deliveryRate: options.deliveryRate,
    ...(options.digestLanguages ? { digestLanguages: options.digestLanguages } : {}),
  };
  registerSegmentCommand(slack.app, deps);
  registerSendCommand(slack.app, deps);
  registerCampaignsCommand(slack.app, deps);
  registerChainsCommand(slack.app, deps);
  registerTemplateCommand(slack.app, deps);
  registerAuditCommand(slack.app, deps);
  registerHelpCommand(slack.app, deps);
  registerMetricsCommand(slack.app, deps);
  registerSpendCommand(slack.app, deps);
  registerMetricsActions(slack.app, deps);
  registerCustomerCommand(slack.app, deps);
  registerCampaignActions(slack.app, deps);
  registerAbTestActions(slack.app, deps);
  registerOpenProfileAction(slack.app, deps);
  registerThreadReplyEvent(slack.app, deps);
  registerMessagesToApp(slack.app, deps);
  registerAppHome(slack.app, deps);
  registerDigestCommand(slack.app, deps);
  registerDigestActions(slack.app, deps);
  registerWordsChoiceActions(slack.app, deps);
  registerCampaignModal(slack.app, deps);
  registerSegmentModal(slack.app, deps);
  slack.app.error(async (error) => {
    options.core.logger.error({ err: error }, "slack listener failed");
  });
}
