// The weekly digest as data: the key figures of a period next to the period
// before, each with a one-line reading; new subscribers by source; the loyalty
// funnel and who moved between its stages; the campaigns that finished; the
// detractors and their reasons; the series behind the charts; and the one
// campaign the digest proposes (propose-action.ts). Numbers only - the words
// come from locales/<lang>/digest.ftl when a destination renders it in its
// language, so one digest serves every channel.
import { campaignReport } from "../campaigns/campaign-report.ts";
import { chainWeek, type ChainAdvice, type DigestChain } from "../chains/chain-week.ts";
import type { CoreDeps } from "../deps.ts";
import { cohortRetention, type Cohort } from "../metrics/cohort-retention.ts";
import { currenciesOf, derive, inCurrencies, type Figure, type FigureKey, type FigureUnit } from "../metrics/key-figures.ts";
import { latestCurrency } from "../metrics/store-currency.ts";
import { npsTrend, type NpsWeek } from "../metrics/nps-trend.ts";
import { periodFigures, type PeriodFigures } from "../metrics/period-figures.ts";
import { checkPeriod, monthsIn, previousPeriod, type Period } from "../metrics/period.ts";
import { subscribersBySource, type SourceGain } from "../metrics/subscribers-by-source.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { proposeAction, readSignals, type Proposal, type SignalReading } from "./propose-action.ts";
import { stageMovement, type StageMovement } from "./stage-snapshots.ts";
import { weekDetractors, type WeekDetractors } from "./week-detractors.ts";
import { weekReferrals, type WeekReferrals } from "./week-referrals.ts";

/** The figures of the digest, in the order it shows them. */
export const DIGEST_FIGURES = [
  "nps",
  "subscribers_gained",
  "subscribers_lost",
  "blocked",
  "active_customers",
  "revenue",
  "aov",
  "repeat_customer_rate",
  "ltv",
  "retention_rate",
] as const satisfies readonly FigureKey[];
export type DigestFigureKey = (typeof DIGEST_FIGURES)[number];

const UNITS: Record<DigestFigureKey, FigureUnit> = {
  nps: "score",
  subscribers_gained: "count",
  subscribers_lost: "count",
  blocked: "count",
  active_customers: "count",
  revenue: "money",
  aov: "money",
  repeat_customer_rate: "percent",
  ltv: "money",
  retention_rate: "percent",
};

/** NPS bands (DOMAIN.md): > 50 excellent, 30-50 good, < 30 warning, < 0 act now. */
export type NpsBand = "excellent" | "good" | "warning" | "act_now";
/** Fewer NPS answers than this: the reading says to take the score as a hint. */
export const FEW_NPS_ANSWERS = 30;

/** A sentence from locales/<lang>/digest.ftl and its variables. */
export interface Reading {
  key: string;
  vars: Record<string, string | number>;
}

export interface DigestFigure extends Pick<Figure, "currency" | "byCurrency"> {
  key: DigestFigureKey;
  value: number | null;
  previous: number | null;
  unit: FigureUnit;
  reading: Reading;
}

export interface DigestCampaign {
  id: number;
  name: string;
  finishedAt: Date;
  delivered: number;
  holdout: number;
  incrementalRevenue: number | null;
  attributedRevenue: number;
  cost: number | null;
  romi: number | null;
  romiBasis: "incremental" | "attributed" | null;
  significance: "significant" | "not_significant" | "too_small" | null;
  /** Orders up to this instant can still be attributed to it: its figures may grow. */
  countingUntil: Date | null;
}

export interface Digest {
  period: Period;
  previousPeriod: Period;
  /** A calendar week: the texts say "this week" / "last week" rather than "this period". */
  weekly: boolean;
  generatedAt: Date;
  figures: DigestFigure[];
  sources: SourceGain[];
  movement: StageMovement;
  campaigns: DigestCampaign[];
  detractors: WeekDetractors;
  npsTrend: NpsWeek[];
  cohorts: Cohort[];
  signals: SignalReading[];
  proposal: Proposal | null;
  /** What each trigger chain did, and the one to look at (pause or fix). */
  chains: DigestChain[];
  chainAdvice: ChainAdvice | null;
  /** Friends who joined by invitation, the loyal -> new arrow, promoters (week-referrals.ts). */
  referrals: WeekReferrals;
}

