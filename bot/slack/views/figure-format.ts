// A key figure as the team reads it: the value in its unit (money with its
// currency, one amount per currency where the store has several; durations
// in months), and its change against the previous period (points for NPS
// and percentages, % otherwise).
import type { Translate } from "../../../core/i18n.ts";
import type { Figure } from "../../../core/metrics/key-figures.ts";
import { formatMoney, formatNumber, formatPercentValue } from "./format.ts";

type T = Translate;

export type ShownFigure = Pick<Figure, "unit" | "value" | "previous"> & Partial<Pick<Figure, "currency" | "byCurrency">>;

export function formatFigureValue(unit: Figure["unit"], value: number | null, language: string, t: T, currency?: string | null): string {
  if (value === null) return "—";
  switch (unit) {
    case "count":
      return formatNumber(value, language);
    case "money": {
      const amount = formatMoney(Math.round(value * 100) / 100, language);
      return currency ? `${amount} ${currency}` : amount;
    }
    case "percent":
      return formatPercentValue(value, language);
    case "score":
      return formatNumber(Math.round(value), language);
    case "ratio":
      return formatNumber(value, language, 2);
    case "per_month":
      return t("unit-per-month", { n: formatNumber(value, language, 3) });
    case "months":
      return t("unit-months", { n: formatNumber(value, language, 1) });
  }
}

/** "▲ +12%", "▼ −3 pts", "=" or "" when there is nothing to compare with. */
export function formatFigureChange(unit: Figure["unit"], value: number | null, previous: number | null, language: string, t: T): string {
  if (value === null || previous === null) return "";
  const inPoints = unit === "percent" || unit === "score";
  const delta = inPoints ? value - previous : previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100;
  if (delta === null) return value === 0 ? "=" : `▲ ${t("change-new")}`;
  if (Math.abs(delta) < 0.05) return "=";
  const sign = delta > 0 ? "▲ +" : "▼ −";
  const amount = formatNumber(Math.abs(delta), language, Math.abs(delta) < 10 ? 1 : 0);
  return `${sign}${inPoints ? t("change-points", { n: amount }) : `${amount}%`}`;
}

/** Value and change together; per currency ("300 USD ▲ +5% · 120 EUR =") where the store has several. */
export function formatFigure(f: ShownFigure, language: string, t: T, options: { previousValue?: boolean } = {}): string {
  const one = (value: number | null, previous: number | null, currency: string | null | undefined) => {
    const change = formatFigureChange(f.unit, value, previous, language, t);
    const before = options.previousValue && previous !== null ? ` (${formatFigureValue(f.unit, previous, language, t, currency)})` : "";
    return `${formatFigureValue(f.unit, value, language, t, currency)}${change ? `  ${change}${before}` : ""}`;
  };
  if (f.byCurrency?.length) return f.byCurrency.map((c) => one(c.value, c.previous, c.currency)).join(" · ");
  return one(f.value, f.previous, f.currency);
}
