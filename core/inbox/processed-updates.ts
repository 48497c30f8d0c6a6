// Telegram may deliver an update twice (webhook retries, a restart between
// processing and acknowledging). The update_id is the natural key: the first
// delivery claims it, later ones are ignored. Slack's events likewise, by event_id.
import type { CoreDeps } from "../deps.ts";
import { GroupCommit } from "../db/group-commit.ts";
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

export interface UpdateClaim {
  /** False for a repeated delivery. */
  claimed: boolean;
  /** Null for someone we do not know yet. */
  subscriber: Subscriber | null;
}

/**
 * The claim and the sender's record in one round trip (every update needs
 * both): `claimed` false for a repeated delivery; `subscriber` null for
 * someone we do not know yet.
 */
export async function claimUpdateOf(deps: CoreDeps, updateId: number, telegramId: number | undefined): Promise<UpdateClaim> {
  const [claim] = await claimUpdatesOf(deps, [{ updateId, telegramId }]);
  return claim!;
}

/**
 * Several updates' claims and senders in one statement, answered in the order
 * asked. An update asked twice in the same call is claimed by the first ask.
 */
export async function claimUpdatesOf(deps: CoreDeps, updates: readonly { updateId: number; telegramId: number | undefined }[]): Promise<UpdateClaim[]> {
  const distinct = [...new Set(updates.map((u) => u.updateId))];
  const senders = new Map(updates.map((u) => [u.updateId, u.telegramId ?? null]));
  // Every update runs it: straight on the driver, without Prisma's per-query work.
  const rows = await deps.db.query<SubscriberRow & { claim_update_id: string | number | bigint; claimed: boolean }>(
    `WITH asked AS (
       SELECT * FROM unnest($1::bigint[], $2::bigint[]) AS a(update_id, telegram_id)
     ), claim AS (
       INSERT INTO processed_update (update_id, processed_at) SELECT update_id, $3::timestamptz FROM asked ON CONFLICT DO NOTHING RETURNING update_id
     )
     SELECT a.update_id AS claim_update_id, (c.update_id IS NOT NULL) AS claimed, s.*
       FROM asked a LEFT JOIN claim c ON c.update_id = a.update_id LEFT JOIN subscriber s ON s.telegram_id = a.telegram_id`,
    [distinct.map(String), distinct.map((id) => senders.get(id)?.toString() ?? null), deps.clock.now()],
  );
  const byUpdate = new Map<string, UpdateClaim>();
  for (const row of rows) {
    const subscriber = row.id === null ? null : subscriberFromRow({ ...row, id: row.id });
    byUpdate.set(String(row.claim_update_id), { claimed: Boolean(row.claimed), subscriber });
  }
  const seen = new Set<number>();
  return updates.map(({ updateId }) => {
    const claim = byUpdate.get(String(updateId)) ?? { claimed: false, subscriber: null };
    const first = !seen.has(updateId);
    seen.add(updateId);
    return first ? claim : { ...claim, claimed: false };
  });
}

/**
 * Group commit for claims (core/db/group-commit.ts): every update waits for
 * its own claim, but the claims asked while one statement is on its way go
 * together in the next - one statement per batch of updates under a burst.
 */
export class UpdateClaims {
  private readonly group: GroupCommit<{ updateId: number; telegramId: number | undefined }, UpdateClaim>;

  constructor(deps: CoreDeps) {
    this.group = new GroupCommit((updates) => claimUpdatesOf(deps, updates));
  }

  claim(updateId: number, telegramId: number | undefined): Promise<UpdateClaim> {
    return this.group.run({ updateId, telegramId });
  }
}