const MAX_CAMPAIGNS = 10;
const TREND_WEEKS = 12;
const COHORT_MONTHS = 12;

export async function buildDigest(deps: CoreDeps, options: { period: Period }): Promise<Digest> {
  const period = checkPeriod(options.period);
  const before = previousPeriod(period);
  const lastInstant = new Date(period.to.getTime() - 1);
  const [now, then, sources, detractors, trend, cohorts, campaigns, fallbackCurrency] = await Promise.all([
    periodFigures(deps, { period }),
    periodFigures(deps, { period: before }),
    subscribersBySource(deps, { period }),
    weekDetractors(deps, { period }),
    npsTrend(deps, { weeks: TREND_WEEKS, until: lastInstant }),
    cohortRetention(deps, { months: COHORT_MONTHS, until: lastInstant }),
    finishedCampaigns(deps, period),
    latestCurrency(deps),
  ]);
  const chainsWeek = await chainWeek(deps, deps.chains ?? [], period, before);
  const movement = await stageMovement(deps, { from: period.from, to: period.to });
  const referrals = await weekReferrals(deps, { period });
  const proposal = await proposeAction(deps, { movement, detractors, referrals, from: period.from, to: period.to });
  const budget = analyticsSettingsOf(deps).budget;
  const months = monthsIn(period);
  const monthsBefore = monthsIn(before);
  const current = derive(now, months, undefined, budget);
  const previous = derive(then, monthsBefore, undefined, budget);
  const money = inCurrencies({ f: now, months }, { f: then, months: monthsBefore }, budget, fallbackCurrency);
  return {
    period,
    previousPeriod: before,
    weekly: isCalendarWeek(period, deps.teamTimezone),
    generatedAt: deps.clock.now(),
    figures: DIGEST_FIGURES.map((key) => ({
      key,
      unit: UNITS[key],
      ...money(key, current[key], previous[key]),
      reading: readingOf(key, { now, then, current, previous, sources, currency: currenciesOf(now, then, fallbackCurrency).single }),
    })),
    sources,
    movement,
    campaigns,
    detractors,
    npsTrend: trend,
    cohorts,
    signals: readSignals(movement, detractors, referrals),
    proposal,
    chains: chainsWeek.chains,
    chainAdvice: chainsWeek.advice,
    referrals,
  };
}

export function npsBand(nps: number): NpsBand {
  if (nps > 50) return "excellent";
  if (nps >= 30) return "good";
  if (nps >= 0) return "warning";
  return "act_now";
}

interface ReadingInput {
  now: PeriodFigures;
  then: PeriodFigures;
  current: Record<FigureKey, number | null>;
  previous: Record<FigureKey, number | null>;
  sources: SourceGain[];
  /** The money readings' currency; null with several (then the readings show bare numbers). */
  currency: string | null;
}

