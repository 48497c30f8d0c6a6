// Dialogue messages the core starts itself (a campaign starts a flow, a chain
// asks a survey) go out through the Channel port, in order, stopping at the first failure.
import type { CoreDeps } from "../deps.ts";
import type { OutgoingMessage, SendOutcome } from "../ports.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";

export type SendFailure = Extract<SendOutcome, { ok: false }>;

export async function sendMessages(deps: CoreDeps, subscriber: Subscriber, messages: OutgoingMessage[]): Promise<SendFailure | undefined> {
  if (!subscriber.telegramId) return { ok: false, reason: "unreachable", description: "the subscriber has no Telegram chat" };
  for (const message of messages) {
    const outcome = await deps.channel.send({ subscriberId: subscriber.id, telegramId: subscriber.telegramId }, message);
    if (!outcome.ok) {
      deps.logger.warn({ subscriberId: subscriber.id, reason: outcome.reason, description: outcome.description }, "dialogue message not delivered");
      await rememberUnreachable(deps, subscriber, outcome);
      return outcome;
    }
  }
  return undefined;
}

/** Telegram said the person blocked the bot or the chat is gone: nothing more is sent until they come back. */
async function rememberUnreachable(deps: CoreDeps, subscriber: Subscriber, failure: SendFailure): Promise<void> {
  const column = failure.reason === "blocked" ? "blockedAt" : failure.reason === "unreachable" ? "unreachableAt" : undefined;
  if (!column || subscriber[column]) return;
  await deps.db.prisma.subscriber.update({ where: { id: subscriber.id }, data: { [column]: deps.clock.now() } });
}

/** Telegram's retry_after of a rate-limited send, for whoever re-queues it. */
export function retryAfterOf(failure: SendFailure): { retryAfterSeconds?: number } {
  return failure.reason === "rate_limited" ? { retryAfterSeconds: failure.retryAfterSeconds } : {};
}

/** Why a proactive dialogue did not go out to a person, before anything was sent. */
export type NotReachable = "no_consent" | "blocked" | "unreachable";

export function reachability(subscriber: Subscriber): NotReachable | undefined {
  if (subscriber.erasedAt || !subscriber.telegramId || subscriber.unreachableAt) return "unreachable";
  if (subscriber.blockedAt) return "blocked";
  if (subscriber.consentStatus !== "subscribed") return "no_consent";
  return undefined;
}

/**
 * Why a reply in a conversation the customer started (a survey answer, a flow,
 * a request for a person) would not go out. Such a reply needs no marketing
 * consent - only that they did not withdraw it: /stop promises "no more
 * messages", and the team keeps that promise too.
 */
export function replyReachability(subscriber: Subscriber): NotReachable | undefined {
  const reason = reachability(subscriber);
  return reason === "no_consent" && subscriber.consentStatus !== "unsubscribed" ? undefined : reason;
}
