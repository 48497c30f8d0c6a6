// The referral section of /metrics (core/metrics/referrals.ts): its figures,
// the top referrers (first name and initial only) and the definitions.
import type { KnownBlock } from "@slack/types";
import type { ReferralFigures } from "../../../core/metrics/referrals.ts";
import { formatMoney, formatNumber, formatPercent } from "./format.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

export function referralMetricsBlocks(r: ReferralFigures, t: T, language: string): KnownBlock[] {
  const n = (x: number) => formatNumber(x, language);
  const pct = (x: number | null) => (x === null ? "—" : formatPercent(x, language));
  const lines = [
    t("metrics-referrals-share", { referred: n(r.referredSubscribers), total: n(r.newSubscribers), share: pct(r.referralShare) }),
    t("metrics-referrals-invitations", { opened: n(r.invitationsOpened), accepted: n(r.invitationsAccepted) }),
    t("metrics-referrals-customers", { revenue: formatMoney(Math.round(r.referredRevenue * 100) / 100, language), conversion: pct(r.referredConversion), customers: n(r.referredCustomers) }),
    t("metrics-referrals-k", { k: r.kFactor === null ? "—" : formatNumber(r.kFactor, language, 2), referrers: n(r.referrers) }),
  ];
  const top = r.topReferrers.map((x, i) => `${i + 1}. ${x.name} — ${n(x.friends)}`).join("\n") || t("metrics-referrals-top-none");
  return [
    { type: "section", text: { type: "mrkdwn", text: `*${t("metrics-referrals-title")}*\n${lines.join("\n")}` } },
    { type: "section", text: { type: "mrkdwn", text: `*${t("metrics-referrals-top")}*\n${top}` } },
    { type: "context", elements: [{ type: "mrkdwn", text: t("metrics-referrals-definitions") }] },
  ];
}
