// Acquisition by source (DOMAIN.md): CAC = acquisition spend / customers
// acquired; acquisition rate = customers acquired / people contacted.
// The team enters what it spent per source and period (acquisition-spend.ts);
// a spend entry that overlaps a period only partly counts pro rata by time.
//   acquired   people from the source whose first confirmed subscription falls in the period
//   contacted  the reach the team entered with its spend (pro rata); where none
//              was entered, the people who opened the bot from the source in the
//              period (subscribed or not), and anyone acquired. Shop prospects
//              created by the ingestion API or a CSV import were never contacted:
//              importing history does not dilute the rate.
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import { latestCurrency } from "./store-currency.ts";
import { serialQuery } from "./serial-query.ts";
import type { Period } from "./period.ts";

export interface SourceAcquisition {
  source: string;
  spend: number;
  acquired: number;
  contacted: number;
  /** spend / acquired; null when nobody was acquired. */
  cac: number | null;
  /** acquired / contacted, 0-1; null when nobody was contacted. */
  acquisitionRate: number | null;
}

export async function acquisitionBySource(deps: CoreDeps, options: { period: Period; source?: string }): Promise<SourceAcquisition[]> {
  const p = new SqlParams();
  const from = p.add(options.period.from, "timestamptz");
  const to = p.add(options.period.to, "timestamptz");
  const tz = p.add(deps.teamTimezone, "text");
  const only = options.source ? `= ${p.add(options.source, "text")}` : "IS NOT NULL";
  const rows = await serialQuery<{ source: string; spend: number; acquired: number; reach: number | null; arrived: number }>(
    deps.db,
    `WITH spend AS (
       SELECT a.source, sum(a.amount * share)::float8 AS spend, sum(a.contacted * share)::float8 AS reach
         FROM (SELECT x.*, extract(epoch FROM least(x.stop, ${to}) - greatest(x.start, ${from})) / extract(epoch FROM x.stop - x.start) AS share
                 FROM (SELECT sp.*, (sp.period_start::timestamp AT TIME ZONE ${tz}) AS start,
                              ((sp.period_end + 1)::timestamp AT TIME ZONE ${tz}) AS stop
                         FROM acquisition_spend sp WHERE sp.source ${only}) x
                WHERE x.start < ${to} AND x.stop > ${from}) a
        GROUP BY a.source),
     -- The people created in the period (index on subscriber.created_at): who opened the bot, and the
     -- source of most of the period's confirmations without a probe each.
     created AS MATERIALIZED (
       SELECT s.id, s.source, s.telegram_id FROM subscriber s
        WHERE s.created_at >= ${from} AND s.created_at < ${to}),
     -- Confirmed in the period (index on consent_record.at), each with their source and whether they had
     -- confirmed before: per-person index probes (subscriber's key for those created earlier,
     -- consent_record(subscriber_id, at)) in the select list, so neither table is read whole for the few
     -- tens of thousands of the period.
     confirmed AS MATERIALIZED (
       SELECT c.subscriber_id,
              CASE WHEN n.id IS NOT NULL THEN n.source ELSE (SELECT s.source FROM subscriber s WHERE s.id = c.subscriber_id) END AS source,
              -- a scalar subquery, not EXISTS, which PostgreSQL may turn into a hash of every consent record
              coalesce((SELECT true FROM consent_record e
                         WHERE e.subscriber_id = c.subscriber_id AND e.status = 'subscribed' AND e.at < ${from} LIMIT 1), false) AS before
         FROM (SELECT DISTINCT c.subscriber_id FROM consent_record c
                WHERE c.status = 'subscribed' AND c.at >= ${from} AND c.at < ${to}) c
         LEFT JOIN created n ON n.id = c.subscriber_id),
     firsts AS (
       SELECT source, count(*)::int AS acquired FROM confirmed
        WHERE source ${only} AND NOT before
        GROUP BY source),
     arrived AS (
       -- Opened the bot in the period: a Telegram identity, or (erased since) a consent record written by the bot;
       -- and anyone confirmed in the period. Two narrow reads (indexes on created_at and at), not a scan by source.
       SELECT subscriber_id AS id, source FROM confirmed
       UNION
       SELECT n.id, n.source FROM created n
        WHERE n.telegram_id IS NOT NULL OR EXISTS (SELECT 1 FROM consent_record b WHERE b.subscriber_id = n.id AND b.channel = 'telegram')),
     arrivals AS (
       SELECT source, count(*)::int AS arrived FROM arrived
        WHERE source ${only}
        GROUP BY source)
     SELECT source, coalesce(spend.spend, 0)::float8 AS spend, coalesce(firsts.acquired, 0)::int AS acquired,
            spend.reach, coalesce(arrivals.arrived, 0)::int AS arrived
       FROM spend FULL JOIN firsts USING (source) FULL JOIN arrivals USING (source)
      ORDER BY 2 DESC, 3 DESC, 1`,
    p.values,
  );
  return rows.map((r) => {
    const contacted = r.reach ?? r.arrived;
    return {
      source: r.source,
      spend: round2(r.spend),
      acquired: r.acquired,
      contacted: Math.round(contacted),
      cac: r.acquired > 0 ? round2(r.spend / r.acquired) : null,
      acquisitionRate: contacted > 0 ? r.acquired / contacted : null,
    };
  });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `/metrics by source`: the figures per source, and the store's currency for spend and CAC. */
export async function acquisitionReport(deps: CoreDeps, options: { period: Period }): Promise<{ sources: SourceAcquisition[]; currency: string | null }> {
  const [sources, currency] = await Promise.all([acquisitionBySource(deps, options), latestCurrency(deps)]);
  return { sources, currency };
}
