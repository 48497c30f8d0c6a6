// A teammate's reply in an alert's Slack thread goes to the customer in
// Telegram, once (Slack retries events), and is recorded. Replies starting
// with "//" are notes for the team and stay in Slack.
import type { CoreDeps } from "../deps.ts";
import type { SendFailure } from "../dialogues/send-messages.ts";
import { replyReachability, sendMessages, type NotReachable } from "../dialogues/send-messages.ts";

export const INTERNAL_NOTE_PREFIX = "//";

export type RelayTeamReplyResult =
  | { status: "delivered"; threadId: number; subscriberId: number }
  | { status: "ignored"; reason: "not_a_customer_thread" | "internal_note" | "duplicate" | "empty" }
  | { status: "failed"; reason: SendFailure["reason"]; description: string }
  /** Not sent at all: the customer unsubscribed, blocked the bot or had their data erased since the card. */
  | { status: "refused"; reason: NotReachable | "erased" };

export async function relayTeamReply(
  deps: CoreDeps,
  input: { channel: string; threadTs: string; ts: string; user: string; text: string },
): Promise<RelayTeamReplyResult> {
  const text = input.text.trim();
  if (text === "") return { status: "ignored", reason: "empty" };
  if (text.startsWith(INTERNAL_NOTE_PREFIX)) return { status: "ignored", reason: "internal_note" };
  const thread = await deps.db.prisma.teamThread.findUnique({
    where: { slackChannel_slackTs: { slackChannel: input.channel, slackTs: input.threadTs } },
    include: { subscriber: true },
  });
  if (!thread) return { status: "ignored", reason: "not_a_customer_thread" };
  const subscriber = thread.subscriber;
  // An erased person's thread keeps nothing new (not even the reply's text).
  if (subscriber.erasedAt) return { status: "refused", reason: "erased" };
  const notReachable = replyReachability(subscriber);
  const now = deps.clock.now();
  // The Slack message ts is the natural key: a retried event finds its row and stops here.
  const claimed = await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO team_thread_message (thread_id, direction, slack_user, slack_ts, text, status, at)
     VALUES ($1, 'to_customer', $2, $3, $4, $5, $6) ON CONFLICT (thread_id, slack_ts) DO NOTHING`,
    thread.id,
    input.user,
    input.ts,
    text,
    notReachable ?? "sending",
    now,
  );
  if (claimed === 0) return { status: "ignored", reason: "duplicate" };
  if (notReachable) return { status: "refused", reason: notReachable };
  // The thread awaits the customer from before the message leaves: an answer typed the moment it
  // arrives must find the thread waiting for it (put back if the message cannot be delivered).
  await deps.db.prisma.teamThread.update({ where: { id: thread.id }, data: { awaitingCustomerSince: now } });
  const failure = await sendMessages(deps, subscriber, [{ text: deps.translator.t(subscriber.language, "team-reply-to-customer", { text }) }]);
  await deps.db.prisma.teamThreadMessage.update({
    where: { threadId_slackTs: { threadId: thread.id, slackTs: input.ts } },
    data: { status: failure ? failure.reason : "delivered" },
  });
  if (failure) {
    await deps.db.prisma.teamThread.update({ where: { id: thread.id }, data: { awaitingCustomerSince: thread.awaitingCustomerSince } });
    return { status: "failed", reason: failure.reason, description: failure.description };
  }
  deps.logger.info({ threadId: thread.id, subscriberId: subscriber.id }, "team reply delivered to the customer");
  return { status: "delivered", threadId: thread.id, subscriberId: subscriber.id };
}
