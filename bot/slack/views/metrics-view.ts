// /metrics: the key figures of a period against the previous one, each with
// its definition; by source, the acquisition figures per source.
import type { KnownBlock } from "@slack/types";
import type { CampaignReport } from "../../../core/campaigns/campaign-report.ts";
import type { SourceAcquisition } from "../../../core/metrics/acquisition.ts";
import type { KeyFigures } from "../../../core/metrics/key-figures.ts";
import type { SlackReply } from "../reply.ts";
import { formatFigureChange, formatFigureValue } from "./figure-format.ts";
import { formatMoney, formatNumber, formatPercent } from "./format.ts";
import type { Translate } from "../../../core/i18n.ts";
import type { ReferralFigures } from "../../../core/metrics/referrals.ts";
import { referralMetricsBlocks } from "./referral-metrics-view.ts";

const dayFormat = (language: string, timezone: string) =>
  new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: timezone });

export function periodLabel(from: Date, to: Date, language: string, timezone: string): string {
  const f = dayFormat(language, timezone);
  return `${f.format(from)} – ${f.format(new Date(to.getTime() - 1))}`;
}

export function metricsView(
  input: { figures: KeyFigures; scopeLabel?: string; campaigns: CampaignReport[]; referrals?: ReferralFigures; timezone: string; language: string },
  t: Translate,
): SlackReply {
  const { figures, language, timezone } = input;
  const lines = figures.figures.map((f) => {
    const change = formatFigureChange(f.unit, f.value, f.previous, language);
    return `*${f.label}:* ${formatFigureValue(f.unit, f.value, language)}${change ? `  ${change}` : ""}`;
  });
  const definitions = figures.figures.map((f) => `• *${f.label}* — ${f.definition}`);
  const period = periodLabel(figures.period.from, figures.period.to, language, timezone);
  const previous = periodLabel(figures.previousPeriod.from, figures.previousPeriod.to, language, timezone);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("metrics-title", { period }).slice(0, 150) } },
    { type: "context", elements: [{ type: "mrkdwn", text: t("metrics-compared", { previous, scope: input.scopeLabel ?? t("metrics-scope-all") }) }] },
    { type: "section", text: { type: "mrkdwn", text: lines.slice(0, 10).join("\n") } },
    { type: "section", text: { type: "mrkdwn", text: lines.slice(10).join("\n") } },
  ];
  if (input.campaigns.length > 0) {
    const rows = input.campaigns.map((c) =>
      t("metrics-campaign", {
        id: c.id,
        name: c.name,
        revenue: formatMoney(c.incrementalRevenue ?? c.attributedRevenue, language),
        romi: c.romi === null ? "—" : `${formatNumber(c.romi, language, 1)}%`,
        basis: c.romiBasis ?? "attributed",
      }),
    );
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${t("metrics-campaigns")}*\n${rows.join("\n")}`.slice(0, 2900) } });
  }
  if (input.referrals) blocks.push(...referralMetricsBlocks(input.referrals, t, language));
  blocks.push({ type: "divider" });
  for (let i = 0; i < definitions.length; i += 7) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: definitions.slice(i, i + 7).join("\n").slice(0, 2900) }] });
  }
  return { text: `${t("metrics-title", { period })}\n${lines.join("\n")}`, blocks };
}

export function sourcesView(input: { sources: SourceAcquisition[]; from: Date; to: Date; timezone: string; language: string }, t: Translate): SlackReply {
  const { language } = input;
  const period = periodLabel(input.from, input.to, language, input.timezone);
  if (input.sources.length === 0) return { text: t("metrics-sources-empty", { period }) };
  const rows = input.sources.map((s) =>
    t("metrics-source-line", {
      source: s.source,
      acquired: formatNumber(s.acquired, language),
      spend: formatMoney(s.spend, language),
      cac: s.cac === null ? "—" : formatMoney(Math.round(s.cac * 100) / 100, language),
      rate: s.acquisitionRate === null ? "—" : formatPercent(s.acquisitionRate, language),
    }),
  );
  const text = `*${t("metrics-sources-title", { period })}*\n${rows.join("\n")}\n_${t("metrics-sources-note")}_`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } }] };
}
