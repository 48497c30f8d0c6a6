// At send time a campaign's audience becomes outbox rows in one INSERT ...
// SELECT from the segment's SQL: only reachable, consenting customers; each
// one's holdout / variant bucket is a hash of (campaign, customer), so the
// split is deterministic, stored, and reproducible in reports.
import type { CoreDeps } from "../deps.ts";
import { BACKGROUND_TRANSACTION } from "../db/database.ts";
import { heldWindowStatsAnchor } from "../segments/customer-stats.ts";
import { REST_VARIANT } from "./ab-winner.ts";
import { audienceQuery } from "./audience.ts";

/** Eligible for any marketing message: opted in, reachable, not erased. */
export const REACHABLE = `s.consent_status = 'subscribed' AND s.blocked_at IS NULL AND s.unreachable_at IS NULL
  AND s.erased_at IS NULL AND s.telegram_id IS NOT NULL`;

/** A stable 0-99 bucket for (campaign, salt, customer). */
export function bucketSql(campaignParam: string, salt: string): string {
  return `((('x' || substr(md5(${campaignParam}::int::text || ':${salt}:' || s.id::text), 1, 8))::bit(32)::bigint) % 100)`;
}

export interface MaterializeResult {
  campaignId: number;
  rows: number;
}

/** Materializes every scheduled campaign whose time has come. Safe to run concurrently and to repeat. */
export async function materializeDueCampaigns(deps: CoreDeps): Promise<MaterializeResult[]> {
  const results: MaterializeResult[] = [];
  for (;;) {
    const result = await deps.db.prisma.$transaction(async (tx) => {
      const now = deps.clock.now();
      const due = await tx.$queryRawUnsafe<{ id: number }[]>(
        `SELECT id FROM campaign WHERE status = 'scheduled' AND materialize_at <= $1 ORDER BY materialize_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        now,
      );
      const id = due[0]?.id;
      if (id === undefined) return undefined;
      const c = await tx.campaign.findUniqueOrThrow({ where: { id } });
      // Rolling order windows read customer_stats' columns (the same people as scanning the orders, faster).
      const audience = audienceQuery(deps, c.segment, now, await heldWindowStatsAnchor(tx));
      const k = audience.params.length;
      const p = (n: number) => `$${k + n}`;
      const rows = await tx.$executeRawUnsafe(
        `INSERT INTO delivery (campaign_id, subscriber_id, variant, status, kind, not_before, created_at)
         SELECT ${p(1)}::int, s.id,
                CASE WHEN ${bucketSql(p(1), "holdout")} < ${p(2)}::int THEN 'H'
                     -- A test that picks its winner: outside the test share, the rest waits for the decision.
                     WHEN ${p(9)}::int > 0 AND ${bucketSql(p(1), "test")} >= ${p(9)}::int THEN '${REST_VARIANT}'
                     WHEN ${bucketSql(p(1), "variant")} < ${p(3)}::int THEN 'B' ELSE 'A' END,
                (CASE WHEN ${bucketSql(p(1), "holdout")} < ${p(2)}::int THEN 'held_out' ELSE 'pending' END)::"DeliveryStatus",
                ${p(4)}::text,
                CASE WHEN ${p(5)}::text IS NULL THEN ${p(6)}::timestamptz
                     ELSE (${p(5)}::timestamp AT TIME ZONE coalesce(s.timezone, ${p(7)}::text)) END,
                ${p(8)}::timestamptz
           FROM (${audience.sql}) audience
           JOIN subscriber s ON s.id = audience.subscriber_id
          WHERE ${REACHABLE}
         ON CONFLICT (campaign_id, subscriber_id) DO NOTHING`,
        ...audience.params,
        c.id,
        c.holdoutPercent,
        c.variantBPercent,
        c.transactional ? "transactional" : "marketing",
        c.localWallClock,
        c.sendAt,
        deps.teamTimezone,
        now,
        c.testPercent,
      );
      // The test's deadline counts from when it starts sending.
      const decideAt = c.testPercent > 0 ? new Date(Math.max(c.sendAt.getTime(), now.getTime()) + (c.winnerAfterMinutes ?? 240) * 60_000) : null;
      await tx.campaign.update({ where: { id }, data: { status: "running", materializedAt: now, ...(decideAt ? { decideAt } : {}) } });
      return { campaignId: id, rows };
    }, BACKGROUND_TRANSACTION);
    if (!result) return results;
    deps.logger.info(result, "campaign audience materialized");
    results.push(result);
  }
}

/** Running campaigns with nothing left to send are completed. */
export async function completeFinishedCampaigns(deps: CoreDeps): Promise<number> {
  return deps.db.prisma.$executeRawUnsafe(
    `UPDATE campaign c SET status = 'completed', finished_at = $1
      WHERE c.status = 'running'
        AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.campaign_id = c.id AND d.status IN ('pending', 'sending'))`,
    deps.clock.now(),
  );
}
