// Numbers, money, dates and durations as the team reads them, in the team's
// language and timezone.
import type { Translate } from "../../../core/i18n.ts";

const locale = (language: string) => (language === "ru" ? "ru-RU" : "en-GB");

export function formatWhen(date: Date, timezone: string, language: string): string {
  const text = new Intl.DateTimeFormat(locale(language), {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: timezone,
  }).format(date);
  return `${text} (${timezone})`;
}

export function formatNumber(n: number, language: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(n);
}

export function formatMoney(n: number, language: string): string {
  return formatNumber(n, language, Number.isInteger(n) ? 0 : 2);
}

export function formatPercent(ratio: number, language: string): string {
  return formatPercentValue(ratio * 100, language);
}

/**
 * A percentage (already times 100): one decimal, or two significant digits under 1 %, where one
 * decimal would say "0.0%" of 2 acquired out of 4 667 contacted (0.043%).
 */
export function formatPercentValue(percent: number, language: string): string {
  const small = percent !== 0 && Math.abs(percent) < 1;
  return `${formatNumber(percent, language, small ? 1 - Math.floor(Math.log10(Math.abs(percent))) : 1)}%`;
}

export function formatDuration(seconds: number, t: Translate): string {
  if (seconds < 60) return t("duration-seconds", { n: Math.max(1, Math.round(seconds)) });
  if (seconds < 3600) return t("duration-minutes", { n: Math.round(seconds / 60) });
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return m ? `${t("duration-hours", { n: h })} ${t("duration-minutes", { n: m })}` : t("duration-hours", { n: h });
}