/** The one-line reading under each figure: what moved it, or what it means. */
function readingOf(key: DigestFigureKey, x: ReadingInput): Reading {
  const { now, then, current } = x;
  switch (key) {
    case "nps": {
      const nps = current.nps;
      if (nps === null) return { key: "digest-reading-nps-none", vars: {} };
      return { key: "digest-reading-nps", vars: { band: npsBand(nps), responses: now.npsResponses, few: now.npsResponses < FEW_NPS_ANSWERS ? "yes" : "no" } };
    }
    case "subscribers_gained": {
      const top = x.sources.find((s) => s.gained > 0);
      if (!top) return { key: "digest-reading-gained-none", vars: {} };
      return { key: "digest-reading-gained", vars: { source: top.source ?? "", known: top.source ? "yes" : "no", count: top.gained, total: now.gained } };
    }
    case "subscribers_lost": {
      const net = now.gained - now.lost - now.blocked;
      return { key: "digest-reading-net", vars: { net: Math.abs(net), sign: net > 0 ? "up" : net < 0 ? "down" : "flat" } };
    }
    case "blocked": {
      const trend = now.blocked === 0 && then.blocked === 0 ? "none" : now.blocked > then.blocked ? "up" : now.blocked < then.blocked ? "down" : "same";
      return { key: "digest-reading-blocked", vars: { trend } };
    }
    case "active_customers":
      return { key: "digest-reading-active", vars: { first: now.buyers - now.repeatBuyers, returning: now.repeatBuyers } };
    case "revenue": {
      const driver = revenueDriver(now, then);
      return { key: "digest-reading-revenue", vars: { orders: now.orders, aov: round2(current.aov ?? 0), currency: x.currency ?? "none", driver } };
    }
    case "aov":
      if (current.purchase_frequency === null) return { key: "digest-reading-aov-none", vars: {} };
      return { key: "digest-reading-aov", vars: { frequency: round2(current.purchase_frequency) } };
    case "repeat_customer_rate":
      return { key: "digest-reading-repeat", vars: { returning: now.repeatBuyers, buyers: now.buyers } };
    case "ltv":
      if (current.ltv === null) return { key: "digest-reading-ltv-none", vars: {} };
      return { key: "digest-reading-ltv", vars: { lifetime: round1(current.average_lifetime ?? 0), arpu: round2(current.arpu ?? 0), currency: x.currency ?? "none" } };
    case "retention_rate":
      if (now.previousBuyers === 0) return { key: "digest-reading-retention-none", vars: {} };
      return { key: "digest-reading-retention", vars: { retained: now.retained, buyers: now.previousBuyers } };
  }
}

/**
 * Revenue = orders x average order value: which of the two moved more
 * (relative change) explains the change in revenue.
 */
export function revenueDriver(now: Pick<PeriodFigures, "orders" | "revenue">, then: Pick<PeriodFigures, "orders" | "revenue">): "orders" | "aov" | "none" {
  if (then.orders === 0 || now.orders === 0 || now.revenue === then.revenue) return "none";
  const ordersChange = Math.abs(Math.log(now.orders / then.orders));
  const aovNow = now.revenue / now.orders;
  const aovThen = then.revenue / then.orders;
  // From or to free orders only: the order value is what changed.
  const aovChange = aovNow > 0 && aovThen > 0 ? Math.abs(Math.log(aovNow / aovThen)) : Number.POSITIVE_INFINITY;
  return ordersChange >= aovChange ? "orders" : "aov";
}

async function finishedCampaigns(deps: CoreDeps, period: Period): Promise<DigestCampaign[]> {
  const rows = await deps.db.prisma.campaign.findMany({
    where: { status: "completed", finishedAt: { gte: period.from, lt: period.to } },
    orderBy: [{ finishedAt: "asc" }, { id: "asc" }],
    take: MAX_CAMPAIGNS,
    select: { id: true, finishedAt: true },
  });
  const now = deps.clock.now();
  const out: DigestCampaign[] = [];
  for (const row of rows) {
    const r = await campaignReport(deps, row.id);
    const until = new Date(row.finishedAt!.getTime() + r.attributionDays * 86_400_000);
    out.push({
      id: r.id,
      name: r.name,
      finishedAt: row.finishedAt!,
      delivered: r.delivered,
      holdout: r.holdout?.size ?? 0,
      incrementalRevenue: r.incrementalRevenue,
      attributedRevenue: r.attributedRevenue,
      cost: r.cost,
      romi: r.romi,
      romiBasis: r.romiBasis,
      significance: r.significance?.note ?? null,
      countingUntil: until > now ? until : null,
    });
  }
  return out;
}

function isCalendarWeek(period: Period, timezone: string): boolean {
  const days = (period.to.getTime() - period.from.getTime()) / 86_400_000;
  if (days < 6.9 || days > 7.1) return false;
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: timezone, weekday: "short" }).format(period.from);
  return weekday === "Mon";
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
