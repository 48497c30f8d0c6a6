// The loyalty funnel (DOMAIN.md): potential -> new -> repeat -> loyal, and the
// two outflows churned_from_new and churned_from_loyal. A stage is a function
// of a customer's paid orders and "now", evaluated in this order:
//   no paid order                                    -> potential
//   last paid order >= churnDays ago, 1 order        -> churned_from_new
//   last paid order >= churnDays ago, 2+ orders      -> churned_from_loyal
//   1 paid order                                     -> new
//   >= loyalMinOrders orders, last < loyalRecencyDays ago, spent >= loyalMinSpent -> loyal
//   otherwise (2+ orders)                            -> repeat
// Loyal is "regular, recent, high value" (DOMAIN.md): by default the value
// condition is the median total spend of the active repeat customers (2+
// orders, the last within churnDays), LIFECYCLE_LOYAL_MIN_SPENT=median; an
// amount instead fixes it (0 = no condition on money).
// It is computed in SQL from the order aggregates, never stored: it moves with
// the clock (a customer churns by not buying) and stays exact between refreshes.
import type { CoreDeps } from "../deps.ts";
import { daysBefore, SqlParams } from "../db/sql-params.ts";
import { NotFound } from "../errors.ts";
import { analyticsSettingsOf, type AnalyticsSettings } from "./analytics-settings.ts";

