// After a teammate wrote to them, the customer's messages go back into the
// alert's Slack thread, and are recorded.
import type { CoreDeps } from "../deps.ts";
import type { ThreadRef } from "../ports.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import { nothing, reply, type DialogueReply } from "../dialogues/reply.ts";
import { refOf } from "./alert-team.ts";
import { customerCardOf } from "./customer-card.ts";

/** How long after the team's last message the customer's messages still go to the thread. */
export const TEAM_CONVERSATION_WINDOW_DAYS = 7;

export type CustomerReplyInput = { kind: "text"; text: string } | { kind: "unreadable" };

export async function relayCustomerReply(
  deps: CoreDeps,
  options: { subscriber: Subscriber; threadId: number; input: CustomerReplyInput },
): Promise<DialogueReply | undefined> {
  const { subscriber, input } = options;
  const t = (key: string) => deps.translator.t(subscriber.language, key);
  const thread = await deps.db.prisma.teamThread.findUnique({ where: { id: options.threadId } });
  if (!thread || thread.subscriberId !== subscriber.id) return undefined;
  if (input.kind === "unreadable") return reply({ text: t("team-reply-unreadable") });
  const text = input.text.trim();
  const now = deps.clock.now();
  const card = customerCardOf(subscriber);
  const who = card.name ?? (card.username ? `@${card.username}` : `#${subscriber.id}`);
  // Recorded before it is posted: if Slack fails, the words are kept (status failed) and the customer is asked to try again.
  const row = await deps.db.prisma.teamThreadMessage.create({
    data: { threadId: thread.id, direction: "from_customer", text, status: "sending", at: now },
  });
  let posted: ThreadRef | undefined;
  try {
    posted = await deps.notifier.postInThread(refOf(thread), `💬 ${who}: ${text}`);
  } catch (err) {
    await deps.db.prisma.teamThreadMessage.update({ where: { id: row.id }, data: { status: "failed" } });
    throw err;
  }
  // The posted message's ts lets an erasure blank it in Slack later.
  await deps.db.prisma.teamThreadMessage.update({ where: { id: row.id }, data: { status: "delivered", slackTs: posted?.ts ?? null } });
  // Say "passed on" once per team message, not after every line the customer sends.
  const firstSinceTeam = !thread.lastCustomerMessageAt || (thread.awaitingCustomerSince && thread.lastCustomerMessageAt < thread.awaitingCustomerSince);
  await deps.db.prisma.teamThread.update({ where: { id: thread.id }, data: { lastCustomerMessageAt: now } });
  deps.logger.info({ threadId: thread.id, subscriberId: subscriber.id }, "customer reply posted to the team thread");
  return firstSinceTeam ? reply({ text: t("team-reply-forwarded") }) : nothing;
}
