// The one campaign the digest proposes, and the rule that picks it (README,
// "Weekly digest": the proposal rule).
//
// 1. Signals: the week's change in size of the segments a CRM team acts on -
//    risks (a segment that should not grow, or should not shrink) and
//    opportunities (a segment worth working while it grows) - and the number
//    of detractors against the week before. Each has a playbook: a segment to
//    address and a message (locales/<lang>/digest.ftl).
// 2. A signal counts when it moved in its direction by at least MIN_PEOPLE
//    people and by at least MIN_RELATIVE of its size the week before.
// 3. Its strength is |after - before| / sqrt(after + before): how many standard
//    deviations the change is if the counts were Poisson noise. 150 -> 177 (18%)
//    scores 1.5, 1000 -> 1180 (18%) scores 3.9, 0 -> 6 scores 2.4: a big segment's
//    modest change outweighs a tiny one's doubling. Opportunities are weighed by
//    OPPORTUNITY_WEIGHT, so an equally strong risk wins.
// 4. The strongest signal wins (ties: the order of SIGNALS). No signal counts:
//    no proposal - the digest says nothing stood out.
// 5. The people who moved (entered the segment, or left it when it shrank) are
//    grouped by acquisition source; the largest group is named ("mostly" when
//    it is at least half of them).
import type { CoreDeps } from "../deps.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import type { LifecycleStage } from "../segments/lifecycle.ts";
import type { RfmClass } from "../segments/rfm.ts";
import type { StageMovement } from "./stage-snapshots.ts";
import { moversBySource } from "./stage-snapshots.ts";
import type { WeekDetractors } from "./week-detractors.ts";
import type { WeekReferrals } from "./week-referrals.ts";

export const MIN_PEOPLE = 5;
export const MIN_RELATIVE = 0.1;
export const OPPORTUNITY_WEIGHT = 0.75;
/** Half of the movers or more from one source: "mostly from". */
export const MOSTLY_SHARE = 0.5;

type Segment = { stage: LifecycleStage } | { rfmClass: RfmClass } | { detractors: true } | { promoters: true };
type ReferralCounts = Pick<WeekReferrals, "accepted" | "previous" | "promoters" | "promotersPrevious">;

interface Signal {
  /** Also the playbook's name in locales: digest-playbook-<key>-*. */
  key: string;
  segment: Segment;
  kind: "risk" | "opportunity";
  /** The direction that calls for action. */
  direction: "grew" | "shrank";
  /** The audience of the proposed campaign, in the segment text form (or a segment's name). */
  audience: (deps: CoreDeps) => string;
  /** A survey instead of a message. */
  survey?: string;
  holdoutPercent: number;
}

/** In order of precedence on equal strength. */
export const SIGNALS: readonly Signal[] = [
  { key: "cant_lose", segment: { rfmClass: "cant_lose" }, kind: "risk", direction: "grew", audience: () => "rfm:cant_lose", holdoutPercent: 10 },
  { key: "at_risk", segment: { rfmClass: "at_risk" }, kind: "risk", direction: "grew", audience: () => "rfm:at_risk", holdoutPercent: 10 },
  {
    key: "churned_from_loyal",
    segment: { stage: "churned_from_loyal" },
    kind: "risk",
    direction: "grew",
    audience: () => "lifecycle:churned_from_loyal",
    holdoutPercent: 10,
  },
  { key: "detractors", segment: { detractors: true }, kind: "risk", direction: "grew", audience: () => "nps:detractor", survey: "feedback", holdoutPercent: 0 },
  {
    key: "loyal_lapsing",
    segment: { stage: "loyal" },
    kind: "risk",
    direction: "shrank",
    // Those who have the orders of a loyal customer but no longer the recency (or the spend).
    audience: (deps) => `lifecycle = repeat and orders >= ${analyticsSettingsOf(deps).lifecycle.loyalMinOrders}`,
    holdoutPercent: 10,
  },
  { key: "about_to_sleep", segment: { rfmClass: "about_to_sleep" }, kind: "risk", direction: "grew", audience: () => "rfm:about_to_sleep", holdoutPercent: 10 },
  {
    key: "churned_from_new",
    segment: { stage: "churned_from_new" },
    kind: "risk",
    direction: "grew",
    audience: () => "lifecycle:churned_from_new",
    holdoutPercent: 10,
  },
  { key: "new_leads", segment: { stage: "potential" }, kind: "opportunity", direction: "grew", audience: () => "lifecycle = potential and joined < 14d", holdoutPercent: 10 },
  { key: "second_purchase", segment: { stage: "new" }, kind: "opportunity", direction: "grew", audience: () => "lifecycle:new", holdoutPercent: 10 },
  { key: "referral", segment: { rfmClass: "champions" }, kind: "opportunity", direction: "grew", audience: () => "rfm:champions", holdoutPercent: 0 },
  // More promoters but no more friends joining by invitation: ask the promoters to invite (issue 16).
  { key: "invite_promoters", segment: { promoters: true }, kind: "opportunity", direction: "grew", audience: () => "nps:promoter", holdoutPercent: 0 },
];

