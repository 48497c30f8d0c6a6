// The App Home tab: a compact dashboard.
import type { HomeView, KnownBlock } from "@slack/types";
import type { Dashboard } from "../../../core/metrics/dashboard.ts";
import { button, OPEN_CAMPAIGN_MODAL, OPEN_SEGMENT_MODAL } from "../action-values.ts";
import { formatFigure } from "./figure-format.ts";
import { formatWhen } from "./format.ts";
import type { Translate } from "../../../core/i18n.ts";

export function homeView(d: Dashboard, t: Translate, timezone: string, language: string, extra: KnownBlock[] = []): HomeView {
  const figures = d.figures.map((f) => {
    return { type: "mrkdwn" as const, text: `*${f.label}*\n${formatFigure(f, language, t)}` };
  });
  const campaigns = d.nextCampaigns.length
    ? d.nextCampaigns.map((c) => `#${c.id} *${c.name}* — ${t(`campaign-status-${c.status}`)} — ${formatWhen(c.sendAt, timezone, language)}`).join("\n")
    : t("home-no-campaigns");
  const detractors = d.detractors.length
    ? d.detractors.map((x) => `*${x.score}* — ${x.firstName ?? "—"}${x.comment ? `: “${x.comment.slice(0, 140)}”` : ""} _(${formatWhen(x.answeredAt, timezone, language)})_`).join("\n")
    : t("home-no-detractors");
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("home-title") } },
    { type: "actions", elements: [button(OPEN_CAMPAIGN_MODAL, {}, t("home-new-campaign"), "primary"), button(OPEN_SEGMENT_MODAL, {}, t("home-new-segment"))] },
    { type: "context", elements: [{ type: "mrkdwn", text: t("home-period") }] },
    { type: "section", fields: figures.slice(0, 10) },
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: `*${t("home-campaigns")}*\n${campaigns}` } },
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: `*${t("home-detractors")}*\n${detractors}`.slice(0, 2900) } },
    ...(extra.length ? [{ type: "divider" } as KnownBlock, ...extra] : []),
    { type: "context", elements: [{ type: "mrkdwn", text: t("home-help") }] },
  ];
  // Slack shows at most 100 blocks on App Home.
  return { type: "home", blocks: blocks.slice(0, 100) };
}
