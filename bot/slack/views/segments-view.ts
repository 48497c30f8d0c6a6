// Block Kit for /segment: pure functions from the core's answers to blocks.
// Contacts in samples are masked unless the viewer may see personal data (admins).
import type { KnownBlock } from "@slack/types";
import type { SegmentSize } from "../../../core/segments/segment-sizes.ts";
import type { SegmentReport, SampleCustomer } from "../../../core/segments/segment-report.ts";
import type { SegmentView } from "../../../core/segments/show-segment.ts";
import { button, OPEN_CAMPAIGN_MODAL, OPEN_SEGMENT_MODAL } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";
import type { Translate } from "../../../core/i18n.ts";

const GROUPS = ["consent", "lifecycle", "rfm", "nps", "referrals"] as const;

export function segmentListView(segments: SegmentSize[], t: Translate): SlackReply {
  // A built-in segment shows the name to type after its label: `/segment show rfm:at_risk`, `/send rfm:at_risk ...`.
  const line = (s: SegmentSize) => {
    const name = s.segment.label ? capitalize(t(s.segment.label)) : s.segment.key;
    const key = s.segment.label ? ` · \`${s.segment.key}\`` : "";
    return `• *${name}*: ${formatCount(s.size)}${s.change === undefined ? "" : ` (${changeText(s.change, t)})`}${key}`;
  };
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("segment-list-title") } },
    { type: "context", elements: [{ type: "mrkdwn", text: t("segments-list-hint") }] },
  ];
  for (const group of [...GROUPS, "saved"] as const) {
    const members = segments.filter((s) => (group === "saved" ? s.segment.kind === "saved" : s.segment.group === group));
    const lines = members.map(line).join("\n") || t("segments-none-saved");
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${t(`segments-group-${group}`)}*\n${lines}` } });
  }
  blocks.push({ type: "actions", elements: [button(OPEN_SEGMENT_MODAL, {}, t("home-new-segment"))] });
  const summary = segments.map((s) => `${s.segment.label ? t(s.segment.label) : s.segment.key} ${s.size}`).join(", ");
  return { text: `${t("segment-list-title")}: ${summary}`, blocks };
}

export function segmentShowView(view: SegmentView, t: Translate, showContacts = false): SlackReply {
  const name = view.segment.label ? t(view.segment.label) : view.segment.key;
  const change = view.change === undefined ? "" : ` · ${changeText(view.change, t)}`;
  const actions: KnownBlock = { type: "actions", elements: [button(OPEN_CAMPAIGN_MODAL, { audience: view.segment.key }, t("home-new-campaign"), "primary")] };
  return withActions(reportView(name, view, `${view.words}\n${t("segments-text")}: \`${view.segment.text}\``, change, t, showContacts), actions);
}

export function segmentPreviewView(text: string, report: SegmentReport & { words: string }, t: Translate, showContacts = false): SlackReply {
  const rule = text.slice(0, 1800);
  const actions: KnownBlock = {
    type: "actions",
    elements: [button(OPEN_CAMPAIGN_MODAL, { audience: rule }, t("home-new-campaign"), "primary"), button(OPEN_SEGMENT_MODAL, { rule }, t("segments-save-as"))],
  };
  return withActions(reportView(t("segments-preview-title"), report, `${report.words}\n${t("segments-text")}: \`${text}\``, "", t, showContacts), actions);
}

function withActions(reply: SlackReply, actions: KnownBlock): SlackReply {
  return { ...reply, blocks: [...(reply.blocks ?? []), actions] };
}

function reportView(title: string, report: SegmentReport, definition: string, change: string, t: Translate, showContacts: boolean): SlackReply {
  const share = `${(report.share * 100).toFixed(1)}%`;
  const size = t("segments-size", { size: formatCount(report.size), share, base: formatCount(report.base) });
  const breakdowns = (["lifecycle", "rfm", "source", "language"] as const).map((dim) => {
    const rows = report.breakdowns[dim].map((g) => `${valueName(dim, g.value, t)} ${formatCount(g.count)}`).join(", ") || "-";
    return `*${t(`segments-breakdown-${dim}`)}*: ${rows}`;
  });
  const sample = report.sample.map((c) => sampleLine(c, showContacts)).join("\n") || "-";
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title } },
    { type: "section", text: { type: "mrkdwn", text: `${size}${change}` } },
    { type: "section", text: { type: "mrkdwn", text: `*${t("segments-definition")}*: ${definition}` } },
    { type: "section", text: { type: "mrkdwn", text: breakdowns.join("\n") } },
    { type: "section", text: { type: "mrkdwn", text: `*${t("segments-sample")}*\n${sample}` } },
  ];
  return { text: `${title}: ${report.size}`, blocks };
}

function valueName(dim: string, value: string, t: Translate): string {
  if (value === "none") return t("seg-unknown");
  if (dim === "lifecycle") return t(`seg-stage-${value}`);
  if (dim === "rfm") return t(`seg-rfm-${value}`);
  return value;
}

export function sampleLine(c: SampleCustomer, showContacts: boolean): string {
  // Without the right to see personal data: a first name and an initial, never the @username.
  const name = showContacts
    ? [c.firstName, c.lastName].filter(Boolean).join(" ") || (c.username ? `@${c.username}` : "")
    : [c.firstName, c.lastName ? `${c.lastName.slice(0, 1)}.` : null].filter(Boolean).join(" ");
  const email = c.email && (showContacts ? c.email : maskEmail(c.email));
  const phone = c.phone && (showContacts ? c.phone : maskPhone(c.phone));
  const contacts = [email, phone].filter(Boolean).join(", ");
  return `• ${name ? `${name} (#${c.id})` : `#${c.id}`}${contacts ? ` - ${contacts}` : ""}`;
}

export function maskEmail(email: string): string {
  const [user = "", domain = ""] = email.split("@");
  return `${user.slice(0, 1)}***@${domain}`;
}

export function maskPhone(phone: string): string {
  return `${"*".repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;
}

function capitalize(label: string): string {
  return label.charAt(0).toLocaleUpperCase() + label.slice(1);
}

function changeText(change: number, t: Translate): string {
  return t("segments-change", { change: Math.abs(change), sign: change > 0 ? "+" : change < 0 ? "-" : "" });
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US").replace(/,/g, " ");
}
