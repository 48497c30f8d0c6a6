// How much a customer has bought: paid orders count, total and the last order
// date, in one aggregate query (refunded orders do not count).
import type { CoreDeps } from "../deps.ts";
import type { OrdersSummary } from "../ports.ts";

export async function ordersSummaryOf(deps: CoreDeps, subscriberId: number): Promise<OrdersSummary> {
  const rows = await deps.db.prisma.$queryRawUnsafe<{ count: number; total: string; currency: string | null; last_order_at: Date | null }[]>(
    `SELECT count(*)::int AS count,
            coalesce(sum(amount), 0)::text AS total,
            CASE WHEN count(DISTINCT currency) = 1 THEN min(currency) END AS currency,
            max(paid_at) AS last_order_at
       FROM "order"
      WHERE subscriber_id = $1 AND status = 'paid'`,
    subscriberId,
  );
  const row = rows[0]!;
  return { count: row.count, total: row.total, currency: row.currency, lastOrderAt: row.last_order_at ? new Date(row.last_order_at) : null };
}
