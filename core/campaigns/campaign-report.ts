// What a campaign caused. Delivery counts come from the outbox; conversions
// are paid orders within the attribution window after the message (or, for
// the holdout and for treated people who were not delivered, after the moment
// it would have been sent). The campaign's effect is the difference between
// the two groups (DOMAIN.md "Campaign effect"): incremental conversions and
// revenue, and ROMI on the increment.
//
// The groups are compared by intention to treat: the treatment is everyone
// assigned to A or B, whatever became of their message (delivered, blocked,
// unsubscribed, capped...), just as the holdout is everyone held out. Counting
// only the delivered would drop from the treatment exactly the people who
// were lost on the way - who are not like the rest - and bias the lift.
import type { CoreDeps } from "../deps.ts";
import type { AbDecision } from "./ab-types.ts";
import { requireCampaign } from "./campaigns.ts";

export interface GroupResult {
  size: number;
  converted: number;
  revenue: number;
  conversionRate: number;
}

export interface CampaignReport {
  id: number;
  name: string;
  status: string;
  audience: number;
  delivered: number;
  pending: number;
  failed: Record<string, number>;
  skipped: Record<string, number>;
  clicked: number;
  /** Everyone assigned to A or B, delivered or not (intention to treat). */
  treatment: GroupResult;
  holdout: GroupResult | null;
  variants: Record<string, GroupResult & { clicked: number }>;
  /** Revenue of orders whose last touch (delivery or click) in the window was this campaign. */
  attributedRevenue: number;
  incrementalConversions: number | null;
  incrementalRevenue: number | null;
  cost: number | null;
  /** (incremental revenue - cost) / cost x 100 %, or on attributed revenue without a holdout. */
  romi: number | null;
  romiBasis: "incremental" | "attributed" | null;
  significance: Significance | null;
  attributionDays: number;
  /** An A/B test that picks its winner: its settings and, once taken, the decision (variants RA / RB are the rest). */
  abTest?: { percent: number; by: string; defaultVariant: string; decideAt: Date | null; decision: AbDecision | null } | null;
}

export interface Significance {
  /** Two-sided p-value of the difference in conversion rates (two-proportion z-test). */
  pValue: number;
  significant: boolean;
  /** A plain-words reading for the team. */
  note: "significant" | "not_significant" | "too_small";
}

export async function campaignReport(deps: CoreDeps, campaignId: number): Promise<CampaignReport> {
  await requireCampaign(deps, campaignId);
  const [report] = await campaignReports(deps, [campaignId]);
  return report!;
}

/**
 * The reports of several campaigns at once, in the order of `campaignIds`
 * (unknown ids are left out): the same three set-based queries whatever the
 * number of campaigns, grouped by campaign.
 */
export async function campaignReports(deps: CoreDeps, campaignIds: readonly number[]): Promise<CampaignReport[]> {
  if (campaignIds.length === 0) return [];
  const ids = [...new Set(campaignIds)];
  const days = deps.policy.attributionDays;
  const db = deps.db.prisma;
  const campaigns = await db.campaign.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, status: true, cost: true, testPercent: true, winnerBy: true, defaultVariant: true, decideAt: true, decision: true } });

  const statusRows = await db.$queryRawUnsafe<{ campaign_id: number; status: string; reason: string | null; n: number }[]>(
    `SELECT campaign_id, status::text AS status, reason, count(*)::int AS n FROM delivery WHERE campaign_id = ANY($1::int[]) GROUP BY 1, 2, 3`,
    ids,
  );

  // One row per campaign and variant: everyone assigned to it, converters and their revenue in the window
  // after the send (or, without one, after the time it was due: holdout, skipped, failed).
  const groupRows = await db.$queryRawUnsafe<{ campaign_id: number; variant: string; size: number; converted: number; revenue: number; clicked: number }[]>(
    `WITH members AS (
       SELECT d.id, d.campaign_id, d.subscriber_id, d.variant,
              CASE WHEN d.status = 'sent' THEN d.sent_at ELSE d.not_before END AS touched_at
         FROM delivery d
        WHERE d.campaign_id = ANY($1::int[])
     ),
     outcome AS (
       SELECT m.id, m.campaign_id, m.variant,
              coalesce(sum(o.amount), 0)::float8 AS revenue,
              count(o.id) > 0 AS converted,
              EXISTS (SELECT 1 FROM click k WHERE k.delivery_id = m.id) AS clicked
         FROM members m
         LEFT JOIN "order" o ON o.subscriber_id = m.subscriber_id AND o.status = 'paid'
                            AND o.paid_at > m.touched_at AND o.paid_at <= m.touched_at + ($2::int * interval '1 day')
        GROUP BY m.id, m.campaign_id, m.variant
     )
     SELECT campaign_id, variant, count(*)::int AS size, count(*) FILTER (WHERE converted)::int AS converted,
            coalesce(sum(revenue), 0)::float8 AS revenue, count(*) FILTER (WHERE clicked)::int AS clicked
       FROM outcome GROUP BY campaign_id, variant ORDER BY campaign_id, variant`,
    ids,
    days,
  );

  // Last-touch attribution: each order goes to the newest delivery or click before it, within the window,
  // and counts for that campaign when the campaign sent the customer a message.
  const attributedRows = await db.$queryRawUnsafe<{ campaign_id: number; revenue: number }[]>(
    `SELECT last_touch.campaign_id, coalesce(sum(o.amount), 0)::float8 AS revenue
       FROM "order" o
       JOIN LATERAL (
         SELECT t.campaign_id FROM (
           SELECT d.campaign_id, d.sent_at AS at FROM delivery d
            WHERE d.subscriber_id = o.subscriber_id AND d.status = 'sent'
              AND d.sent_at <= o.paid_at AND d.sent_at > o.paid_at - ($2::int * interval '1 day')
           UNION ALL
           SELECT d.campaign_id, k.at FROM click k JOIN delivery d ON d.id = k.delivery_id
            WHERE d.subscriber_id = o.subscriber_id AND k.at <= o.paid_at AND k.at > o.paid_at - ($2::int * interval '1 day')
         ) t ORDER BY t.at DESC LIMIT 1
       ) last_touch ON last_touch.campaign_id = ANY($1::int[])
      WHERE o.status = 'paid'
        AND o.subscriber_id IN (SELECT subscriber_id FROM delivery WHERE campaign_id = ANY($1::int[]) AND status = 'sent')
        AND EXISTS (SELECT 1 FROM delivery x WHERE x.campaign_id = last_touch.campaign_id AND x.subscriber_id = o.subscriber_id AND x.status = 'sent')
      GROUP BY last_touch.campaign_id`,
    ids,
    days,
  );

  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return campaignIds.flatMap((id) => {
    const campaign = byId.get(id);
    if (!campaign) return [];
    return [
      reportOf(
        {
          id: campaign.id,
          name: campaign.name,
          status: campaign.status,
          cost: campaign.cost === null ? null : Number(campaign.cost),
          abTest:
            campaign.testPercent > 0
              ? { percent: campaign.testPercent, by: campaign.winnerBy ?? "clicks", defaultVariant: campaign.defaultVariant, decideAt: campaign.decideAt, decision: (campaign.decision as AbDecision | null) ?? null }
              : null,
        },
        statusRows.filter((r) => r.campaign_id === id),
        groupRows.filter((r) => r.campaign_id === id),
        attributedRows.find((r) => r.campaign_id === id)?.revenue ?? 0,
        days,
      ),
    ];
  });
}

