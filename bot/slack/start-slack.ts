// Starts the Slack app: its listeners, then Socket Mode's connection or, in
// HTTP mode, the route our server mounts at /slack/events.
import { parseIdList } from "../../core/access/roles.ts";
import type { Config } from "../../core/config.ts";
import type { CoreDeps } from "../../core/deps.ts";
import { cached } from "../http/readiness.ts";
import type { StartedPart } from "../started-part.ts";
import { registerSlackListeners, SLACK_EVENTS_PATH, type SlackApp } from "./create-app.ts";

export async function startSlack(slack: SlackApp, core: CoreDeps, config: Config, options: { digestLanguages: Map<string, string> }): Promise<StartedPart> {
  const { logger } = core;
  registerSlackListeners(slack, {
    teamChannel: config.SLACK_TEAM_CHANNEL,
    language: config.SLACK_LANGUAGE,
    core,
    access: {
      admins: parseIdList(config.SLACK_ADMINS),
      senders: parseIdList(config.SLACK_SENDERS),
      approvers: parseIdList(config.SLACK_APPROVERS),
      viewers: config.SLACK_VIEWERS ? parseIdList(config.SLACK_VIEWERS) : null,
    },
    approvalRequired: config.CAMPAIGN_APPROVAL === "required",
    deliveryRate: config.DELIVERY_RATE,
    digestLanguages: options.digestLanguages,
  });
  if (!config.SLACK_ADMINS && !config.SLACK_SENDERS) logger.warn("no SLACK_ADMINS or SLACK_SENDERS configured: nobody can schedule campaigns from Slack");
  const { app, receiver, mode } = slack;
  if (!receiver) await app.start();
  logger.info({ mode }, "slack app ready");
  return {
    routes: receiver ? [{ method: "POST", path: SLACK_EVENTS_PATH, handler: receiver.requestListener }] : [],
    check: cached(async () => {
      const auth = await app.client.auth.test();
      return { ok: Boolean(auth.ok), detail: `${mode} mode, team ${auth.team_id ?? "?"}` };
    }, core.clock, { okMs: 60_000, failMs: 10_000 }),
    async stop() {
      // HTTP mode's requests end with our server; Socket Mode has its own connection.
      if (!receiver) await app.stop();
    },
  };
}
