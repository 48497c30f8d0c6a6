// /metrics: the key figures of a period against the previous one, in their
// units, and a button for the definitions (shown once, on request); by source,
// the acquisition figures per source.
import type { KnownBlock } from "@slack/types";
import type { CampaignReport } from "../../../core/campaigns/campaign-report.ts";
import type { SourceAcquisition } from "../../../core/metrics/acquisition.ts";
import type { Figure, KeyFigures } from "../../../core/metrics/key-figures.ts";
import { button, METRICS_DEFINITIONS } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";
import { formatFigure, formatFigureValue } from "./figure-format.ts";
import { formatNumber, formatPercent } from "./format.ts";
import type { Translate } from "../../../core/i18n.ts";
import type { ReferralFigures } from "../../../core/metrics/referrals.ts";
import { referralMetricsBlocks } from "./referral-metrics-view.ts";

const dayFormat = (language: string, timezone: string) =>
  new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: timezone });

export function periodLabel(from: Date, to: Date, language: string, timezone: string): string {
  const f = dayFormat(language, timezone);
  const [first, last] = [f.format(from), f.format(new Date(to.getTime() - 1))];
  // One day (yesterday, today) is named once.
  return first === last ? first : `${first} – ${last}`;
}

export function metricsView(
  input: { figures: KeyFigures; scopeLabel?: string; campaigns: CampaignReport[]; referrals?: ReferralFigures; timezone: string; language: string },
  t: Translate,
): SlackReply {
  const { figures, language, timezone } = input;
  const byKey = new Map(figures.figures.map((f) => [f.key, f]));
  const lines = figures.figures.map((f) => {
    let line = `*${f.label}:* ${formatFigure(f, language, t)}`;
    if (f.hint) line += ` _(${t(f.hint)})_`;
    if (f.key === "ltv_detailed" && f.value !== null) line += `\n      ${levers(byKey, language, t)}`;
    return line;
  });
  const period = periodLabel(figures.period.from, figures.period.to, language, timezone);
  const previous = periodLabel(figures.previousPeriod.from, figures.previousPeriod.to, language, timezone);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("metrics-title", { period }).slice(0, 150) } },
    { type: "context", elements: [{ type: "mrkdwn", text: t("metrics-compared", { previous, scope: input.scopeLabel ?? t("metrics-scope-all") }) }] },
    { type: "section", text: { type: "mrkdwn", text: lines.slice(0, 11).join("\n") } },
    { type: "section", text: { type: "mrkdwn", text: lines.slice(11).join("\n") } },
  ];
  if (input.campaigns.length > 0) {
    const rows = input.campaigns.map((c) =>
      t("metrics-campaign", {
        id: c.id,
        name: c.name,
        revenue: formatFigureValue("money", c.incrementalRevenue ?? c.attributedRevenue, language, t, byKey.get("revenue")?.currency),
        romi: c.romi === null ? "—" : `${formatNumber(c.romi, language, 1)}%`,
        basis: c.romiBasis ?? "attributed",
      }),
    );
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${t("metrics-campaigns")}*\n${rows.join("\n")}`.slice(0, 2900) } });
  }
  if (input.referrals) blocks.push(...referralMetricsBlocks(input.referrals, t, language));
  // The definitions are one click away, not under every answer.
  blocks.push({ type: "actions", elements: [button(METRICS_DEFINITIONS, "all", t("metrics-help-button"))] });
  return { text: `${t("metrics-title", { period })}\n${lines.join("\n")}`, blocks };
}

/** LTV's detailed form as its three levers: AOV x purchases per customer per month x lifetime. */
function levers(byKey: Map<string, Figure>, language: string, t: Translate): string {
  const value = (key: string) => {
    const f = byKey.get(key)!;
    if (f.byCurrency?.length) return f.byCurrency.map((c) => formatFigureValue(f.unit, c.value, language, t, c.currency)).join(" · ");
    return formatFigureValue(f.unit, f.value, language, t, f.currency);
  };
  return t("metrics-ltv-levers", { aov: value("aov"), rpr: value("purchases_per_customer_month"), lifetime: value("average_lifetime") });
}

/** Every figure's definition, in the order /metrics shows them: `/metrics help` and the "What do these mean?" button. */
export function definitionsView(figures: Pick<Figure, "label" | "definition">[], t: Translate): SlackReply {
  const definitions = figures.map((f) => `• *${f.label}* — ${f.definition}`);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${t("metrics-definitions-title")}*` } }];
  for (let i = 0; i < definitions.length; i += 7) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: definitions.slice(i, i + 7).join("\n").slice(0, 2900) } });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t("metrics-definitions-more") }] });
  return { text: `${t("metrics-definitions-title")}\n${definitions.join("\n")}`, blocks };
}

export function sourcesView(input: { sources: SourceAcquisition[]; currency: string | null; from: Date; to: Date; timezone: string; language: string }, t: Translate): SlackReply {
  const { language } = input;
  const money = (n: number) => formatFigureValue("money", n, language, t, input.currency);
  const period = periodLabel(input.from, input.to, language, input.timezone);
  if (input.sources.length === 0) return { text: t("metrics-sources-empty", { period }) };
  const rows = input.sources.map((s) =>
    t("metrics-source-line", {
      source: s.source,
      acquired: formatNumber(s.acquired, language),
      contacted: formatNumber(s.contacted, language),
      spend: s.spend > 0 ? money(s.spend) : "—",
      cac: s.cac === null ? "—" : money(s.cac),
      rate: s.acquisitionRate === null ? "—" : formatPercent(s.acquisitionRate, language),
    }),
  );
  const noSpend = input.sources.some((s) => s.spend === 0) ? `\n_${t("metrics-sources-no-spend")}_` : "";
  const text = `*${t("metrics-sources-title", { period })}*\n${rows.join("\n")}\n_${t("metrics-sources-note")}_${noSpend}`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } }] };
}
