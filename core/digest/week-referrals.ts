// The referral line of the digest and the arrow that closes the loyalty
// funnel: friends who joined by invitation in the period (and the period
// before), how many of them loyal customers brought (loyal -> new), and the
// promoters who answered NPS, for the "invite the promoters" proposal.
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import { previousPeriod, type Period } from "../metrics/period.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { lifecycleSql, orderAggregatesSql } from "../segments/lifecycle.ts";

export interface WeekReferrals {
  /** Friends who confirmed their subscription by invitation in the period. */
  accepted: number;
  previous: number;
  /** Of them, those whose referrer was loyal at the end of the period: the loyal -> new arrow. */
  fromLoyal: number;
  /** Share of the period's new subscribers who came by invitation; null when nobody subscribed. */
  share: number | null;
  /** People whose NPS answer in the period was 9-10, and in the period before. */
  promoters: number;
  promotersPrevious: number;
}

export async function weekReferrals(deps: CoreDeps, options: { period: Period }): Promise<WeekReferrals> {
  const { period } = options;
  const before = previousPeriod(period);
  const p = new SqlParams();
  const from = p.add(period.from, "timestamptz");
  const to = p.add(period.to, "timestamptz");
  const start = p.add(before.from, "timestamptz");
  const stage = lifecycleSql("st", p, period.to, analyticsSettingsOf(deps));
  const [row] = await deps.db.prisma.$queryRawUnsafe<{ accepted: number; previous: number; from_loyal: number; gained: number; promoters: number; promoters_previous: number }[]>(
    `WITH st AS (${orderAggregatesSql(p, period.to, `o.subscriber_id IN (SELECT referrer_id FROM referral WHERE accepted_at >= ${from} AND accepted_at < ${to})`)})
     SELECT
       (SELECT count(*) FROM referral r WHERE r.accepted_at >= ${from} AND r.accepted_at < ${to})::int AS accepted,
       (SELECT count(*) FROM referral r WHERE r.accepted_at >= ${start} AND r.accepted_at < ${from})::int AS previous,
       (SELECT count(*) FROM referral r LEFT JOIN st ON st.subscriber_id = r.referrer_id
         WHERE r.accepted_at >= ${from} AND r.accepted_at < ${to} AND ${stage} = 'loyal')::int AS from_loyal,
       (SELECT count(DISTINCT c.subscriber_id) FROM consent_record c WHERE c.status = 'subscribed' AND c.at >= ${from} AND c.at < ${to})::int AS gained,
       (SELECT count(DISTINCT subscriber_id) FROM survey_response WHERE kind = 'nps' AND score >= 9 AND answered_at >= ${from} AND answered_at < ${to})::int AS promoters,
       (SELECT count(DISTINCT subscriber_id) FROM survey_response WHERE kind = 'nps' AND score >= 9 AND answered_at >= ${start} AND answered_at < ${from})::int AS promoters_previous`,
    ...p.values,
  );
  const r = row!;
  return {
    accepted: r.accepted,
    previous: r.previous,
    fromLoyal: r.from_loyal,
    share: r.gained > 0 ? r.accepted / r.gained : null,
    promoters: r.promoters,
    promotersPrevious: r.promoters_previous,
  };
}
