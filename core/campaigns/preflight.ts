// The numbers the team sees before a campaign is scheduled: who the segment
// matches, who is left out and why, the holdout and variant sizes (exact: the
// draft campaign's id fixes every customer's bucket), how many will wait for
// the end of quiet hours, and how long sending takes at the rate limit.
import type { CoreDeps } from "../deps.ts";
import { formatQuietHours, quietHoursEnd } from "../delivery/contact-policy.ts";
import { parseWallClock, zonedInstant } from "../time/zoned.ts";
import { audienceQuery } from "./audience.ts";
import { requireCampaign } from "./campaigns.ts";
import { bucketSql } from "./materialize.ts";
import { BASELINE_RATES, minimumDetectableDifference } from "./ab-winner.ts";
import type { WinnerMeasure } from "./ab-types.ts";
import type { Campaign } from "../../generated/prisma/client.ts";

/** Below this relative difference a test is worth running: a 20% lift (10% -> 12% clicks). */
export const DETECTABLE_RELATIVE = 0.2;

function abTestOf(c: Campaign, A: number, B: number, recipients: number): AbTestPreflight {
  const by = (c.winnerBy ?? "clicks") as WinnerMeasure;
  const baseline = BASELINE_RATES[by];
  const detectable = minimumDetectableDifference(Math.min(A, B), baseline);
  return {
    percent: c.testPercent,
    A,
    B,
    rest: recipients - A - B,
    by,
    defaultVariant: c.defaultVariant === "B" ? "B" : "A",
    decideAt: new Date(c.sendAt.getTime() + (c.winnerAfterMinutes ?? 240) * 60_000),
    baseline,
    detectable,
    tooSmall: detectable === null || detectable / baseline > DETECTABLE_RELATIVE,
  };
}

export interface Preflight {
  /** Customers the segment matches (erased ones never count). */
  matched: number;
  excluded: { noConsent: number; unsubscribed: number; blocked: number; frequencyCap: number };
  holdout: number;
  variantA: number;
  variantB: number;
  /** Who will actually be messaged: A + B. */
  recipients: number;
  /** Recipients whose send time falls in their quiet hours: they get it when quiet hours end. */
  deferredByQuietHours: number;
  /** The configured quiet hours, "21:00-09:00" (null: off). */
  quietHours: string | null;
  sendAt: Date;
  localTime: boolean;
  /** Seconds to send everything at the configured rate. */
  etaSeconds: number;
  /** An A/B test that picks its winner: the test groups, the rest, the deadline and what the test can detect. */
  abTest?: AbTestPreflight | null;
}

export interface AbTestPreflight {
  percent: number;
  A: number;
  B: number;
  /** Recipients who get the winner after the decision. */
  rest: number;
  by: WinnerMeasure;
  defaultVariant: "A" | "B";
  /** When it is decided if sending starts on time. */
  decideAt: Date;
  /** The rate assumed for the measure before anything is known (BASELINE_RATES). */
  baseline: number;
  /** The smallest difference in rate the groups can detect (5% significance, 80% power), absolute. */
  detectable: number | null;
  /** True when that is more than a 20% relative difference: the test is too small to pick a winner reliably. */
  tooSmall: boolean;
}

