// The pre-flight card /send answers with: the numbers, a rendered preview,
// and Schedule (or Submit for approval) / Edit / Cancel.
import type { KnownBlock } from "@slack/types";
import { DEFAULT_POWER } from "../../../core/campaigns/group-power.ts";
import type { Preflight, PreflightWarning } from "../../../core/campaigns/preflight.ts";
import type { DateOrder } from "../../../core/campaigns/read-date.ts";
import type { OutgoingMessage } from "../../../core/ports.ts";
import { button, CAMPAIGN_DISCARD, CAMPAIGN_EDIT, CAMPAIGN_SCHEDULE } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";
import { formatDuration, formatMoney, formatNumber, formatWhen } from "./format.ts";
import type { Translate } from "../../../core/i18n.ts";

export interface PreflightCardInput {
  campaignId: number;
  name: string;
  segmentText: string;
  preflight: Preflight;
  previewA?: OutgoingMessage;
  previewB?: OutgoingMessage;
  /** What kind of content goes out when it is not a message (a survey, a flow). */
  otherContent?: string;
  cost: number | null;
  approvalRequired: boolean;
  /** The command as typed, offered back by Edit. */
  command: string;
  timezone: string;
  language: string;
  rate: number;
  /** How numeric dates were read, named when the send time is far ahead. */
  dateOrder?: DateOrder;
}

export function preflightCard(input: PreflightCardInput, t: Translate): SlackReply {
  const { preflight: pf, language } = input;
  const n = (x: number) => formatNumber(x, language);
  const when = formatWhen(pf.sendAt, input.timezone, language);
  const lines = [
    t("preflight-segment", { segment: `\`${input.segmentText}\`` }),
    t(pf.localTime ? "preflight-when-local" : "preflight-when", { when }),
    t(pf.countedAtSendTime ? "preflight-matched-at-send" : "preflight-matched", { matched: n(pf.matched) }),
    t("preflight-recipients", { recipients: n(pf.recipients) }),
    t("preflight-excluded", {
      noConsent: n(pf.excluded.noConsent),
      unsubscribed: n(pf.excluded.unsubscribed),
      blocked: n(pf.excluded.blocked),
      capped: n(pf.excluded.frequencyCap),
    }),
    ...(pf.abTest
      ? [
          t("preflight-ab-test", {
            percent: pf.abTest.percent,
            a: n(pf.abTest.A),
            b: n(pf.abTest.B),
            rest: n(pf.abTest.rest),
            holdout: n(pf.holdout),
            when: formatWhen(pf.abTest.decideAt, input.timezone, language),
            by: t(`ab-measure-${pf.abTest.by}`),
            default: pf.abTest.defaultVariant,
          }),
          pf.abTest.detectable === null
            ? t("preflight-ab-too-small-none")
            : t(pf.abTest.tooSmall ? "preflight-ab-too-small" : "preflight-ab-detectable", {
                detectable: formatNumber(pf.abTest.detectable * 100, language, 1),
                baseline: formatNumber(pf.abTest.baseline * 100, language, 0),
                by: t(`ab-measure-${pf.abTest.by}`),
                needed: n(pf.abTest.neededPerVariant),
              }),
        ]
      : [t("preflight-split", { holdout: n(pf.holdout), a: n(pf.variantA), b: pf.variantB })]),
    ...(pf.deferredByQuietHours > 0 ? [t("preflight-quiet", { deferred: n(pf.deferredByQuietHours), window: pf.quietHours ?? "-" })] : []),
    ...(pf.messagesPerRecipient > 1 ? [t("preflight-long-text", { chars: n(pf.longestText), parts: pf.messagesPerRecipient, limit: n(4096) })] : []),
    t("preflight-eta", { eta: formatDuration(pf.etaSeconds, t), rate: input.rate }),
    ...(input.cost !== null ? [t("preflight-cost", { cost: formatMoney(input.cost, language) })] : []),
    ...pf.warnings.map((w) => warningText(w, input, t)),
  ];
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("preflight-title", { name: input.name }).slice(0, 150) } },
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
  ];
  if (input.previewA) blocks.push({ type: "section", text: { type: "mrkdwn", text: `${t("preflight-preview")}\n${quote(input.previewA)}` } });
  if (input.previewB) blocks.push({ type: "section", text: { type: "mrkdwn", text: `${t("preflight-preview-b")}\n${quote(input.previewB)}` } });
  if (input.otherContent) blocks.push({ type: "section", text: { type: "mrkdwn", text: input.otherContent } });
  if (input.approvalRequired) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t("preflight-approval") }] });
  blocks.push({
    type: "actions",
    block_id: "preflight",
    elements: [
      button(CAMPAIGN_SCHEDULE, input.campaignId, t(input.approvalRequired ? "preflight-submit" : "preflight-schedule"), "primary"),
      button(CAMPAIGN_EDIT, { id: input.campaignId, command: input.command.slice(0, 1800) }, t("preflight-edit")),
      button(CAMPAIGN_DISCARD, input.campaignId, t("preflight-cancel"), "danger"),
    ],
  });
  return { text: `${t("preflight-title", { name: input.name })}: ${t("preflight-recipients", { recipients: n(pf.recipients) })}`, blocks };
}

function warningText(w: PreflightWarning, input: PreflightCardInput, t: Translate): string {
  const n = (x: number) => formatNumber(x, input.language);
  if (w.kind === "far_ahead") return t("preflight-far-ahead", { days: n(w.days), order: input.dateOrder ?? "dmy" });
  const percent = (x: number) => formatNumber(Math.round(x * 1000) / 10, input.language);
  return t("preflight-small-group", {
    group: w.group,
    size: n(w.size),
    other: n(w.other),
    needed: w.needed === null ? "none" : n(w.needed),
    balanced: n(w.balanced),
    total: n(w.balanced * 2),
    reach: n(input.preflight.holdout + input.preflight.recipients),
    base: percent(DEFAULT_POWER.baselineRate),
    target: percent(DEFAULT_POWER.baselineRate + DEFAULT_POWER.minimumLift),
  });
}

function quote(message: OutgoingMessage): string {
  const text = message.text
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
  const buttons = (message.buttons ?? []).flat().map((b) => `[${b.text}]`);
  return buttons.length ? `${text}\n> ${buttons.join(" ")}` : text;
}
