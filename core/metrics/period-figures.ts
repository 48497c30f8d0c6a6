// The raw figures of one period, each an SQL aggregate over the scope (see
// metric-definitions in locales/<lang>/metrics.ftl for the words):
//   gained         people whose subscription was confirmed in the period (consent record "subscribed")
//   lost           people who unsubscribed in the period (consent record "unsubscribed")
//   blocked        people whose block of the bot dates from the period (still blocked)
//   npsResponses   people who answered NPS in the period; their latest answer in the period counts
//   revenue, orders, buyers   paid orders paid in the period (refunded ones excluded)
//   sales          revenue and orders per currency (a sum across currencies means nothing;
//                  money figures are computed per currency from these)
//   repeatBuyers   buyers of the period with 2+ paid orders up to its end (2+ in the period,
//                  or a first paid order before it)
//   retained, previousBuyers  buyers of the previous period who bought again in this one
//   customers      people with a paid order before the period's end (the customer base)
//   lifetimeDays   average span from first to last paid order over those customers (latest data)
import type { CoreDeps } from "../deps.ts";
import { analyticsDb } from "../db/analytics-db.ts";
import type { SqlParams } from "../db/sql-params.ts";
import { scopeSql, type MetricScope } from "./metric-scope.ts";
import { isLocalMidnight, paidFromOrderDays } from "./order-days.ts";
import { previousPeriod, type Period } from "./period.ts";
import { serialQuery } from "./serial-query.ts";

export interface PeriodFigures {
  gained: number;
  lost: number;
  blocked: number;
  promoters: number;
  passives: number;
  detractors: number;
  npsResponses: number;
  revenue: number;
  orders: number;
  buyers: number;
  repeatBuyers: number;
  previousBuyers: number;
  retained: number;
  customers: number;
  lifetimeDays: number | null;
  sales: CurrencySales[];
}

export interface CurrencySales {
  currency: string;
  revenue: number;
  orders: number;
}

export async function periodFigures(deps: CoreDeps, options: { period: Period; scope?: MetricScope }): Promise<PeriodFigures> {
  const db = analyticsDb(deps);
  const { params: p, cte, has } = scopeSql(deps, options.scope);
  const from = p.add(options.period.from, "timestamptz");
  const to = p.add(options.period.to, "timestamptz");
  const before = p.add(previousPeriod(options.period).from, "timestamptz");
  const [row] = await serialQuery<PeriodFigures>(
    db,
    `WITH ${cte},
     flows AS (
       SELECT count(DISTINCT c.subscriber_id) FILTER (WHERE c.status = 'subscribed')::int AS gained,
              count(DISTINCT c.subscriber_id) FILTER (WHERE c.status = 'unsubscribed')::int AS lost
         FROM consent_record c
        WHERE ${has("c.subscriber_id")} AND c.at >= ${from} AND c.at < ${to} AND c.status IN ('subscribed', 'unsubscribed')),
     blocks AS (
       SELECT count(*)::int AS blocked FROM subscriber s
        WHERE ${has("s.id")} AND s.blocked_at >= ${from} AND s.blocked_at < ${to}),
     nps AS (
       SELECT count(*) FILTER (WHERE score >= 9)::int AS promoters, count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives,
              count(*) FILTER (WHERE score <= 6)::int AS detractors, count(*)::int AS nps_responses
         FROM (SELECT DISTINCT ON (r.subscriber_id) r.score FROM survey_response r
                WHERE ${has("r.subscriber_id")} AND r.kind = 'nps' AND r.score IS NOT NULL AND r.answered_at >= ${from} AND r.answered_at < ${to}
                ORDER BY r.subscriber_id, r.answered_at DESC, r.id DESC) latest),
     -- Per currency: orders, revenue, buyers, one_time, previous_buyers, retained (see paidSql).
     paid AS (${paidSql(deps, options, { p, has, before, from, to })}),
     sales AS (
       SELECT coalesce(sum(revenue), 0)::float8 AS revenue, coalesce(sum(orders), 0)::int AS orders,
              coalesce(sum(buyers), 0)::int AS buyers, coalesce(sum(buyers - one_time), 0)::int AS repeat_buyers,
              coalesce(sum(previous_buyers), 0)::int AS previous_buyers, coalesce(sum(retained), 0)::int AS retained
         FROM paid),
     by_currency AS (
       SELECT coalesce(jsonb_agg(jsonb_build_object('currency', currency, 'revenue', revenue, 'orders', orders) ORDER BY currency)
                       FILTER (WHERE orders > 0), '[]'::jsonb) AS sales
         FROM paid),
     base AS (
       SELECT count(*)::int AS customers,
              (avg(date_part('epoch', cs.last_order_at - cs.first_order_at)) / 86400)::float8 AS lifetime_days
         FROM customer_stats cs
        WHERE ${has("cs.subscriber_id")} AND cs.first_order_at < ${to})
     SELECT flows.gained, flows.lost, blocks.blocked, nps.promoters, nps.passives, nps.detractors, nps.nps_responses AS "npsResponses",
            sales.revenue, sales.orders, sales.buyers, sales.repeat_buyers AS "repeatBuyers", sales.previous_buyers AS "previousBuyers",
            sales.retained, base.customers, base.lifetime_days AS "lifetimeDays", by_currency.sales
       FROM flows, blocks, nps, sales, base, by_currency`,
    p.values,
  );
  return row!;
}

