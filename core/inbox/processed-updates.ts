// Telegram may deliver an update twice (webhook retries, a restart between
// processing and acknowledging). The update_id is the natural key: the first
// delivery claims it, later ones are ignored. Slack's events likewise, by event_id.
import type { CoreDeps } from "../deps.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import { subscriberFromRow, type SubscriberRow } from "../subscribers/subscriber-row.ts";

/** Handling failed for a reason that is not the update's (the database went away): let its redelivery through. */
export async function releaseUpdate(deps: CoreDeps, updateId: number): Promise<void> {
  await deps.db.prisma.$executeRawUnsafe(`DELETE FROM processed_update WHERE update_id = $1`, BigInt(updateId));
}

/** Old claims are useless (Telegram keeps undelivered updates for 24 hours). */
export async function pruneProcessedUpdates(deps: CoreDeps, olderThanHours = 48): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - olderThanHours * 3600_000);
  const { count } = await deps.db.prisma.processedUpdate.deleteMany({ where: { processedAt: { lt: cutoff } } });
  return count;
}

/**
 * Slack's events (an @mention, a direct message) carry an event_id, and Slack
 * retries one it thinks was missed, possibly to another instance: the first
 * claim answers it. `releaseSlackEvent` gives the claim back when answering
 * failed, so Slack's retry is answered instead of lost.
 */
export async function claimSlackEvent(deps: CoreDeps, eventId: string): Promise<boolean> {
  const inserted = await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO processed_slack_event (event_id, processed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    eventId,
    deps.clock.now(),
  );
  return inserted === 1;
}

export async function releaseSlackEvent(deps: CoreDeps, eventId: string): Promise<void> {
  await deps.db.prisma.processedSlackEvent.deleteMany({ where: { eventId } });
}

/** Slack stops retrying an event within the hour; two days of claims is plenty. */
export async function pruneProcessedSlackEvents(deps: CoreDeps, olderThanHours = 48): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - olderThanHours * 3600_000);
  const { count } = await deps.db.prisma.processedSlackEvent.deleteMany({ where: { processedAt: { lt: cutoff } } });
  return count;
}

/**
 * The claim and the sender's record in one round trip (every update needs
 * both): `claimed` false for a repeated delivery; `subscriber` null for
 * someone we do not know yet.
 */
export async function claimUpdateOf(deps: CoreDeps, updateId: number, telegramId: number | undefined): Promise<{ claimed: boolean; subscriber: Subscriber | null }> {
  // Every update runs it: straight on the driver, without Prisma's per-query work.
  const rows = await deps.db.query<SubscriberRow & { claimed: boolean }>(
    `WITH claim AS (
       INSERT INTO processed_update (update_id, processed_at) VALUES ($1::bigint, $2::timestamptz) ON CONFLICT DO NOTHING RETURNING update_id
     )
     SELECT EXISTS (SELECT 1 FROM claim) AS claimed, s.*
       FROM (SELECT 1) AS one LEFT JOIN subscriber s ON s.telegram_id = $3::bigint`,
    [updateId, deps.clock.now(), telegramId ?? null],
  );
  const row = rows[0];
  const claimed = Boolean(row?.claimed);
  if (!row || row.id === null) return { claimed, subscriber: null };
  return { claimed, subscriber: subscriberFromRow({ ...row, id: row.id }) };
}
