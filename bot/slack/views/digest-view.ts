// The digest as a Slack message: the proposal first (what to do), then the
// figures with their readings, subscribers, funnel, campaigns, detractors.
// The proposal's button carries the /send words; pressing it opens the /send
// pre-flight card (bot/slack/actions/digest-actions.ts).
import type { KnownBlock } from "@slack/types";
import type { DigestLine, DigestSections } from "../../digest/digest-sections.ts";
import { button, DIGEST_PROPOSAL, METRICS_DEFINITIONS } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";
import { escapeMrkdwn, truncate } from "./card-parts.ts";

/** Slack's limit for a button's value. */
const BUTTON_VALUE_LIMIT = 2000;
const SECTION_LIMIT = 2900;

export function digestView(s: DigestSections, options: { withChartsNote: boolean }): SlackReply {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(s.title, 150) } },
    { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(s.subtitle) }] },
    { type: "section", text: { type: "mrkdwn", text: `:bulb: *${escapeMrkdwn(s.proposal.heading)}*` } },
  ];
  const p = s.proposal;
  if ("none" in p) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(p.none) } });
  } else {
    const lines = [`*${escapeMrkdwn(p.headline)}*`, ...(p.source ? [escapeMrkdwn(p.source)] : []), `_${escapeMrkdwn(p.why)}_`, escapeMrkdwn(p.campaign), `\`/send ${escapeMrkdwn(p.sendText)}\``];
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(lines.join("\n"), SECTION_LIMIT) } });
    if (p.sendText.length <= BUTTON_VALUE_LIMIT) {
      blocks.push({
        type: "actions",
        block_id: "digest_proposal",
        elements: [button(DIGEST_PROPOSAL, p.sendText, p.button, "primary")],
      });
    }
  }
  s.sections.forEach((section, i) => {
    blocks.push({ type: "divider" });
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(`*${escapeMrkdwn(section.heading)}*\n${section.lines.map(line).join("\n")}`, SECTION_LIMIT) } });
    // Under the key figures: their definitions on request, only the ones the digest shows.
    if (i === 0) {
      blocks.push({
        type: "actions",
        block_id: "digest_definitions",
        elements: [button(METRICS_DEFINITIONS, "digest", s.definitionsButton)],
      });
    }
  });
  if (options.withChartsNote) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `:bar_chart: ${escapeMrkdwn(s.chartsNote)}` }] });
  const headline = "none" in p ? p.none : p.headline;
  return { text: `${s.title} - ${headline}`, blocks };
}

function line(l: DigestLine): string {
  if (l.quote) return `> ${escapeMrkdwn(l.text)}`;
  const text = `${l.label ? `*${escapeMrkdwn(l.label)}:* ` : ""}${escapeMrkdwn(l.text)}`;
  // Not in italics: a source such as partner_blog would end Slack's _..._ early.
  return l.note ? `${text}\n      ↳ ${escapeMrkdwn(l.note)}` : text;
}
