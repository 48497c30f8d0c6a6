// The numbers the team sees before a campaign is scheduled: who the segment
// matches, who is left out and why, the holdout and variant sizes (exact: the
// draft campaign's id fixes every customer's bucket), how many will wait for
// the end of quiet hours, how many Telegram messages each recipient gets (a
// text over 4 096 characters goes out in parts), and how long sending takes
// at the rate limit; and warnings: a send time far ahead, a holdout or
// variant too small to measure.
import { windowStatsAnchor } from "../segments/customer-stats.ts";
import type { CoreDeps } from "../deps.ts";
import { formatQuietHours, quietHoursEnd } from "../delivery/contact-policy.ts";
import { parseWallClock, zonedInstant } from "../time/zoned.ts";
import { audienceQuery } from "./audience.ts";
import { groupPower } from "./group-power.ts";
import { requireCampaign } from "./campaigns.ts";
import { bucketSql } from "./materialize.ts";
import { messageCount } from "../delivery/message-parts.ts";
import { campaignMessageSchema } from "./message-template.ts";
import { BASELINE_RATES, minimumDetectableDifference, neededPerVariant } from "./ab-winner.ts";
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
    neededPerVariant: neededPerVariant(baseline, DETECTABLE_RELATIVE),
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
  /**
   * The audience was counted as of the send time, an hour or more ahead: conditions on time ("within 2d",
   * lifecycle stages) may give a different count than a preview now.
   */
  countedAtSendTime: boolean;
  localTime: boolean;
  /** The longest text a recipient can get (the longest names Telegram allows filled in), in characters. */
  longestText: number;
  /** Telegram messages per recipient: more than 1 when the text is over Telegram's 4 096 characters. */
  messagesPerRecipient: number;
  /** Seconds to send everything at the configured rate (every part is a message). */
  etaSeconds: number;
  /** What the team should look at twice before scheduling. */
  warnings: PreflightWarning[];
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
  /** People per variant that would detect a 20% relative difference. */
  neededPerVariant: number;
}

/** Telegram's longest first and last names: what a placeholder can grow to. */
const LONGEST_NAME = "x".repeat(64);

/** Every variant's text in every language, with the longest names filled in. */
function longestRenderings(message: unknown): string[] {
  const parsed = campaignMessageSchema.safeParse(message);
  if (!parsed.success) return [];
  const texts = [parsed.data.A, parsed.data.B].flatMap((t) => (t ? (typeof t.text === "string" ? [t.text] : Object.values(t.text).filter((x): x is string => Boolean(x))) : []));
  return texts.map((t) => t.replace(/\{(first_name|last_name)\}/g, LONGEST_NAME).replace(/\{name\}/g, `${LONGEST_NAME} ${LONGEST_NAME}`));
}

export type PreflightWarning =
  /** The send time is more than FAR_AHEAD_DAYS away: a misread date ("10/12") looks like this. */
  | { kind: "far_ahead"; days: number }
  /** The holdout (against the recipients) or variant B (against A) cannot measure anything; `needed` null: no size could. */
  | { kind: "small_group"; group: "holdout" | "variant_b"; size: number; other: number; needed: number | null; balanced: number };

export const FAR_AHEAD_DAYS = 30;

