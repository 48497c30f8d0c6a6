// Telegram may deliver an update twice (webhook retries, a restart between
// processing and acknowledging). The update_id is the natural key: the first
// delivery claims it, later ones are ignored. Slack's events likewise, by event_id.
import type { CoreDeps } from "../deps.ts";

export async function claimUpdate(deps: CoreDeps, updateId: number): Promise<boolean> {
  const inserted = await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO processed_update (update_id, processed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    BigInt(updateId),
    deps.clock.now(),
  );
  return inserted === 1;
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