export const LIFECYCLE_STAGES = ["potential", "new", "repeat", "loyal", "churned_from_new", "churned_from_loyal"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * The stage as an SQL expression over an aggregate row `alias` with columns
 * subscriber_id, orders_count, revenue, last_order_at (a LEFT JOINed
 * customer_stats row; NULL subscriber_id = no paid order).
 */
export function lifecycleSql(alias: string, params: SqlParams, now: Date, settings: AnalyticsSettings, options: { customers?: string } = {}): string {
  const l = settings.lifecycle;
  const churnedBefore = params.add(daysBefore(now, l.churnDays), "timestamptz");
  const loyalAfter = params.add(daysBefore(now, l.loyalRecencyDays), "timestamptz");
  const minSpent = l.loyalMinSpent === "median" ? medianRepeatSpendSql(churnedBefore, options.customers) : params.add(l.loyalMinSpent, "float8");
  return `(CASE WHEN ${alias}.subscriber_id IS NULL THEN 'potential'
      WHEN ${alias}.last_order_at <= ${churnedBefore} THEN CASE WHEN ${alias}.orders_count = 1 THEN 'churned_from_new' ELSE 'churned_from_loyal' END
      WHEN ${alias}.orders_count = 1 THEN 'new'
      WHEN ${alias}.orders_count >= ${params.add(l.loyalMinOrders, "int")} AND ${alias}.last_order_at > ${loyalAfter}
           AND ${alias}.revenue >= ${minSpent} THEN 'loyal'
      ELSE 'repeat' END)`;
}

/**
 * "The stage is one of `stages`" as plain conditions on the columns of a LEFT JOINed customer_stats row
 * `alias`, true or false for every row exactly when `lifecycleSql(...) IN (stages)` is (never NULL: a
 * missing row fails every stage but potential). Unlike the CASE, the planner estimates each comparison
 * from the columns' statistics, and a stage other than potential needs the row (`alias.subscriber_id IS
 * NOT NULL`), so the join becomes an inner one and the conditions filter customer_stats before it is
 * joined: the segment's query hashes the ~230 000 loyal customers instead of all 600 000.
 */
export function lifecycleInSql(alias: string, params: SqlParams, now: Date, settings: AnalyticsSettings, stages: readonly LifecycleStage[]): string {
  const l = settings.lifecycle;
  const a = alias;
  // Parameters are added only when a stage reads them: a placeholder the SQL never names breaks the statement.
  const churnedBefore = () => params.add(daysBefore(now, l.churnDays), "timestamptz");
  // The minimum is never NULL (a number, or the median with its COALESCE to 0), so "not loyal" is NOT of this.
  const loyalRule = () => {
    const loyalAfter = params.add(daysBefore(now, l.loyalRecencyDays), "timestamptz");
    const minSpent = l.loyalMinSpent === "median" ? medianRepeatSpendSql(churnedBefore()) : params.add(l.loyalMinSpent, "float8");
    return `${a}.orders_count >= ${params.add(l.loyalMinOrders, "int")} AND ${a}.last_order_at > ${loyalAfter} AND ${a}.revenue >= ${minSpent}`;
  };
  const stage: Record<LifecycleStage, () => string> = {
    potential: () => `${a}.subscriber_id IS NULL`,
    churned_from_new: () => `${a}.last_order_at <= ${churnedBefore()} AND ${a}.orders_count = 1`,
    churned_from_loyal: () => `${a}.last_order_at <= ${churnedBefore()} AND ${a}.orders_count <> 1`,
    new: () => `${a}.last_order_at > ${churnedBefore()} AND ${a}.orders_count = 1`,
    loyal: () => `${a}.last_order_at > ${churnedBefore()} AND ${a}.orders_count <> 1 AND ${loyalRule()}`,
    repeat: () => `${a}.last_order_at > ${churnedBefore()} AND ${a}.orders_count <> 1 AND NOT (${loyalRule()})`,
  };
  const parts = [...new Set(stages)].map((s) => (s === "potential" ? `(${stage[s]()})` : `(${a}.subscriber_id IS NOT NULL AND ${stage[s]()})`));
  return `(${parts.join(" OR ")})`;
}

/** Where the hourly refresh keeps the median (a sort of every repeat customer is too slow to redo in every segment query). */
export const LOYAL_MEDIAN_SETTING = "lifecycle.loyal_median_spend";

/**
 * The median total spend of the active repeat customers, as a scalar subquery (computed once
 * per query). `customers`: a relation with orders_count, revenue and last_order_at, erased people
 * left out (a snapshot "as of" an instant passes its own aggregates). By default customer_stats:
 * the value the last refresh stored (refreshCustomerStats), computed here only before the first.
 */
function medianRepeatSpendSql(churnedBefore: string, customers?: string): string {
  if (customers) return computedMedianSpendSql(churnedBefore, customers);
  // One scalar subquery around the COALESCE: as two, a parallel plan evaluates both up front (its workers
  // cannot run them), computing the median over every repeat customer although the stored value is there.
  return `(SELECT coalesce((SELECT (st.value #>> '{}')::float8 FROM setting st WHERE st.key = '${LOYAL_MEDIAN_SETTING}'), ${computedMedianSpendSql(churnedBefore)}))`;
}

/** The median computed from the aggregates (customer_stats by default), never the stored value. */
export function computedMedianSpendSql(
  churnedBefore: string,
  customers = `(SELECT c.orders_count, c.revenue, c.last_order_at FROM customer_stats c
                 WHERE NOT EXISTS (SELECT 1 FROM subscriber e WHERE e.id = c.subscriber_id AND e.erased_at IS NOT NULL))`,
): string {
  return `(SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY m.revenue), 0) FROM ${customers} m
            WHERE m.orders_count >= 2 AND m.last_order_at > ${churnedBefore})`;
}

/** Paid orders up to `now` aggregated per customer, in the shape lifecycleSql reads. */
export function orderAggregatesSql(params: SqlParams, now: Date, where = "TRUE"): string {
  return `SELECT o.subscriber_id, count(*)::int AS orders_count, sum(o.amount) AS revenue,
                 min(o.paid_at) AS first_order_at, max(o.paid_at) AS last_order_at
            FROM "order" o
           WHERE o.status = 'paid' AND o.paid_at <= ${params.add(now, "timestamptz")} AND ${where}
           GROUP BY o.subscriber_id`;
}

export interface CustomerStanding {
  subscriberId: number;
  stage: LifecycleStage;
  ordersCount: number;
  totalSpent: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  /** As of the last RFM refresh; null before the first one or without orders. */
  rfmClass: string | null;
}

/**
 * One customer's funnel stage and order figures, straight from their orders
 * (exact even before the next refresh). The detractor alert shows this.
 */
export async function customerStandingOf(deps: CoreDeps, subscriberId: number): Promise<CustomerStanding> {
  const params = new SqlParams();
  const id = params.add(subscriberId, "int");
  const now = deps.clock.now();
  const rows = await deps.db.prisma.$queryRawUnsafe<
    { stage: LifecycleStage; orders_count: number; total: number; first_order_at: Date | null; last_order_at: Date | null; rfm_class: string | null }[]
  >(
    `SELECT ${lifecycleSql("a", params, now, analyticsSettingsOf(deps))} AS stage,
            coalesce(a.orders_count, 0)::int AS orders_count, coalesce(a.revenue, 0)::float8 AS total,
            a.first_order_at, a.last_order_at, cs.rfm_class
       FROM subscriber s
       LEFT JOIN (${orderAggregatesSql(params, now, `o.subscriber_id = ${id}`)}) a ON a.subscriber_id = s.id
       LEFT JOIN customer_stats cs ON cs.subscriber_id = s.id
      WHERE s.id = ${id}`,
    ...params.values,
  );
  const row = rows[0];
  if (!row) throw new NotFound("Subscriber", subscriberId);
  return {
    subscriberId,
    stage: row.stage,
    ordersCount: row.orders_count,
    totalSpent: row.total,
    firstOrderAt: row.first_order_at,
    lastOrderAt: row.last_order_at,
    rfmClass: row.rfm_class,
  };
}

export async function lifecycleStageOf(deps: CoreDeps, subscriberId: number): Promise<LifecycleStage> {
  return (await customerStandingOf(deps, subscriberId)).stage;
}
