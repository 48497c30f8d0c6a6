// Posts an alert about one customer to the team channel and remembers its
// thread, so teammates' replies there can reach the customer (relay-team-reply.ts).
import type { CoreDeps } from "../deps.ts";
import type { TeamAlert, ThreadRef } from "../ports.ts";
import type { TeamThread } from "../../generated/prisma/client.ts";

export type ThreadTopic = "detractor" | "hot_lead" | "help_request" | "feedback" | "referral_milestone";

export async function alertTeam(
  deps: CoreDeps,
  input: {
    alert: TeamAlert;
    subscriberId: number;
    topic: ThreadTopic;
    surveyResponseId?: number;
    flowSessionId?: number;
    /** The customer is about to write to the team (a help request): their messages go to the thread at once. */
    awaitCustomer?: boolean;
  },
): Promise<TeamThread | "queued" | undefined> {
  let ref: ThreadRef | undefined;
  try {
    ref = await deps.notifier.alert(input.alert);
  } catch (err) {
    // The customer's dialogue goes on; the card waits for Slack (retryTeamAlerts, every minute).
    deps.logger.error({ err, kind: input.alert.kind, subscriberId: input.subscriberId }, "team alert could not be posted; it will be retried");
    await queueRetry(deps, input, err);
    return "queued";
  }
  if (!ref) return undefined;
  try {
    return await rememberThread(deps, input, ref);
  } catch (err) {
    // Posted, but its thread could not be stored (e.g. a ts a restarted Slack
    // server handed out before): without the link the team's replies would not
    // reach the customer, so the card is posted again later. Never the customer's problem.
    deps.logger.error({ err, kind: input.alert.kind, subscriberId: input.subscriberId, ref }, "team card posted but its thread could not be stored; it will be posted again");
    await queueRetry(deps, input, err);
    return "queued";
  }
}

type AlertInput = Parameters<typeof alertTeam>[1];

/** `attempts`: the tries so far (the first one failed: 1); the next comes after a minute, then twice the wait each time. */
async function queueRetry(deps: CoreDeps, input: AlertInput, err: unknown, attempts = 1): Promise<void> {
  const now = deps.clock.now();
  await deps.db.prisma.teamAlertRetry.create({
    data: {
      subscriberId: input.subscriberId,
      topic: input.topic,
      alert: input.alert as unknown as object,
      surveyResponseId: input.surveyResponseId ?? null,
      flowSessionId: input.flowSessionId ?? null,
      awaitCustomer: input.awaitCustomer ?? false,
      attempts,
      nextAt: new Date(now.getTime() + retryWait(attempts - 1)),
      lastError: errorText(err),
      createdAt: now,
    },
  });
}

function retryWait(doublings: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** doublings);
}

/** First retry after a minute, then twice the wait each time, at most an hour apart. */
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 3_600_000;

/**
 * Posts the alerts Slack did not take (scheduler job "team.alert-retry"). An
 * alert about someone erased meanwhile is dropped with their data.
 */
export async function retryTeamAlerts(deps: CoreDeps, options: { limit?: number } = {}): Promise<{ posted: number; failed: number; dropped: number }> {
  const { prisma } = deps.db;
  const now = deps.clock.now();
  const due = await prisma.teamAlertRetry.findMany({
    where: { nextAt: { lte: now } },
    orderBy: { nextAt: "asc" },
    take: options.limit ?? 50,
    include: { subscriber: { select: { erasedAt: true } } },
  });
  const result = { posted: 0, failed: 0, dropped: 0 };
  for (const row of due) {
    if (row.subscriber.erasedAt) {
      await prisma.teamAlertRetry.delete({ where: { id: row.id } });
      result.dropped += 1;
      continue;
    }
    let ref: ThreadRef | undefined;
    try {
      ref = await deps.notifier.alert(reviveAlert(row.alert));
    } catch (err) {
      await prisma.teamAlertRetry.update({
        where: { id: row.id },
        data: { attempts: row.attempts + 1, nextAt: new Date(now.getTime() + retryWait(row.attempts)), lastError: errorText(err) },
      });
      deps.logger.warn({ alertRetryId: row.id, attempts: row.attempts + 1, err }, "team alert still not posted");
      result.failed += 1;
      continue;
    }
    // Delete first: a crash between the two can cost the thread link, never a second card.
    await prisma.teamAlertRetry.delete({ where: { id: row.id } });
    const input: AlertInput = {
      alert: reviveAlert(row.alert),
      subscriberId: row.subscriberId,
      topic: row.topic as ThreadTopic,
      ...(row.surveyResponseId !== null ? { surveyResponseId: row.surveyResponseId } : {}),
      ...(row.flowSessionId !== null ? { flowSessionId: row.flowSessionId } : {}),
      awaitCustomer: row.awaitCustomer,
    };
    if (ref) {
      try {
        await rememberThread(deps, input, ref);
      } catch (err) {
        deps.logger.error({ err, alertRetryId: row.id, ref }, "retried team card posted but its thread could not be stored; it will be posted again");
        await queueRetry(deps, input, err, row.attempts + 1);
        result.failed += 1;
        continue;
      }
    }
    result.posted += 1;
  }
  if (due.length > 0) deps.logger.info(result, "team alerts retried");
  return result;
}

/** The alert back from JSON: dates were stored as ISO strings. */
function reviveAlert(json: unknown): TeamAlert {
  const alert = json as TeamAlert;
  if ("orders" in alert && alert.orders.lastOrderAt) {
    return { ...alert, orders: { ...alert.orders, lastOrderAt: new Date(alert.orders.lastOrderAt as unknown as string) } };
  }
  return alert;
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}

async function rememberThread(
  deps: CoreDeps,
  input: { subscriberId: number; topic: ThreadTopic; surveyResponseId?: number; flowSessionId?: number; awaitCustomer?: boolean },
  ref: ThreadRef,
): Promise<TeamThread> {
  const now = deps.clock.now();
  return deps.db.prisma.teamThread.create({
    data: {
      subscriberId: input.subscriberId,
      topic: input.topic,
      surveyResponseId: input.surveyResponseId ?? null,
      flowSessionId: input.flowSessionId ?? null,
      slackChannel: ref.channel,
      slackTs: ref.ts,
      awaitingCustomerSince: input.awaitCustomer ? now : null,
      createdAt: now,
    },
  });
}

export function refOf(thread: TeamThread): ThreadRef {
  return { channel: thread.slackChannel, ts: thread.slackTs };
}
