// A key figure as the team reads it: the value in its unit, and its change
// against the previous period (points for NPS and percentages, % otherwise).
import type { Figure } from "../../../core/metrics/key-figures.ts";
import { formatMoney, formatNumber } from "./format.ts";

export function formatFigureValue(unit: Figure["unit"], value: number | null, language: string): string {
  if (value === null) return "—";
  switch (unit) {
    case "count":
      return formatNumber(value, language);
    case "money":
      return formatMoney(Math.round(value * 100) / 100, language);
    case "percent":
      return `${formatNumber(value, language, 1)}%`;
    case "score":
      return formatNumber(Math.round(value), language);
    case "ratio":
      return formatNumber(value, language, 2);
    case "months":
      return formatNumber(value, language, 1);
  }
}

/** "▲ +12%", "▼ −3 pts", "=" or "" when there is nothing to compare with. */
export function formatFigureChange(unit: Figure["unit"], value: number | null, previous: number | null, language: string): string {
  if (value === null || previous === null) return "";
  const inPoints = unit === "percent" || unit === "score";
  const delta = inPoints ? value - previous : previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100;
  if (delta === null) return value === 0 ? "=" : "▲ new";
  if (Math.abs(delta) < 0.05) return "=";
  const sign = delta > 0 ? "▲ +" : "▼ −";
  return `${sign}${formatNumber(Math.abs(delta), language, Math.abs(delta) < 10 ? 1 : 0)}${inPoints ? (language === "ru" ? " п." : " pts") : "%"}`;
}
