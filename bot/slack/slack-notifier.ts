// The Notifier port over Slack: team alerts go to the team channel as cards,
// each alert's thread carries the conversation about it.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../core/logger.ts";
import type { Notifier } from "../../core/ports.ts";

export function slackNotifier(client: WebClient, channel: string | undefined, logger: Logger): Notifier {
  return {
    async alert(alert) {
      if (!channel) {
        logger.warn({ kind: alert.kind }, "SLACK_TEAM_CHANNEL is not set: team alert not posted");
        return undefined;
      }
      const res = await client.chat.postMessage({ channel, text: alert.text });
      return { channel: res.channel ?? channel, ts: res.ts! };
    },
    async postInThread(ref, text) {
      await client.chat.postMessage({ channel: ref.channel, thread_ts: ref.ts, text });
    },
  };
}