export interface SignalReading {
  key: string;
  kind: "risk" | "opportunity";
  direction: "grew" | "shrank";
  before: number;
  after: number;
  /** Relative change, e.g. 0.18; null when it was empty before. */
  relative: number | null;
  strength: number;
  eligible: boolean;
}

export interface Proposal extends SignalReading {
  /** The segment as the digest names it: "rfm:at_risk", "lifecycle:loyal", "nps:detractor". */
  segmentKey: string;
  /** Who moved, by acquisition source; the largest group, and how many moved in all. */
  source: { name: string | null; count: number; movers: number; mostly: boolean } | null;
  audience: string;
  survey?: string;
  holdoutPercent: number;
}

/** Every signal's reading, strongest first (the digest's proposal is the first eligible one). */
export function readSignals(movement: StageMovement, detractors: Pick<WeekDetractors, "count" | "previous">, referrals?: ReferralCounts): SignalReading[] {
  const readings = SIGNALS.map((signal, order) => {
    const { before, after } = sizes(signal.segment, movement, detractors, referrals);
    const change = after - before;
    const relative = before > 0 ? change / before : null;
    const moved = signal.direction === "grew" ? change : -change;
    // Promoters count only while referrals stay flat: when they grow, the promoters are already inviting.
    const flat = !("promoters" in signal.segment) || (referrals !== undefined && referrals.accepted <= referrals.previous);
    const eligible = flat && moved >= MIN_PEOPLE && (relative === null || Math.abs(relative) >= MIN_RELATIVE);
    const weight = signal.kind === "opportunity" ? OPPORTUNITY_WEIGHT : 1;
    const strength = before + after > 0 ? (weight * Math.abs(change)) / Math.sqrt(before + after) : 0;
    return { order, reading: { key: signal.key, kind: signal.kind, direction: signal.direction, before, after, relative, strength, eligible } };
  });
  return readings.sort((a, b) => b.reading.strength - a.reading.strength || a.order - b.order).map((r) => r.reading);
}

export async function proposeAction(
  deps: CoreDeps,
  options: { movement: StageMovement; detractors: WeekDetractors; referrals?: ReferralCounts; from: Date; to: Date },
): Promise<Proposal | null> {
  const best = readSignals(options.movement, options.detractors, options.referrals).find((r) => r.eligible);
  if (!best) return null;
  const signal = SIGNALS.find((s) => s.key === best.key)!;
  const bySource =
    "detractors" in signal.segment
      ? options.detractors.bySource
      : "promoters" in signal.segment
        ? []
        : await moversBySource(deps, { from: options.from, to: options.to, ...signal.segment, direction: signal.direction === "grew" ? "entered" : "left" });
  const movers = bySource.reduce((a, s) => a + s.count, 0);
  const top = bySource[0];
  return {
    ...best,
    segmentKey: segmentKey(signal.segment),
    source: top ? { name: top.source, count: top.count, movers, mostly: top.count >= movers * MOSTLY_SHARE } : null,
    audience: signal.audience(deps),
    ...(signal.survey ? { survey: signal.survey } : {}),
    holdoutPercent: signal.holdoutPercent,
  };
}

function sizes(segment: Segment, movement: StageMovement, detractors: Pick<WeekDetractors, "count" | "previous">, referrals?: ReferralCounts): { before: number; after: number } {
  if ("detractors" in segment) return { before: detractors.previous, after: detractors.count };
  if ("promoters" in segment) return { before: referrals?.promotersPrevious ?? 0, after: referrals?.promoters ?? 0 };
  const row = "stage" in segment ? movement.stages.find((s) => s.key === segment.stage) : movement.rfm.find((s) => s.key === segment.rfmClass);
  return { before: row?.before ?? 0, after: row?.after ?? 0 };
}

function segmentKey(segment: Segment): string {
  if ("detractors" in segment) return "nps:detractor";
  if ("promoters" in segment) return "nps:promoter";
  return "stage" in segment ? `lifecycle:${segment.stage}` : `rfm:${segment.rfmClass}`;
}
