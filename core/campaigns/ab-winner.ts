// A/B tests that pick their winner. A share of the treated audience (the
// test) gets A or B, half each; the rest waits in the outbox as variant "R".
// At the deadline the winner is chosen by the chosen measure with a
// two-proportion test and the rest gets it under the usual rules (consent
// re-checked at send time, caps, quiet hours, Telegram's rate). Not
// significant: the team's default variant goes, and the decision says so. The
// team may decide earlier (Send A / Send B) or wait longer.
//
// The decision is a row, not a timer: decideAt is stored with the campaign and
// a job claims due campaigns with FOR UPDATE SKIP LOCKED and a compare-and-set
// on decided_at, so it is taken once across instances and restarts.
import { BACKGROUND_TRANSACTION } from "../db/database.ts";
import { writeAudit } from "../audit/audit-log.ts";
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { Campaign, Prisma } from "../../generated/prisma/client.ts";
import type { AbDecision, VariantResult, WinnerMeasure } from "./ab-types.ts";
import { significance, type Significance } from "./campaign-report.ts";
import { requireCampaign } from "./campaigns.ts";
import { balancedGroupSize, DEFAULT_POWER, minimumDetectableLift } from "./group-power.ts";

export { WINNER_MEASURES, type WinnerMeasure } from "./ab-types.ts";

/** The variant the rest waits under until the decision. */
export const REST_VARIANT = "R";

export class AbDecisionError extends DomainError {
  constructor(code: "ab_not_a_test" | "ab_already_decided" | "ab_not_running", campaign: Campaign) {
    super(code, `Campaign ${campaign.id}: ${code.replace(/_/g, " ")}`, { id: campaign.id, status: campaign.status });
  }
}

/** Per-variant results of the test groups by the measure, intention to treat (everyone assigned, sent or not). */
export async function testResults(deps: CoreDeps, campaign: Campaign): Promise<{ A: VariantResult; B: VariantResult }> {
  const by = (campaign.winnerBy ?? "clicks") as WinnerMeasure;
  // $1 the campaign; $2 the survey's campaign key or the attribution window, as the measure needs.
  const [success, extra]: [string, unknown] =
    by === "clicks"
      ? [`EXISTS (SELECT 1 FROM click k WHERE k.delivery_id = d.id)`, undefined]
      : by === "replies"
        ? [`EXISTS (SELECT 1 FROM survey_response r WHERE r.subscriber_id = d.subscriber_id AND r.campaign_id = $2::text AND (r.score IS NOT NULL OR r.comment IS NOT NULL))`, String(campaign.id)]
        : [
            `EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = d.subscriber_id AND o.status = 'paid'
                       AND o.paid_at > coalesce(d.sent_at, d.not_before) AND o.paid_at <= coalesce(d.sent_at, d.not_before) + ($2::int * interval '1 day'))`,
            deps.policy.attributionDays,
          ];
  const rows = await deps.db.prisma.$queryRawUnsafe<{ variant: string; size: number; successes: number }[]>(
    `SELECT d.variant, count(*)::int AS size, count(*) FILTER (WHERE ${success})::int AS successes
       FROM delivery d WHERE d.campaign_id = $1 AND d.variant IN ('A', 'B')
      GROUP BY d.variant`,
    campaign.id,
    ...(extra === undefined ? [] : [extra]),
  );
  const of = (v: "A" | "B"): VariantResult => {
    const r = rows.find((x) => x.variant === v);
    const size = r?.size ?? 0;
    const successes = r?.successes ?? 0;
    return { size, successes, rate: size ? successes / size : 0 };
  };
  return { A: of("A"), B: of("B") };
}

/** The winner by the two-proportion test, or the default when the difference is not significant. */
export function pickWinner(results: { A: VariantResult; B: VariantResult }, defaultVariant: "A" | "B"): { winner: "A" | "B"; reason: AbDecision["reason"]; test: Significance } {
  const group = (r: VariantResult) => ({ size: r.size, converted: r.successes, revenue: 0, conversionRate: r.rate });
  const test = significance(group(results.A), group(results.B));
  if (test.significant) return { winner: results.A.rate >= results.B.rate ? "A" : "B", reason: "significant", test };
  return { winner: defaultVariant, reason: test.note === "too_small" ? "too_small" : "not_significant", test };
}