export async function preflight(deps: CoreDeps, input: { campaignId: number; ratePerSecond: number }): Promise<Preflight> {
  const c = await requireCampaign(deps, input.campaignId);
  const audience = audienceQuery(deps, c.segment, c.sendAt > deps.clock.now() ? c.sendAt : deps.clock.now(), await windowStatsAnchor(deps.db), {
    recipientColumns: true,
  });
  const k = audience.params.length;
  const p = (n: number) => `$${k + n}`;
  // A split is hashed only when the campaign has it (an md5 per person and split: seconds at a million people).
  const split = (percent: string, salt: string, op: "<" | ">=") =>
    `CASE WHEN ${percent}::int > 0 THEN ${bucketSql(p(1), salt)} ${op} ${percent}::int ELSE false END`;
  const heldOut = split(p(2), "holdout", "<");
  const variantB = split(p(3), "variant", "<");
  const inRest = split(p(9), "test", ">=");
  // One pass counting the people per combination of what the card tells apart (timezone, consent,
  // reachable, holdout, variant, test, cap: a few hundred groups at most), summed here. No CTE read
  // twice and no column repeated in several FILTERs, so each split is hashed once per person and
  // PostgreSQL's parallel workers share the pass (a CTE keeps a plan in one process: 1.3 s for
  // everyone subscribed at a million customers).
  const groups = await deps.db.prisma.$queryRawUnsafe<{ timezone: string; consent_status: string; reachable: boolean; held_out: boolean; variant_b: boolean; in_rest: boolean; capped: boolean; n: number }[]>(
    `SELECT timezone, consent_status, reachable, held_out, variant_b, in_rest, capped, count(*)::int AS n
       FROM (
         -- The audience query returns each member once, with the columns the card needs (no join back).
         SELECT coalesce(s.timezone, ${p(8)}::text) AS timezone, s.consent_status, s.reachable,
                (s.reachable AND ${heldOut}) AS held_out,
                (s.reachable AND ${variantB}) AS variant_b,
                (s.reachable AND ${inRest}) AS in_rest,
                -- The frequency cap: people sent enough marketing messages lately, counted from the recent sends.
                (s.reachable AND s.id IN (
                  SELECT x.subscriber_id FROM delivery x
                   WHERE ${p(4)}::boolean AND x.kind = 'marketing' AND x.status = 'sent'
                     AND x.sent_at > ${p(5)}::timestamptz - (${p(6)}::int * interval '1 day')
                   GROUP BY x.subscriber_id HAVING count(*) >= ${p(7)}::int)) AS capped
           FROM (SELECT a.subscriber_id AS id, a.timezone, a.consent_status, a.reachable FROM (${audience.sql}) a) s
       ) candidates
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
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
  const count = (where: (g: (typeof groups)[number]) => boolean) => groups.reduce((sum, g) => sum + (where(g) ? Number(g.n) : 0), 0);
  const sendable = (g: (typeof groups)[number]) => g.reachable && !g.held_out && !g.capped;
  const totals = {
    matched: count(() => true),
    no_consent: count((g) => ["none", "pending", "declined"].includes(g.consent_status)),
    unsubscribed: count((g) => g.consent_status === "unsubscribed"),
    blocked: count((g) => g.consent_status === "subscribed" && !g.reachable),
    capped: count((g) => g.reachable && !g.held_out && g.capped),
    holdout: count((g) => g.reachable && g.held_out),
    b: count((g) => sendable(g) && g.variant_b),
    a: count((g) => sendable(g) && !g.variant_b),
    test_b: count((g) => sendable(g) && !g.in_rest && g.variant_b),
    test_a: count((g) => sendable(g) && !g.in_rest && !g.variant_b),
  };
  // Quiet hours depend on each recipient's timezone: few distinct zones, checked here in one place.
  let deferred = 0;
  for (const tz of new Set(groups.filter(sendable).map((g) => g.timezone))) {
    const at = c.localWallClock ? zonedInstant(parseWallClock(c.localWallClock), tz) : c.sendAt;
    if (quietHoursEnd(at, tz, deps.policy.quietHours)) deferred += count((g) => sendable(g) && g.timezone === tz);
  }
  const recipients = Number(totals.a) + Number(totals.b);
  const renderings = longestRenderings(c.message);
  const longestText = Math.max(0, ...renderings.map((t) => t.length));
  const messagesPerRecipient = Math.max(1, ...renderings.map((t) => messageCount(t)));
  const holdout = Number(totals.holdout);
  const [a, b] = [Number(totals.a), Number(totals.b)];
  const warnings: PreflightWarning[] = [
    ...farAhead(c.sendAt, deps.clock.now()),
    ...smallGroup("holdout", holdout, recipients),
    // A test that picks its winner has its own line with what it can detect.
    ...(c.testPercent > 0 ? [] : smallGroup("variant_b", b, a)),
  ];
  return {
    matched: Number(totals.matched),
    excluded: {
      noConsent: Number(totals.no_consent),
      unsubscribed: Number(totals.unsubscribed),
      blocked: Number(totals.blocked),
      frequencyCap: Number(totals.capped),
    },
    holdout,
    variantA: a,
    variantB: b,
    recipients,
    deferredByQuietHours: deferred,
    quietHours: formatQuietHours(deps.policy.quietHours),
    sendAt: c.sendAt,
    countedAtSendTime: c.sendAt.getTime() - deps.clock.now().getTime() >= 3_600_000,
    localTime: c.localTime,
    longestText,
    messagesPerRecipient,
    etaSeconds: Math.ceil((recipients * messagesPerRecipient) / input.ratePerSecond),
    warnings,
    abTest: c.testPercent > 0 ? abTestOf(c, Number(totals.test_a), Number(totals.test_b), recipients) : null,
  };
}

function farAhead(sendAt: Date, now: Date): PreflightWarning[] {
  const days = (sendAt.getTime() - now.getTime()) / 86_400_000;
  return days > FAR_AHEAD_DAYS ? [{ kind: "far_ahead", days: Math.round(days) }] : [];
}

function smallGroup(group: "holdout" | "variant_b", size: number, other: number): PreflightWarning[] {
  if (size === 0) return [];
  const power = groupPower(size, other);
  if (power.enough) return [];
  return [{ kind: "small_group", group, size, other, needed: Number.isFinite(power.needed) ? power.needed : null, balanced: power.balanced }];
}
