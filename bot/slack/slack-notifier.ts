// The Notifier port over Slack: team alerts go to the team channel as cards
// (views/customer-alert-cards.ts), each alert's thread carries the conversation
// with the customer.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../core/logger.ts";
import type { Notifier } from "../../core/ports.ts";
import { alertCard } from "./views/customer-alert-cards.ts";
import { escapeMrkdwn, type CardContext } from "./views/card-parts.ts";

export function slackNotifier(client: WebClient, channel: string | undefined, logger: Logger, cards: CardContext): Notifier {
  return {
    async alert(alert) {
      if (!channel) {
        logger.warn({ kind: alert.kind }, "SLACK_TEAM_CHANNEL is not set: team alert not posted");
        return undefined;
      }
      const card = alertCard(alert, cards);
      const res = await client.chat.postMessage({ channel, text: escapeMrkdwn(card.text), blocks: card.blocks, unfurl_links: false });
      return { channel: res.channel ?? channel, ts: res.ts! };
    },
    async updateAlert(ref, alert) {
      const card = alertCard(alert, cards);
      await client.chat.update({ channel: ref.channel, ts: ref.ts, text: escapeMrkdwn(card.text), blocks: card.blocks });
    },
    async postInThread(ref, text) {
      const posted = await client.chat.postMessage({ channel: ref.channel, thread_ts: ref.ts, text: escapeMrkdwn(text), unfurl_links: false });
      return posted.ts ? { channel: ref.channel, ts: posted.ts } : undefined;
    },
  };
}
