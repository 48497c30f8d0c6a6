// One set of WebClient options for every Slack client the product makes.
// @slack/web-api's default retries a failing call for about half an hour with
// no timeout; the team-card notifier runs inside Telegram update handlers, so
// a Slack outage would hold every customer's update that long. Here a call
// gives up after a few quick retries and a bounded wait; the caller logs it.
import type { WebClientOptions } from "@slack/web-api";

export const SLACK_CALL_RETRIES = 3;

export function slackClientOptions(apiUrl: string, logger?: WebClientOptions["logger"], timeoutMs = 10_000): WebClientOptions {
  return {
    slackApiUrl: apiUrl,
    ...(logger ? { logger } : {}),
    timeout: timeoutMs,
    retryConfig: { retries: SLACK_CALL_RETRIES, factor: 2, minTimeout: 500, maxTimeout: 4_000 },
  };
}
