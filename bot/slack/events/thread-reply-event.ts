// A teammate's reply in the thread of a customer card (Events API `message`
// with thread_ts) goes to the customer in Telegram. Bot messages, edits and
// deletions are not replies. Delivered: a ✅ reaction; not delivered (or not
// allowed: the customer unsubscribed, blocked the bot, was erased): a note in the thread.
import type { App } from "@slack/bolt";
import { z } from "zod";
import { relayTeamReply } from "../../../core/team-threads/relay-team-reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { slackToPlainText } from "../slack-text.ts";

const threadReplySchema = z.object({
  type: z.literal("message"),
  // file_share: a reply with an attachment; its text goes, the files don't (the thread is told).
  subtype: z.enum(["thread_broadcast", "file_share"]).optional(),
  bot_id: z.undefined().optional(),
  channel: z.string().min(1),
  user: z.string().min(1),
  text: z.string().default(""),
  files: z.array(z.unknown()).optional(),
  ts: z.string().min(1),
  thread_ts: z.string().min(1),
});

export const DELIVERED_REACTION = "white_check_mark";

export function registerThreadReplyEvent(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, client }) => {
    const parsed = threadReplySchema.safeParse(event);
    if (!parsed.success || parsed.data.thread_ts === parsed.data.ts) return;
    const message = parsed.data;
    const note = (text: string) =>
      client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts, text }).catch((err: unknown) => {
        deps.core.logger.warn({ err }, "could not post a note in the customer's thread");
      });
    const result = await relayTeamReply(deps.core, {
      channel: message.channel,
      threadTs: message.thread_ts,
      ts: message.ts,
      user: message.user,
      text: slackToPlainText(message.text),
    });
    const attached = (message.files?.length ?? 0) > 0;
    if (attached && (result.status === "delivered" || (result.status === "ignored" && result.reason === "empty"))) {
      await note(deps.t(result.status === "delivered" ? "slack-relay-files-dropped" : "slack-relay-files-only"));
    }
    if (result.status === "refused") await note(deps.t("slack-relay-refused", { reason: result.reason }));
    if (result.status === "delivered") {
      await client.reactions.add({ channel: message.channel, timestamp: message.ts, name: DELIVERED_REACTION }).catch((err: unknown) => {
        deps.core.logger.warn({ err }, "could not mark the team reply as delivered");
      });
    } else if (result.status === "failed") {
      await note(deps.t("slack-relay-failed", { reason: result.reason, description: result.description }));
    }
  });
}
