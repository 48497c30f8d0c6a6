// The key figures of a period next to the previous period's (Slack /metrics,
// the weekly digest). Each figure's definition, in the team's language, is
// in locales/<lang>/metrics.ftl and explained with a worked example in
// docs/metrics.md; the formulas are in `derive` below, in one place.
import type { CoreDeps } from "../deps.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { acquisitionBySource, type SourceAcquisition } from "./acquisition.ts";
import type { MetricScope } from "./metric-scope.ts";
import { periodFigures, type PeriodFigures } from "./period-figures.ts";
import { latestCurrency } from "./store-currency.ts";
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
  "repeat_customer_rate",
  "purchases_per_customer_month",
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

export type FigureUnit = "count" | "money" | "percent" | "score" | "ratio" | "per_month" | "months";

export const UNITS: Record<FigureKey, FigureUnit> = {
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
  repeat_customer_rate: "percent",
  purchases_per_customer_month: "per_month",
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

export interface Figure {
  key: FigureKey;
  /** null when the figure is undefined for the period (no orders -> no AOV), or for money in several currencies (see byCurrency). */
  value: number | null;
  previous: number | null;
  unit: FigureUnit;
  /** The currency of a money figure; null when the store's orders are in several (then byCurrency has one row each). */
  currency: string | null;
  byCurrency?: { currency: string; value: number | null; previous: number | null }[];
  /** Why the value is missing and what to do, as a locale key (CAC without spend entered). */
  hint?: string;
  label: string;
  definition: string;
}

export interface KeyFigures {
  period: Period;
  previousPeriod: Period;
  scope: MetricScope;
  figures: Figure[];
}

type Values = Record<FigureKey, number | null>;

/** Every figure's name and definition, in the order /metrics shows them: `/metrics help` and the "What do these mean?" button. */
export function figureDefinitions(deps: Pick<CoreDeps, "translator" | "analytics">, language: string): { key: FigureKey; label: string; definition: string }[] {
  const s = analyticsSettingsOf(deps);
  const vars = { margin: `${Math.round(s.budget.margin * 100)}%`, share: `${Math.round(s.budget.returnShare * 100)}%` };
  return FIGURES.map((key) => ({ key, label: deps.translator.t(language, `metric-${key}`), definition: deps.translator.t(language, `metric-${key}-definition`, vars) }));
}

export async function keyFigures(deps: CoreDeps, options: { period: Period; scope?: MetricScope; language?: string }): Promise<KeyFigures> {
  const period = checkPeriod(options.period);
  const before = previousPeriod(period);
  // Side by side: on a PostgreSQL server the two periods run on two connections at once.
  const [now, then, fallbackCurrency] = await Promise.all([
    computeFigures(deps, period, options.scope),
    computeFigures(deps, before, options.scope),
    latestCurrency(deps),
  ]);
  const definitions = figureDefinitions(deps, options.language ?? "en");
  const money = inCurrencies(now, then, analyticsSettingsOf(deps).budget, fallbackCurrency);
  return {
    period,
    previousPeriod: before,
    scope: options.scope,
    figures: definitions.map(({ key, label, definition }) => {
      const figure: Figure = { key, unit: UNITS[key], label, definition, ...money(key, now.values[key], then.values[key]) };
      if (key === "cac" && now.values.cac === null && now.spend === 0 && now.acquisitionKnown) figure.hint = "metric-cac-no-spend";
      return figure;
    }),
  };
}

async function computeFigures(deps: CoreDeps, period: Period, scope: MetricScope) {
  const [f, acquisition] = await Promise.all([
    periodFigures(deps, { period, scope }),
    scope && "segment" in scope ? undefined : acquisitionBySource(deps, { period, ...(scope ? { source: scope.source } : {}) }),
  ]);
  const months = monthsIn(period);
  return {
    f,
    months,
    values: derive(f, months, acquisition, analyticsSettingsOf(deps).budget),
    spend: acquisition?.reduce((sum, a) => sum + a.spend, 0) ?? 0,
    acquisitionKnown: acquisition !== undefined,
  };
}

type Computed = { f: PeriodFigures; months: number };

/** The currencies of two periods' orders; `single` when there is one (or none: `fallback`, the store's). */
export function currenciesOf(now: PeriodFigures, then: PeriodFigures, fallback: string | null): { currencies: string[]; single: string | null } {
  const currencies = [...new Set([...now.sales, ...then.sales].map((c) => c.currency))].sort();
  return { currencies, single: currencies.length <= 1 ? (currencies[0] ?? fallback) : null };
}

/**
 * Money figures in their currency. With one currency (or none yet: the latest order's),
 * the figure as computed; with several, no total (a sum across currencies means nothing)
 * but the figure per currency, from that currency's revenue and orders. CAC is in the
 * currency the team enters spend in, the store's.
 */
export function inCurrencies(now: Computed, then: Computed, budget: { margin: number; returnShare: number }, fallback: string | null) {
  const { currencies, single } = currenciesOf(now.f, then.f, fallback);
  const inCurrency = (x: Computed, currency: string) => {
    const c = x.f.sales.find((r) => r.currency === currency);
    return derive({ ...x.f, revenue: c?.revenue ?? 0, orders: c?.orders ?? 0 }, x.months, undefined, budget);
  };
  return (key: FigureKey, value: number | null, previous: number | null): Pick<Figure, "value" | "previous" | "currency" | "byCurrency"> => {
    if (UNITS[key] !== "money") return { value, previous, currency: null };
    if (single !== null || key === "cac") return { value, previous, currency: single };
    return {
      value: null,
      previous: null,
      currency: null,
      byCurrency: currencies.map((currency) => ({ currency, value: inCurrency(now, currency)[key], previous: inCurrency(then, currency)[key] })),
    };
  };
}

/**
 * The formulas, on the raw aggregates; exported so the tests can show the arithmetic.
 * Both LTV forms stand on one base, the customer base (everyone who had bought by the
 * period's end), so they agree for any period:
 *   ARPU = revenue / customers / months
 *   purchases per customer per month (RPR) = orders / customers / months
 *   LTV = lifetime x ARPU = AOV x RPR x lifetime, since AOV x RPR = revenue / customers / months.
 */
export function derive(f: PeriodFigures, months: number, acquisition: SourceAcquisition[] | undefined, budget: { margin: number; returnShare: number }): Values {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const aov = ratio(f.revenue, f.orders);
  const retention = ratio(f.retained, f.previousBuyers);
  const lifetime = f.lifetimeDays === null ? null : f.lifetimeDays / DAYS_PER_MONTH;
  const perCustomerMonth = (x: number) => (f.customers > 0 && months > 0 ? x / f.customers / months : null);
  const arpu = perCustomerMonth(f.revenue);
  const rpr = perCustomerMonth(f.orders);
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
    purchase_frequency: ratio(f.orders, f.buyers),
    repeat_customer_rate: times(ratio(f.repeatBuyers, f.buyers), 100),
    purchases_per_customer_month: rpr,
    retention_rate: times(retention, 100),
    churn_rate: retention === null ? null : (1 - retention) * 100,
    average_lifetime: lifetime,
    arpu,
    ltv: times(lifetime, arpu),
    ltv_detailed: times(aov, rpr, lifetime),
    cac: acquisition && spend > 0 ? ratio(spend, acquired) : null,
    acquisition_rate: acquisition ? times(ratio(acquired, contacted), 100) : null,
    crm_budget: times(arpu, budget.margin, budget.returnShare, f.customers, 12),
  };
}
