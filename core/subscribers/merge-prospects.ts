// One person, one row. The shop's orders (API, CSV) create a prospect for an
// e-mail or phone we have never seen; when a Telegram subscriber later gives
// us that same e-mail or phone (a flow's answer, a shared contact), the
// prospect is folded into the subscriber: its orders, events, answers and
// consent history move over, empty fields are filled from it, and the
// prospect row goes. Without this, "loyal customers" in Telegram would miss
// every order placed before they subscribed, and the shop's next order would
// still land on the prospect.
import type { Prisma } from "../../generated/prisma/client.ts";

interface Prospect {
  id: number;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  source: string | null;
  profile: Record<string, unknown>;
  tags: string[];
  created_at: Date;
}

/** Merges the prospects sharing an e-mail or phone with `subscriberId` into it; returns how many. */
export async function mergeProspectsInto(tx: Prisma.TransactionClient, subscriberId: number, now: Date): Promise<number> {
  const prospects = await tx.$queryRawUnsafe<Prospect[]>(
    `SELECT p.id, p.external_id, p.first_name, p.last_name, p.source, p.profile, p.tags, p.created_at
       FROM subscriber p JOIN subscriber me ON me.id = $1
      WHERE p.id <> me.id AND p.telegram_id IS NULL AND p.erased_at IS NULL AND me.erased_at IS NULL
        AND ((me.email IS NOT NULL AND p.email = me.email) OR (me.phone IS NOT NULL AND p.phone = me.phone))
      ORDER BY p.id`,
    subscriberId,
  );
  if (prospects.length === 0) return 0;
  const ids = prospects.map((p) => p.id);
  const theProspects = { subscriberId: { in: ids } };
  const moveToSubscriber = { where: theProspects, data: { subscriberId } };
  await tx.order.updateMany(moveToSubscriber);
  await tx.event.updateMany(moveToSubscriber);
  await tx.surveyResponse.updateMany(moveToSubscriber);
  await tx.consentRecord.updateMany(moveToSubscriber);
  // Rows keyed by (something, subscriber): moved where the subscriber has none yet.
  const run = (sql: string) => tx.$executeRawUnsafe(sql, subscriberId, ids); // $1 the subscriber, $2 the prospects
  await run(`UPDATE delivery d SET subscriber_id = $1 WHERE d.subscriber_id = ANY($2::int[])
               AND NOT EXISTS (SELECT 1 FROM delivery x WHERE x.subscriber_id = $1 AND x.campaign_id = d.campaign_id)`);
  await run(`UPDATE stage_snapshot_customer s SET subscriber_id = $1 WHERE s.subscriber_id = ANY($2::int[])
               AND NOT EXISTS (SELECT 1 FROM stage_snapshot_customer x WHERE x.subscriber_id = $1 AND x.taken_for = s.taken_for)`);
  await tx.delivery.deleteMany({ where: theProspects });
  await tx.stageSnapshotCustomer.deleteMany({ where: theProspects });
  await tx.chainEnrollment.deleteMany({ where: theProspects });
  await tx.chainSegmentMember.deleteMany({ where: theProspects });
  // What the subscriber lacks comes from the prospects (the oldest first); the relationship began with the first of them.
  const first = <K extends keyof Prospect>(key: K) => prospects.map((p) => p[key]).find((v) => v !== null) ?? null;
  const profile = Object.assign({}, ...prospects.map((p) => p.profile)) as Record<string, unknown>;
  const tags = [...new Set(prospects.flatMap((p) => p.tags))];
  const createdAt = new Date(Math.min(...prospects.map((p) => p.created_at.getTime())));
  const externalId = first("external_id");
  // The prospects go first: external_id is unique.
  await tx.subscriber.deleteMany({ where: { id: { in: ids } } });
  await tx.$executeRawUnsafe(
    `UPDATE subscriber
        SET external_id = coalesce(external_id, $2), first_name = coalesce(first_name, $3), last_name = coalesce(last_name, $4),
            source = coalesce(source, $5), profile = $6::jsonb || profile,
            tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || $7::text[]) AS t ORDER BY t),
            created_at = least(created_at, $8::timestamptz), updated_at = $9::timestamptz
      WHERE id = $1`,
    subscriberId,
    externalId,
    first("first_name"),
    first("last_name"),
    first("source"),
    JSON.stringify(profile),
    tags,
    createdAt,
    now,
  );
  return ids.length;
}
