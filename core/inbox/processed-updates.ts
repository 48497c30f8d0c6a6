// Telegram may deliver an update twice (webhook retries, a restart between
// processing and acknowledging). The update_id is the natural key: the first
// delivery claims it, later ones are ignored.
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
