// Keeps customer_stats - per-customer paid-order aggregates and RFM scores -
// in step with the orders. Two ways:
//  - refreshCustomerStats(deps): everything, RFM scores included: one
//    aggregation of all paid orders, ranked with window functions, upserted.
//    Runs after a CSV import and hourly (scheduler job "segments.refresh-rfm").
//  - refreshCustomerStats(deps, { subscriberIds }): only the aggregates of the
//    customers a batch touched (after every ingestion batch), so counts, totals
//    and the loyalty stage are exact at once; their RFM scores follow at the
//    next full refresh (RFM ranks everybody against everybody, a batch cannot).
// Why materialized: see "Segments: materialized or live" in the README (bench figures).
import type { CoreDeps } from "../deps.ts";
import { daysBefore, SqlParams } from "../db/sql-params.ts";
import { analyticsSettingsOf } from "./analytics-settings.ts";
import { quintileSql, rfmClassSql } from "./rfm.ts";

export interface RefreshResult {
  customers: number;
  removed: number;
}

export async function refreshCustomerStats(deps: CoreDeps, options: { subscriberIds?: number[] } = {}): Promise<RefreshResult> {
  if (options.subscriberIds) return refreshSome(deps, [...new Set(options.subscriberIds)]);
  return refreshAll(deps);
}

async function refreshAll(deps: CoreDeps): Promise<RefreshResult> {
  const now = deps.clock.now();
  const p = new SqlParams();
  const at = p.add(now, "timestamptz");
  const windowStart = p.add(daysBefore(now, analyticsSettingsOf(deps).rfmWindowDays), "timestamptz");
  const customers = await deps.db.prisma.$executeRawUnsafe(
    `WITH agg AS (
       SELECT o.subscriber_id, count(*)::int AS orders_count, sum(o.amount) AS revenue,
              min(o.paid_at) AS first_order_at, max(o.paid_at) AS last_order_at,
              count(*) FILTER (WHERE o.paid_at > ${windowStart})::int AS window_orders,
              coalesce(sum(o.amount) FILTER (WHERE o.paid_at > ${windowStart}), 0) AS window_revenue
         FROM "order" o
        WHERE o.status = 'paid' AND o.paid_at <= ${at}
        GROUP BY o.subscriber_id),
     scored AS (
       SELECT agg.*, ${quintileSql("agg.last_order_at")} AS r, ${quintileSql("agg.window_orders")} AS f,
              ${quintileSql("agg.window_revenue")} AS m
         FROM agg JOIN subscriber s ON s.id = agg.subscriber_id AND s.erased_at IS NULL)
     INSERT INTO customer_stats AS cs (subscriber_id, orders_count, revenue, first_order_at, last_order_at, window_orders,
                                       window_revenue, r_score, f_score, m_score, rfm_class, rfm_at, updated_at)
     SELECT subscriber_id, orders_count, revenue, first_order_at, last_order_at, window_orders, window_revenue,
            r, f, m, ${rfmClassSql("r", "f", "m")}, ${at}, ${at}
       FROM scored
     ON CONFLICT (subscriber_id) DO UPDATE
        SET orders_count = excluded.orders_count, revenue = excluded.revenue, first_order_at = excluded.first_order_at,
            last_order_at = excluded.last_order_at, window_orders = excluded.window_orders,
            window_revenue = excluded.window_revenue, r_score = excluded.r_score, f_score = excluded.f_score,
            m_score = excluded.m_score, rfm_class = excluded.rfm_class, rfm_at = excluded.rfm_at, updated_at = excluded.updated_at`,
    ...p.values,
  );
  // Rows this refresh did not write: customers whose orders were all refunded, or who were erased.
  const removed = await deps.db.prisma.$executeRawUnsafe(
    `DELETE FROM customer_stats WHERE rfm_at IS DISTINCT FROM $1::timestamptz AND updated_at <= $1::timestamptz`,
    now.toISOString(),
  );
  deps.logger.info({ customers, removed }, "customer stats and RFM refreshed");
  return { customers, removed };
}

async function refreshSome(deps: CoreDeps, ids: number[]): Promise<RefreshResult> {
  if (ids.length === 0) return { customers: 0, removed: 0 };
  const now = deps.clock.now();
  const p = new SqlParams();
  const idList = p.add(JSON.stringify(ids), "jsonb");
  const at = p.add(now, "timestamptz");
  const inIds = `o.subscriber_id IN (SELECT jsonb_array_elements_text(${idList})::int)`;
  const customers = await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO customer_stats AS cs (subscriber_id, orders_count, revenue, first_order_at, last_order_at, updated_at)
     SELECT o.subscriber_id, count(*)::int, sum(o.amount), min(o.paid_at), max(o.paid_at), ${at}
       FROM "order" o
      WHERE o.status = 'paid' AND o.paid_at <= ${at} AND ${inIds}
      GROUP BY o.subscriber_id
     ON CONFLICT (subscriber_id) DO UPDATE
        SET orders_count = excluded.orders_count, revenue = excluded.revenue, first_order_at = excluded.first_order_at,
            last_order_at = excluded.last_order_at, updated_at = excluded.updated_at`,
    ...p.values,
  );
  const removed = await deps.db.prisma.$executeRawUnsafe(
    `DELETE FROM customer_stats cs
      WHERE cs.subscriber_id IN (SELECT jsonb_array_elements_text($1::jsonb)::int)
        AND NOT EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = cs.subscriber_id AND o.status = 'paid' AND o.paid_at <= $2::timestamptz)`,
    JSON.stringify(ids),
    now.toISOString(),
  );
  return { customers, removed };
}

/** When RFM scores were last computed (null: never). */
export async function lastRfmRefresh(deps: CoreDeps): Promise<Date | null> {
  const rows = await deps.db.prisma.$queryRawUnsafe<{ at: Date | null }[]>(`SELECT max(rfm_at) AS at FROM customer_stats`);
  return rows[0]?.at ?? null;
}