export async function preflight(deps: CoreDeps, input: { campaignId: number; ratePerSecond: number }): Promise<Preflight> {
  const c = await requireCampaign(deps, input.campaignId);
  const audience = audienceQuery(deps, c.segment, c.sendAt > deps.clock.now() ? c.sendAt : deps.clock.now());
  const k = audience.params.length;
  const p = (n: number) => `$${k + n}`;
  const reachable = `s.consent_status = 'subscribed' AND s.blocked_at IS NULL AND s.unreachable_at IS NULL AND s.telegram_id IS NOT NULL`;
  const rows = await deps.db.prisma.$queryRawUnsafe<Record<string, number | string | null>[]>(
    `WITH candidates AS (
       SELECT s.id, s.timezone, s.consent_status, (${reachable}) AS reachable,
              ${bucketSql(p(1), "holdout")} < ${p(2)}::int AS held_out,
              ${bucketSql(p(1), "variant")} < ${p(3)}::int AS variant_b,
              (${p(9)}::int > 0 AND ${bucketSql(p(1), "test")} >= ${p(9)}::int) AS in_rest,
              ${p(4)}::boolean AND (SELECT count(*) FROM delivery x
                 WHERE x.subscriber_id = s.id AND x.kind = 'marketing' AND x.status = 'sent'
                   AND x.sent_at > ${p(5)}::timestamptz - (${p(6)}::int * interval '1 day')) >= ${p(7)}::int AS capped
         FROM (SELECT DISTINCT subscriber_id FROM (${audience.sql}) a) aud
         JOIN subscriber s ON s.id = aud.subscriber_id
        WHERE s.erased_at IS NULL
     )
     SELECT NULL AS timezone,
            count(*)::int AS matched,
            count(*) FILTER (WHERE consent_status IN ('none', 'pending', 'declined'))::int AS no_consent,
            count(*) FILTER (WHERE consent_status = 'unsubscribed')::int AS unsubscribed,
            count(*) FILTER (WHERE consent_status = 'subscribed' AND NOT reachable)::int AS blocked,
            count(*) FILTER (WHERE reachable AND NOT held_out AND capped)::int AS capped,
            count(*) FILTER (WHERE reachable AND held_out)::int AS holdout,
            count(*) FILTER (WHERE reachable AND NOT held_out AND NOT capped AND variant_b)::int AS b,
            count(*) FILTER (WHERE reachable AND NOT held_out AND NOT capped AND NOT variant_b)::int AS a,
            count(*) FILTER (WHERE reachable AND NOT held_out AND NOT capped AND NOT in_rest AND variant_b)::int AS test_b,
            count(*) FILTER (WHERE reachable AND NOT held_out AND NOT capped AND NOT in_rest AND NOT variant_b)::int AS test_a
       FROM candidates
     UNION ALL
     SELECT coalesce(timezone, ${p(8)}::text), 0, 0, 0, 0, 0, 0, 0, count(*)::int, 0, 0
       FROM candidates WHERE reachable AND NOT held_out AND NOT capped
      GROUP BY 1`,
    ...audience.params,
    c.id,
    c.holdoutPercent,
    c.variantBPercent,
    !c.transactional,
    c.sendAt,
    deps.policy.frequencyCap.days,
    deps.policy.frequencyCap.messages,
    deps.teamTimezone,
    c.testPercent,
  );
  const totals = rows.find((r) => r.timezone === null)!;
  // Quiet hours depend on each recipient's timezone: few distinct zones, checked here in one place.
  let deferred = 0;
  for (const zone of rows.filter((r) => r.timezone !== null)) {
    const tz = zone.timezone as string;
    const at = c.localWallClock ? zonedInstant(parseWallClock(c.localWallClock), tz) : c.sendAt;
    if (quietHoursEnd(at, tz, deps.policy.quietHours)) deferred += Number(zone.a);
  }
  const recipients = Number(totals.a) + Number(totals.b);
  return {
    matched: Number(totals.matched),
    excluded: {
      noConsent: Number(totals.no_consent),
      unsubscribed: Number(totals.unsubscribed),
      blocked: Number(totals.blocked),
      frequencyCap: Number(totals.capped),
    },
    holdout: Number(totals.holdout),
    variantA: Number(totals.a),
    variantB: Number(totals.b),
    recipients,
    deferredByQuietHours: deferred,
    quietHours: formatQuietHours(deps.policy.quietHours),
    sendAt: c.sendAt,
    localTime: c.localTime,
    etaSeconds: Math.ceil(recipients / input.ratePerSecond),
    abTest: c.testPercent > 0 ? abTestOf(c, Number(totals.test_a), Number(totals.test_b), recipients) : null,
  };
}