function reportOf(
  campaign: { id: number; name: string; status: string; cost: number | null; abTest?: CampaignReport["abTest"] },
  statusRows: { status: string; reason: string | null; n: number }[],
  groups: { variant: string; size: number; converted: number; revenue: number; clicked: number }[],
  attributed: number,
  days: number,
): CampaignReport {
  const count = (status: string) => statusRows.filter((r) => r.status === status).reduce((a, r) => a + r.n, 0);
  const byReason = (status: string) =>
    Object.fromEntries(statusRows.filter((r) => r.status === status).map((r) => [r.reason ?? "unknown", r.n]));
  const group = (variants: string[]): GroupResult => {
    const rows = groups.filter((g) => variants.includes(g.variant));
    const size = rows.reduce((a, r) => a + r.size, 0);
    const converted = rows.reduce((a, r) => a + r.converted, 0);
    const revenue = round2(rows.reduce((a, r) => a + r.revenue, 0));
    return { size, converted, revenue, conversionRate: size ? converted / size : 0 };
  };
  // Everyone assigned to be treated: A, B, and an A/B test's rest (RA / RB, or R before the decision).
  const treatment = group(groups.filter((g) => g.variant !== "H").map((g) => g.variant));
  const holdoutGroup = groups.some((g) => g.variant === "H") ? group(["H"]) : null;
  const cost = campaign.cost;
  const attributedRevenue = round2(attributed);

  // Per assigned person: (treated rate - holdout rate) x treated, and the same for revenue per head.
  let incrementalConversions: number | null = null;
  let incrementalRevenue: number | null = null;
  if (holdoutGroup && holdoutGroup.size > 0 && treatment.size > 0) {
    incrementalConversions = round2((treatment.conversionRate - holdoutGroup.conversionRate) * treatment.size);
    incrementalRevenue = round2((treatment.revenue / treatment.size - holdoutGroup.revenue / holdoutGroup.size) * treatment.size);
  }
  const romiBasis = cost && cost > 0 ? (incrementalRevenue !== null ? "incremental" : "attributed") : null;
  const romiRevenue = romiBasis === "incremental" ? incrementalRevenue! : attributedRevenue;
  const romi = romiBasis ? round2(((romiRevenue - cost!) / cost!) * 100) : null;

  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    audience: statusRows.reduce((a, r) => a + r.n, 0),
    delivered: count("sent"),
    pending: count("pending") + count("sending"),
    failed: byReason("failed"),
    skipped: byReason("skipped"),
    clicked: groups.reduce((a, g) => a + (g.variant === "H" ? 0 : g.clicked), 0),
    treatment,
    holdout: holdoutGroup,
    variants: Object.fromEntries(groups.filter((g) => g.variant !== "H").map((g) => [g.variant, { ...group([g.variant]), clicked: g.clicked }])),
    attributedRevenue,
    incrementalConversions,
    incrementalRevenue,
    cost,
    romi,
    romiBasis,
    significance: holdoutGroup ? significance(treatment, holdoutGroup) : null,
    attributionDays: days,
    abTest: campaign.abTest ?? null,
  };
}

/** Two-proportion z-test on conversion rates. */
export function significance(a: GroupResult, b: GroupResult): Significance {
  if (a.size < 30 || b.size < 30) return { pValue: 1, significant: false, note: "too_small" };
  const pooled = (a.converted + b.converted) / (a.size + b.size);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.size + 1 / b.size));
  if (se === 0) return { pValue: 1, significant: false, note: "not_significant" };
  const z = (a.conversionRate - b.conversionRate) / se;
  const pValue = round4(2 * (1 - normalCdf(Math.abs(z))));
  return { pValue, significant: pValue < 0.05, note: pValue < 0.05 ? "significant" : "not_significant" };
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
