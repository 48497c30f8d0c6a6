// Block Kit for /campaigns: the list with progress, and one campaign's results.
import { abFiguresText } from "./ab-test-cards.ts";
import type { KnownBlock } from "@slack/types";
import type { CampaignReport } from "../../../core/campaigns/campaign-report.ts";
import type { DraftSummary } from "../../../core/campaigns/drafts.ts";
import type { CampaignSummary } from "../../../core/campaigns/list-campaigns.ts";
import type { SlackReply } from "../reply.ts";
import { formatMoney, formatNumber, formatPercent, formatWhen } from "./format.ts";
import type { Translate } from "../../../core/i18n.ts";

/** The campaigns, and (`openDrafts` > 0) where the unscheduled drafts are. */
export function campaignListView(lines: CampaignSummary[], t: Translate, timezone: string, language: string, openDrafts = 0): SlackReply {
  const drafts = openDrafts > 0 ? t("campaigns-drafts-hint", { count: openDrafts }) : undefined;
  if (lines.length === 0) return { text: drafts ? `${t("campaigns-empty")}\n${drafts}` : t("campaigns-empty") };
  const text = lines
    .map((c) =>
      t("campaigns-line", {
        id: c.id,
        name: c.name,
        status: t(`campaign-status-${c.status}`),
        when: formatWhen(c.sendAt, timezone, language),
        progress: t("campaigns-progress", { sent: formatNumber(c.sent, language), total: formatNumber(c.total, language) }),
      }),
    )
    .join("\n");
  return {
    text: `${t("campaigns-title")}\n${text}${drafts ? `\n${drafts}` : ""}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: t("campaigns-title") } },
      { type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } },
      ...(drafts ? [{ type: "context" as const, elements: [{ type: "mrkdwn" as const, text: drafts }] }] : []),
    ],
  };
}

/** `/campaigns drafts`: the pre-flight cards nobody scheduled yet. */
export function campaignDraftsView(drafts: DraftSummary[], t: Translate, timezone: string, language: string): SlackReply {
  if (drafts.length === 0) return { text: t("campaigns-drafts-empty") };
  const text = drafts
    .map((d) => t("campaigns-draft-line", { id: d.id, name: d.name, segment: d.segmentText.slice(0, 80), when: formatWhen(d.sendAt, timezone, language), user: d.createdBy }))
    .join("\n");
  return {
    text: `${t("campaigns-drafts-title")}\n${text}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: t("campaigns-drafts-title").slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } },
    ],
  };
}

function abTestLine(ab: NonNullable<CampaignReport["abTest"]>, t: Translate, timezone: string, language: string): string {
  const by = t(`ab-measure-${ab.by}`);
  const d = ab.decision;
  if (!d) return t("report-ab-waiting", { percent: ab.percent, by, when: ab.decideAt ? formatWhen(ab.decideAt, timezone, language) : "—", default: ab.defaultVariant });
  const figures = abFiguresText(d, t, language);
  return t("report-ab-decided", { percent: ab.percent, winner: d.winner, reason: d.reason, by, figures, when: formatWhen(new Date(d.decidedAt), timezone, language), user: d.decidedBy });
}

export function campaignReportView(r: CampaignReport, sendAt: Date, t: Translate, timezone: string, language: string): SlackReply {
  const n = (x: number) => formatNumber(x, language);
  const money = (x: number) => formatMoney(x, language);
  const pct = (x: number) => formatPercent(x, language);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const reasons = [...Object.entries(r.failed), ...Object.entries(r.skipped)].map(([k, v]) => `${k} ${n(v)}`).join(", ");
  const lines = [
    t("report-status", { status: t(`campaign-status-${r.status}`), when: formatWhen(sendAt, timezone, language) }),
    t("report-delivery", { delivered: n(r.delivered), failed: n(sum(r.failed)), skipped: n(sum(r.skipped)), pending: n(r.pending) }),
    ...(reasons ? [t("report-reasons", { reasons })] : []),
    t("report-clicks", { clicked: n(r.clicked), rate: pct(r.delivered ? r.clicked / r.delivered : 0) }),
    t("report-converted", { days: r.attributionDays, converted: n(r.treatment.converted), size: n(r.treatment.size), rate: pct(r.treatment.conversionRate), revenue: money(r.treatment.revenue) }),
  ];
  if (Object.keys(r.variants).length > 1) {
    for (const [variant, g] of Object.entries(r.variants)) {
      // An A/B test's rest: R while it waits, RA / RB once the winner went to it.
      const label = variant === "R" ? t("report-variant-rest-waiting") : /^R[AB]$/.test(variant) ? t("report-variant-rest", { winner: variant[1]! }) : variant;
      lines.push(t("report-variant", { variant: label, converted: n(g.converted), size: n(g.size), rate: pct(g.conversionRate), clicked: n(g.clicked), revenue: money(g.revenue) }));
    }
  }
  if (r.abTest) lines.push(abTestLine(r.abTest, t, timezone, language));
  if (r.holdout) {
    lines.push(t("report-holdout", { converted: n(r.holdout.converted), size: n(r.holdout.size), rate: pct(r.holdout.conversionRate), revenue: money(r.holdout.revenue) }));
    lines.push(t("report-lift", { conversions: n(r.incrementalConversions ?? 0), revenue: money(r.incrementalRevenue ?? 0) }));
    if (r.significance) lines.push(t("report-significance", { note: r.significance.note, p: formatNumber(r.significance.pValue, language, 3) }));
  } else {
    lines.push(t("report-no-holdout"));
  }
  lines.push(t("report-attributed", { revenue: money(r.attributedRevenue) }));
  if (r.romi !== null && r.cost !== null) lines.push(t("report-romi", { romi: `${formatNumber(r.romi, language, 1)}%`, cost: money(r.cost), basis: r.romiBasis ?? "attributed" }));
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("report-title", { id: r.id, name: r.name }).slice(0, 150) } },
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
  ];
  return { text: `${t("report-title", { id: r.id, name: r.name })}\n${lines.join("\n")}`, blocks };
}