/** Releases the rest to the winner (once) and records the decision; returns it, or undefined if it was already taken. */
async function decide(deps: CoreDeps, campaignId: number, choose: (c: Campaign, results: { A: VariantResult; B: VariantResult }) => Pick<AbDecision, "winner" | "reason" | "pValue">, actor: string): Promise<AbDecision | undefined> {
  const now = deps.clock.now();
  const decision = await deps.db.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM campaign WHERE id = $1 AND decided_at IS NULL AND test_percent > 0 FOR UPDATE SKIP LOCKED`,
      campaignId,
    );
    if (locked.length === 0) return undefined;
    const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const results = await testResults({ ...deps, db: { ...deps.db, prisma: tx as unknown as typeof deps.db.prisma } }, campaign);
    const chosen = choose(campaign, results);
    // Rewrites every waiting outbox row: hundreds of thousands at a million customers (BACKGROUND_TRANSACTION).
    const rest = await tx.$executeRawUnsafe(
      `UPDATE delivery SET variant = '${REST_VARIANT}' || $2, not_before = greatest(not_before, $3::timestamptz) WHERE campaign_id = $1 AND variant = '${REST_VARIANT}' AND status = 'pending'`,
      campaignId,
      chosen.winner,
      now,
    );
    const full: AbDecision = { ...chosen, by: (campaign.winnerBy ?? "clicks") as WinnerMeasure, decidedBy: actor, decidedAt: now.toISOString(), A: results.A, B: results.B, rest };
    await tx.campaign.update({ where: { id: campaignId }, data: { decidedAt: now, decision: full as unknown as Prisma.InputJsonValue } });
    await writeAudit(deps, { actor, action: "campaign.ab_decided", target: `campaign:${campaignId}`, details: full as unknown as Record<string, unknown> }, tx);
    return full;
  }, BACKGROUND_TRANSACTION);
  if (decision) deps.logger.info({ campaignId, winner: decision.winner, reason: decision.reason, rest: decision.rest }, "A/B test decided");
  return decision;
}

/** Decides every running test whose deadline has passed (scheduler job "campaigns.ab-decide"). */
export async function decideDueTests(deps: CoreDeps): Promise<{ campaignId: number; decision: AbDecision }[]> {
  const due = await deps.db.prisma.campaign.findMany({
    where: { status: "running", testPercent: { gt: 0 }, decidedAt: null, decideAt: { lte: deps.clock.now() } },
    select: { id: true },
    orderBy: { decideAt: "asc" },
  });
  const decided: { campaignId: number; decision: AbDecision }[] = [];
  for (const { id } of due) {
    const decision = await decide(
      deps,
      id,
      (c, results) => {
        const pick = pickWinner(results, c.defaultVariant === "B" ? "B" : "A");
        return { winner: pick.winner, reason: pick.reason, pValue: pick.test.note === "too_small" ? null : pick.test.pValue };
      },
      "system",
    );
    if (decision) {
      decided.push({ campaignId: id, decision });
      await announce(deps, id, decision);
    }
  }
  return decided;
}

/** Send A / Send B pressed on the test's card before the deadline. */
export async function chooseWinner(deps: CoreDeps, input: { id: number; winner: "A" | "B"; actor: string }): Promise<{ name: string; decision: AbDecision }> {
  const campaign = await requireCampaign(deps, input.id);
  if (campaign.testPercent === 0) throw new AbDecisionError("ab_not_a_test", campaign);
  if (campaign.decidedAt) throw new AbDecisionError("ab_already_decided", campaign);
  if (campaign.status !== "running") throw new AbDecisionError("ab_not_running", campaign);
  const decision = await decide(deps, campaign.id, (_c, results) => ({ winner: input.winner, reason: "manual", pValue: pickWinner(results, input.winner).test.pValue }), input.actor);
  if (!decision) throw new AbDecisionError("ab_already_decided", await requireCampaign(deps, campaign.id));
  await announce(deps, campaign.id, decision);
  return { name: campaign.name, decision };
}

/** Wait longer: the deadline moves by the test's waiting time again. */
export async function extendTest(deps: CoreDeps, input: { id: number; actor: string }): Promise<Date> {
  const campaign = await requireCampaign(deps, input.id);
  if (campaign.testPercent === 0) throw new AbDecisionError("ab_not_a_test", campaign);
  if (campaign.decidedAt) throw new AbDecisionError("ab_already_decided", campaign);
  const from = new Date(Math.max((campaign.decideAt ?? deps.clock.now()).getTime(), deps.clock.now().getTime()));
  const decideAt = new Date(from.getTime() + (campaign.winnerAfterMinutes ?? 240) * 60_000);
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.campaign.update({ where: { id: campaign.id }, data: { decideAt } });
    await writeAudit(deps, { actor: input.actor, action: "campaign.ab_extended", target: `campaign:${campaign.id}`, details: { decideAt: decideAt.toISOString() } }, tx);
  });
  return decideAt;
}

async function announce(deps: CoreDeps, campaignId: number, decision: AbDecision): Promise<void> {
  const { name } = await requireCampaign(deps, campaignId);
  try {
    await deps.notifier.alert({ kind: "ab_decision", campaignId, name, decision });
  } catch (err) {
    deps.logger.error({ err, campaignId }, "A/B decision could not be posted to the team");
  }
}

/** A test that just started sending gets its card in the team channel (Send A / Send B / Wait longer). */
export async function announceTestStarted(deps: CoreDeps, campaignId: number): Promise<void> {
  const c = await requireCampaign(deps, campaignId);
  if (c.testPercent === 0 || !c.decideAt) return;
  const counts = await deps.db.prisma.$queryRawUnsafe<{ variant: string; n: number }[]>(
    `SELECT variant, count(*)::int AS n FROM delivery WHERE campaign_id = $1 AND variant IN ('A', 'B', '${REST_VARIANT}') GROUP BY variant`,
    campaignId,
  );
  const n = (v: string) => counts.find((x) => x.variant === v)?.n ?? 0;
  try {
    await deps.notifier.alert({
      kind: "ab_test",
      campaignId,
      name: c.name,
      testPercent: c.testPercent,
      by: (c.winnerBy ?? "clicks") as WinnerMeasure,
      defaultVariant: c.defaultVariant === "B" ? "B" : "A",
      sizes: { A: n("A"), B: n("B"), rest: n(REST_VARIANT) },
      decideAt: c.decideAt.toISOString(),
    });
  } catch (err) {
    deps.logger.error({ err, campaignId }, "A/B test card could not be posted to the team");
  }
}

/**
 * Minimum detectable difference for two variants of `n` at 5% significance and
 * 80% power, around a baseline rate: the absolute difference in rate. The
 * same power model as the holdout's (group-power.ts).
 */
export function minimumDetectableDifference(n: number, baseline: number): number | null {
  if (n <= 0 || baseline <= 0 || baseline >= 1) return null;
  return minimumDetectableLift(n, n, { baselineRate: baseline, alpha: DEFAULT_POWER.alpha, power: DEFAULT_POWER.power });
}

/** People per variant needed to detect a `relative` lift over `baseline` (5% significance, 80% power). */
export function neededPerVariant(baseline: number, relative: number): number {
  return balancedGroupSize({ ...DEFAULT_POWER, baselineRate: baseline, minimumLift: baseline * relative });
}

/** Typical rates to size a test when nothing is known yet (the pre-flight says which it assumed). */
export const BASELINE_RATES: Record<WinnerMeasure, number> = { clicks: 0.1, conversions: 0.03, replies: 0.2 };