/**
 * The paid orders' figures per currency. For the whole base, when the period and the one
 * before it start at midnight in the team's timezone, whole days come from the daily rollup
 * (core/metrics/order-days.ts); otherwise one pass over the orders of this period and the
 * one before, counting orders rather than grouping them by customer: each customer's paid
 * orders form a chain (prev_paid_at / next_paid_at, kept by triggers on "order"), so a
 * customer bought in [a, b) once per order there whose previous paid order is before a. A
 * customer's counts fall in the currency of one order only (only the sum across currencies
 * is used).
 */
function paidSql(
  deps: CoreDeps,
  options: { period: Period; scope?: MetricScope },
  { p, has, before, from, to }: { p: SqlParams; has: (column: string) => string; before: string; from: string; to: string },
): string {
  const tz = deps.teamTimezone;
  if (!options.scope && isLocalMidnight(options.period.from, tz) && isLocalMidnight(previousPeriod(options.period).from, tz)) {
    return paidFromOrderDays(p, tz, { before, from, to });
  }
  return `SELECT o.currency,
              count(*) FILTER (WHERE o.paid_at >= ${from})::int AS orders,
              coalesce(sum(o.amount) FILTER (WHERE o.paid_at >= ${from}), 0)::float8 AS revenue,
              count(*) FILTER (WHERE o.paid_at >= ${from} AND (o.prev_paid_at IS NULL OR o.prev_paid_at < ${from}))::int AS buyers,
              -- a first ever order with no second one in the period: the only buyers who are not repeat buyers
              count(*) FILTER (WHERE o.paid_at >= ${from} AND o.prev_paid_at IS NULL AND (o.next_paid_at IS NULL OR o.next_paid_at >= ${to}))::int AS one_time,
              count(*) FILTER (WHERE o.paid_at < ${from} AND (o.prev_paid_at IS NULL OR o.prev_paid_at < ${before}))::int AS previous_buyers,
              -- the first order in the period of a customer whose previous order is in the period before
              count(*) FILTER (WHERE o.paid_at >= ${from} AND o.prev_paid_at >= ${before} AND o.prev_paid_at < ${from})::int AS retained
         FROM "order" o
        WHERE ${has("o.subscriber_id")} AND o.status = 'paid' AND o.paid_at >= ${before} AND o.paid_at < ${to}
        GROUP BY o.currency`;
}
