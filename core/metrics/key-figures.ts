// The key figures of a period next to the previous period's (Slack /metrics,
// the weekly digest). Every figure carries its definition, in the team's
// language, so a reader can check it (locales/<lang>/metrics.ftl).
import type { CoreDeps } from "../deps.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { acquisitionBySource, type SourceAcquisition } from "./acquisition.ts";
import type { MetricScope } from "./metric-scope.ts";
import { periodFigures, type PeriodFigures } from "./period-figures.ts";
import { checkPeriod, DAYS_PER_MONTH, monthsIn, previousPeriod, type Period } from "./period.ts";

export const FIGURES = [
  "subscribers_gained",
  "subscribers_lost",
  "blocked",
  "nps",
  "nps_responses",
  "active_customers",
  "revenue",
  "orders",
  "aov",
  "purchase_frequency",
  "repeat_purchase_rate",
  "retention_rate",
  "churn_rate",
  "average_lifetime",
  "arpu",
  "ltv",
  "ltv_detailed",
  "cac",
  "acquisition_rate",
  "crm_budget",
] as const;
export type FigureKey = (typeof FIGURES)[number];

export type FigureUnit = "count" | "money" | "percent" | "score" | "ratio" | "months";

export interface Figure {
  key: FigureKey;
  /** null when the figure is undefined for the period (no orders -> no AOV). */
  value: number | null;
  previous: number | null;
  unit: FigureUnit;
  label: string;
  definition: string;
}

export interface KeyFigures {
  period: Period;
  previousPeriod: Period;
  scope: MetricScope;
  figures: Figure[];
}

const UNITS: Record<FigureKey, FigureUnit> = {
  subscribers_gained: "count",
  subscribers_lost: "count",
  blocked: "count",
  nps: "score",
  nps_responses: "count",
  active_customers: "count",
  revenue: "money",
  orders: "count",
  aov: "money",
  purchase_frequency: "ratio",
  repeat_purchase_rate: "percent",
  retention_rate: "percent",
  churn_rate: "percent",
  average_lifetime: "months",
  arpu: "money",
  ltv: "money",
  ltv_detailed: "money",
  cac: "money",
  acquisition_rate: "percent",
  crm_budget: "money",
};

export async function keyFigures(deps: CoreDeps, options: { period: Period; scope?: MetricScope; language?: string }): Promise<KeyFigures> {
  const period = checkPeriod(options.period);
  const before = previousPeriod(period);
  // Side by side: on a PostgreSQL server the two periods run on two connections at once.
  const [now, then] = await Promise.all([computeFigures(deps, period, options.scope), computeFigures(deps, before, options.scope)]);
  const language = options.language ?? "en";
  const s = analyticsSettingsOf(deps);
  const vars = { margin: `${Math.round(s.budget.margin * 100)}%`, share: `${Math.round(s.budget.returnShare * 100)}%` };
  return {
    period,
    previousPeriod: before,
    scope: options.scope,
    figures: FIGURES.map((key) => ({
      key,
      value: now[key],
      previous: then[key],
      unit: UNITS[key],
      label: deps.translator.t(language, `metric-${key}`),
      definition: deps.translator.t(language, `metric-${key}-definition`, vars),
    })),
  };
}

async function computeFigures(deps: CoreDeps, period: Period, scope: MetricScope): Promise<Record<FigureKey, number | null>> {
  const [f, acquisition] = await Promise.all([
    periodFigures(deps, { period, scope }),
    scope && "segment" in scope ? undefined : acquisitionBySource(deps, { period, ...(scope ? { source: scope.source } : {}) }),
  ]);
  return derive(f, monthsIn(period), acquisition, analyticsSettingsOf(deps).budget);
}

/** The formulas, on the raw aggregates; exported so the tests can show the arithmetic. */
export function derive(
  f: PeriodFigures,
  months: number,
  acquisition: SourceAcquisition[] | undefined,
  budget: { margin: number; returnShare: number },
): Record<FigureKey, number | null> {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const aov = ratio(f.revenue, f.orders);
  const frequency = ratio(f.orders, f.buyers);
  const retention = ratio(f.retained, f.previousBuyers);
  const lifetime = f.lifetimeDays === null ? null : f.lifetimeDays / DAYS_PER_MONTH;
  const arpu = f.customers > 0 && months > 0 ? f.revenue / f.customers / months : null;
  const spend = acquisition?.reduce((sum, a) => sum + a.spend, 0) ?? 0;
  const acquired = acquisition?.reduce((sum, a) => sum + a.acquired, 0) ?? 0;
  const contacted = acquisition?.reduce((sum, a) => sum + a.contacted, 0) ?? 0;
  const times = (...xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((p, x) => p * x!, 1));
  return {
    subscribers_gained: f.gained,
    subscribers_lost: f.lost,
    blocked: f.blocked,
    nps: f.npsResponses > 0 ? ((f.promoters - f.detractors) / f.npsResponses) * 100 : null,
    nps_responses: f.npsResponses,
    active_customers: f.buyers,
    revenue: f.revenue,
    orders: f.orders,
    aov,
    purchase_frequency: frequency,
    repeat_purchase_rate: times(ratio(f.repeatBuyers, f.buyers), 100),
    retention_rate: times(retention, 100),
    churn_rate: retention === null ? null : (1 - retention) * 100,
    average_lifetime: lifetime,
    arpu,
    ltv: times(lifetime, arpu),
    ltv_detailed: times(aov, frequency === null ? null : frequency / months, lifetime),
    cac: acquisition && spend > 0 ? ratio(spend, acquired) : null,
    acquisition_rate: acquisition ? times(ratio(acquired, contacted), 100) : null,
    crm_budget: times(arpu, budget.margin, budget.returnShare, f.customers, 12),
  };
}
